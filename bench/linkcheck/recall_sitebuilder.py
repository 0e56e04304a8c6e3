#!/usr/bin/env python3
"""Recall of `sitebuilder check-links --format json` against the corpus's _expected_broken.json.

Uses the shared kit's check_recall.py helpers (md_to_url, norm, resolve) so that our report is
matched exactly like html-proofer's and LinkChecker's: a pair is (source page URL, broken
target URL[#fragment]); found_target = the target was reported at all, found_pair = from the
right page; extra = reported targets that are not planted.

    recall_sitebuilder.py --kit /work/shared/bench --expected CORPUS/_expected_broken.json --report sitebuilder.json
"""
import argparse
import json
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--kit", required=True)
ap.add_argument("--expected", required=True)
ap.add_argument("--report", required=True)
a = ap.parse_args()
sys.path.insert(0, a.kit)
from check_recall import md_to_url, norm, resolve  # noqa: E402

exp = json.load(open(a.expected))["broken"]
report = json.load(open(a.report))
pairs = set()
for r in report["results"]:
    if r["status"] != "broken" or r["kind"] != "internal":
        continue
    src = norm("/" + r["page"])
    tgt = resolve(src, r["url"])
    if tgt:
        pairs.add((src, tgt))
targets = {t for _, t in pairs}
res = {"tool": "sitebuilder", "expected": len(exp), "reported_pairs": len(pairs), "reported_targets": len(targets)}
exp_targets = set()
for kind in ("missing_page", "missing_fragment"):
    es = [e for e in exp if e["kind"] == kind]
    ft = fp = 0
    for e in es:
        t = md_to_url(e["target"]) + (("#" + e["fragment"]) if kind == "missing_fragment" else "")
        s = md_to_url(e["source"])
        exp_targets.add(t)
        ft += t in targets
        fp += (s, t) in pairs
    res[kind] = {"expected": len(es), "found_target": ft, "found_pair": fp}
res["extra_targets"] = len(targets - exp_targets)
res["extra_examples"] = sorted(targets - exp_targets)[:5]
tot = len(exp) or 1
res["recall_target"] = round((res["missing_page"]["found_target"] + res["missing_fragment"]["found_target"]) / tot, 4)
res["recall_pair"] = round((res["missing_page"]["found_pair"] + res["missing_fragment"]["found_pair"]) / tot, 4)
print(json.dumps(res, sort_keys=True))
