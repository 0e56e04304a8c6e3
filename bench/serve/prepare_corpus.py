#!/usr/bin/env python3
"""Lays out a gen_corpus.py corpus as a SiteBuilder site, for the serve benchmark.

    prepare_corpus.py RAW_CORPUS SITE_DIR

- `_index.md` section pages become `index.md` (SiteBuilder's convention) and links to them follow;
- the planted broken links (RAW_CORPUS/_expected_broken.json) are unlinked, keeping their text:
  `serve` publishes only builds without errors, and the benchmark times successful rebuilds;
- front matter: `tags` becomes `labels`; the DIMiS-like keys `country`, `data_source` and `year`
  are dropped (this site.yml declares no schema for them, so each would be an unknown-key warning);
- a site.yml with the three sections is written.
Standard library only; the result is byte-identical for the same input.
"""
import json
import os
import re
import shutil
import sys


def main(raw, site):
    pages = os.path.join(site, "pages")
    if os.path.exists(site):
        shutil.rmtree(site)
    os.makedirs(pages)
    broken = json.load(open(os.path.join(raw, "_expected_broken.json")))["broken"]
    unlink = {}
    for b in broken:
        unlink.setdefault(b["source"], []).append((b["line"], b["href"]))
    count = 0
    for folder, dirs, files in os.walk(raw):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            src = os.path.join(folder, name)
            rel = os.path.relpath(src, raw).replace(os.sep, "/")
            lines = open(src, encoding="utf-8").read().split("\n")
            for line_no, href in unlink.get(rel, []):
                i = line_no - 1
                lines[i] = re.sub(r"\[([^\]]*)\]\(" + re.escape(href) + r"\)", r"\1", lines[i], count=1)
            text = rewrite_front_matter("\n".join(lines))
            text = re.sub(r"(\]\([^)\s]*?)_index\.md", r"\1index.md", text)
            out_rel = rel[:-len("_index.md")] + "index.md" if name == "_index.md" else rel
            dst = os.path.join(pages, out_rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            with open(dst, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            count += 1
    with open(os.path.join(site, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: Serve benchmark wiki\nbase_url: https://bench.example.org/\n"
                "sections:\n  migration:\n    title: Migration\n  dimis:\n    title: DIMiS\n"
                "  covid-19:\n    title: Covid-19\n")
    print(f"{count} pages in {pages}; {len(broken)} planted broken links unlinked")


def rewrite_front_matter(text):
    if not text.startswith("---\n"):
        return text
    end = text.index("\n---", 4)
    head, body = text[4:end], text[end:]
    out = []
    for line in head.split("\n"):
        if re.match(r"^(country|data_source|year):", line):
            continue
        out.append("labels:" + line[len("tags:"):] if line.startswith("tags:") else line)
    return "---\n" + "\n".join(out) + body


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
