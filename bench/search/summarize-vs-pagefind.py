#!/usr/bin/env python3
"""Tables for bench/search/RESULTS.md from a vs-pagefind.sh log: summarize-vs-pagefind.py LOG"""
import json, re, sys

rows, facts = {}, {}
for line in open(sys.argv[1]):
    m = re.match(r'N=(\d+) (\{.*\})', line)
    if m:
        d = json.loads(m.group(2))
        if d.get('median'):
            rows[(int(m.group(1)), d['tool'], d['mode'], d['query'])] = d
        continue
    m = re.match(r'(\S+)-(\d+) (.*)', line)
    if m and '=' in m.group(3):
        facts[(m.group(1), int(m.group(2)))] = dict(kv.split('=', 1) for kv in m.group(3).split())
sizes = sorted({k[0] for k in rows})
kb = lambda b: f"{b / 1000:,.1f}"

print("| Pages | Tool, mode | fetched before the first result, gzip (raw) kB | requests | last key → result ms | heap MB | longest task ms |")
print("|---|---|---|---|---|---|---|")
for n in sizes:
    for tool, mode in [('sitebuilder', 'http'), ('sitebuilder', 'file'), ('pagefind', 'http')]:
        d = rows.get((n, tool, mode, 'migration'))
        if d:
            print(f"| {n:,} | {tool}, {mode} | {kb(d['gzip'])} ({kb(d['raw'])}) | {d['requests']} | {d['ms']} | {d['heapMB']} | {d['longestTaskMs']:.0f} |")
print()
others = sorted({k[3] for k in rows if k[3] != 'migration'})
print("| Pages | Query | SiteBuilder gzip kB / ms / longest task ms | Pagefind gzip kB / ms / longest task ms |")
print("|---|---|---|---|")
for n in sizes:
    for q in others:
        s, p = rows.get((n, 'sitebuilder', 'http', q)), rows.get((n, 'pagefind', 'http', q))
        if s and p:
            print(f"| {n:,} | `{q}` | {kb(s['gzip'])} / {s['ms']} / {s['longestTaskMs']:.0f} | {kb(p['gzip'])} / {p['ms']} / {p['longestTaskMs']:.0f} |")
print()
print("| Pages | SiteBuilder build (index included), s | Hugo build, s | Pagefind index, s | SiteBuilder search files / MB | Pagefind files / MB |")
print("|---|---|---|---|---|---|")
for n in sizes:
    f = lambda k, v: facts.get((k, n), {}).get(v, '?')
    mb = lambda k: f"{int(f(k, 'bytes')) / 1e6:.1f}" if f(k, 'bytes') != '?' else '?'
    print(f"| {n:,} | {f('sitebuilder-build', 'wall_s')} | {f('hugo-build', 'wall_s')} | {f('pagefind-index', 'wall_s')} | "
          f"{f('sitebuilder-search', 'files')} / {mb('sitebuilder-search')} | {f('pagefind-search', 'files')} / {mb('pagefind-search')} |")
