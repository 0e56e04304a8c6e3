#!/usr/bin/env bash
# bench/search/reader-queries.sh SITE_DIR [RUNS] [--file]: reader.js for the six bench queries (RUNS cold runs each,
# default 3), one line per query with the medians and, per run, the longest task. Run it under the machine-wide lock.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SITE="$1"; RUNS="${2:-3}"; shift 2 || true
for q in migration census "asylum seekers" remit "Estonia border" "labour market statistics"; do
  node "$HERE/reader.js" --tool sitebuilder --site "$SITE" --page index.html --runs "$RUNS" --query "$q" "$@" |
    python3 -c '
import sys, json
runs = [json.loads(l) for l in sys.stdin]
med = runs[-1]; each = runs[:-1]
print(json.dumps({"query": med["query"], "mode": med["mode"], "gzip_kB": round(med["gzip"] / 1000, 1), "raw_kB": round(med["raw"] / 1000, 1),
  "requests": med["requests"], "ms": med["ms"], "heapMB": med["heapMB"], "longestTaskMs": med["longestTaskMs"],
  "perRun": [[round(r["gzip"] / 1000, 1), r["ms"], r["longestTaskMs"]] for r in each],
  "searches": [[s[1] for s in r["searches"]] for r in each]}))'
done
