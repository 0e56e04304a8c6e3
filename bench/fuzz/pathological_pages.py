# Hostile Markdown pages of about 2 MiB (the page limit), one pattern each, for the timings in
# bench/fuzz/RESULTS.md ("Large pages"). Usage: python3 pathological_pages.py list | CASE OUT.md
# N=BYTES sets the size.
import sys
import os
N = int(os.environ.get("N", 2*1024*1024 - 200))
def rep(unit, tail=""):
    k = (N - len(tail)) // len(unit)
    return unit * k + tail
cases = {
 "quote1line": rep(">", " a\n"),
 "dashes1line": rep("- ", "a\n"),
 "emph_open": rep("*a "),
 "emph_nest": "*" * (N//2 - 2) + "a" + "*" * (N//2 - 2),
 "under_mix": rep("_a* "),
 "strong_mix": rep("**a_ "),
 "brackets_open": rep("["),
 "brackets_a": rep("[a"),
 "bracket_close": "[" * (N//2) + "]" * (N//2 - 10),
 "link_open": rep("[a]("),
 "link_ref_use": "[x]: /u\n\n" + rep("[x] "),
 "refdefs": rep("[a]: /u\n"),
 "refdefs_distinct": "".join(f"[r{i}]: /u{i}\n" for i in range(N // 16)),
 "images_nest": "![" * (N//6) + "a" + "](u)" * (N//6),
 "backticks": "".join("`" * (i % 500 + 1) + "a" for i in range(N // 250))[:N],
 "lt_open": rep("<a "),
 "html_comment": rep("<!-- "),
 "wiki_open": rep("[["),
 "wiki_mix": rep("[[a|[[b#"),
 "wiki_many": rep("[[Home]] "),
 "links_1m": rep("[a](/u) "),
 "headings_dup": rep("# a\n\n"),
 "table_wide": "|" + "a|" * (N//4) + "\n|" + "-|" * (N//4) + "\n",
 "table_rows": "|a|b|\n|-|-|\n" + rep("|a|b|\n"),
 "attrs": rep("a {#x .y z=1}\n\n"),
 "autolinks_www": rep("www.a.b "),
 "longline": rep("word "),
 "footnotes": rep("[^1] ") + "\n\n[^1]: x\n",
 "entities": rep("&amp; &#123; &"),
 "list_deep": "".join("  " * i + "- a\n" for i in range(3200))[:N],
 "quote_list": rep("> - "),
 "ol_1line": rep("1. "),
 "emph_tilde": rep("~~a "),
 "children": rep("{{children}}\n"),
 "grid": "+" + "-+" * 2000 + "\n" + ("|" + " |" * 2000 + "\n" + "+" + "-+" * 2000 + "\n") * 600,
}
name = sys.argv[1]
if name == "list":
    print(" ".join(cases)); sys.exit()
open(sys.argv[2], "w").write("---\ntitle: X\n---\n" + cases[name])
