#!/usr/bin/env bash
# bench/linkcheck/run.sh - internal link checking of the N-page corpus (default 10k), side by side:
#   sitebuilder check-links --offline   (this repository, Release build)
#   htmlproofer --disable-external      (Debian ruby-html-proofer)
#   linkchecker                         (Debian linkchecker; file://, pages only, as in the shared kit)
# all on the same built output, and whether each finds the corpus's planted broken links
# (_expected_broken.json; recall computed by the shared kit's check_recall.py, and by
# recall_sitebuilder.py here for our JSON report with the same matching rules).
#
# The site checked is Hugo's build of the corpus (shared kit: build_peers.sh, relativeURLs
# config) until SiteBuilder's own build exists; SITE=DIR checks another built folder instead.
#
# Environment (all optional):
#   N=10000  SEED=1  KIT=/work/shared/bench  WORK=REPO/bench/work/linkcheck  RES=WORK/results
#   TOOLS="sitebuilder htmlproofer linkchecker"  LIMIT=900 (seconds per run)  RUNS_SB=3 (sitebuilder repeats)
#   SITE=DIR (skip the Hugo build and check DIR)  SUMMARY_TOOLS="sitebuilder htmlproofer linkchecker"
# Output: RES/summary.md (table), RES/<tool>.time (wall s, peak RSS KiB, exit), reports, recall JSON.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KIT=${KIT:-/work/shared/bench}
N=${N:-10000}
SEED=${SEED:-1}
WORK=${WORK:-$REPO/bench/work/linkcheck}
RES=${RES:-$WORK/results}
TOOLS=${TOOLS:-"sitebuilder htmlproofer linkchecker"}
LIMIT=${LIMIT:-900}
RUNS_SB=${RUNS_SB:-3}
mkdir -p "$RES"
LOG="$RES/run.log"
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$LOG"; }

C="$WORK/corpus-$N"
if [ ! -f "$C/_expected_broken.json" ]; then
  log "generate corpus N=$N seed=$SEED"
  python3 "$KIT/gen_corpus.py" --pages "$N" --seed "$SEED" --out "$C" --force > "$RES/corpus.stats.json"
fi

if [ -n "${SITE:-}" ]; then
  S=$(cd "$SITE" && pwd)
else
  W="$WORK/w$N"
  [ -d "$W/hugo" ] || "$KIT/build_peers.sh" "$C" "$W" >> "$LOG"
  S="$W/hugo/public-linkcheck"
  if [ ! -f "$S/index.html" ]; then
    log "hugo build (relativeURLs) -> $S"
    hugo --quiet -s "$W/hugo" --config "$W/hugo/config.toml,$W/hugo/config-linkcheck.toml" -d "$S" >> "$LOG" 2>&1
  fi
  chmod -R a+rX "$W"   # linkchecker drops root privileges to 'nobody'
fi
log "site: $S ($(find "$S" -name '*.html' | wc -l) HTML files)"

BIN="$WORK/bin"
if [[ " $TOOLS " == *" sitebuilder "* ]]; then
  log "dotnet build -c Release src/SiteBuilder.Cli -> $BIN"
  dotnet build -c Release "$REPO/src/SiteBuilder.Cli" -o "$BIN" >> "$LOG" 2>&1 || { log "build failed"; exit 1; }
fi

# run ID CMD... : one timed run through /usr/bin/time (wall s, peak RSS KiB, exit code, user s, system s).
# CPU seconds are reported too: on a shared machine wall time follows the load, CPU time much less.
run() {
  local id=$1; shift
  /usr/bin/time -f '%e,%M,%x,%U,%S' -a -o "$RES/$id.time" timeout -k 10 "$LIMIT" "$@" > "$RES/$id.out" 2> "$RES/$id.err"
  log "  $id: $(tail -1 "$RES/$id.time") (wall s, maxrss KiB, exit, user s, sys s) load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

for t in $TOOLS; do
  : > "$RES/$t.time"
  case $t in
    sitebuilder)
      # The site has no source map (Hugo built it): results are at HTML positions.
      for i in $(seq 1 "$RUNS_SB"); do
        log "sitebuilder check-links --offline, run $i/$RUNS_SB"
        run sitebuilder "$BIN/sitebuilder" check-links --source "$(dirname "$S")" --site "$S" --offline --format json --output "$RES/sitebuilder.json"
      done
      python3 "$HERE/recall_sitebuilder.py" --kit "$KIT" --expected "$C/_expected_broken.json" --report "$RES/sitebuilder.json" > "$RES/sitebuilder.recall.json"
      ;;
    htmlproofer)
      log "htmlproofer --disable-external"
      run htmlproofer htmlproofer "$S" --disable-external
      cat "$RES/htmlproofer.out" "$RES/htmlproofer.err" > "$RES/htmlproofer.report"   # it reports on stderr
      python3 "$KIT/check_recall.py" --expected "$C/_expected_broken.json" --site "$S" --tool htmlproofer --report "$RES/htmlproofer.report" --json > "$RES/htmlproofer.recall.json"
      ;;
    linkchecker)
      log "linkchecker (file://)"
      run linkchecker linkchecker --no-warnings --no-status -o text "$S/"
      cat "$RES/linkchecker.out" "$RES/linkchecker.err" > "$RES/linkchecker.report"
      python3 "$KIT/check_recall.py" --expected "$C/_expected_broken.json" --site "$S" --tool linkchecker --report "$RES/linkchecker.report" --json > "$RES/linkchecker.recall.json"
      ;;
  esac
  [ -f "$RES/$t.recall.json" ] && log "  recall $t: $(cat "$RES/$t.recall.json")"
done

# The summary covers every checker with results in RES, so TOOLS=x re-measures one and keeps the rest.
python3 - "$RES" ${SUMMARY_TOOLS:-sitebuilder htmlproofer linkchecker} > "$RES/summary.md" <<'PY'
import json, os, statistics, sys
res, tools = sys.argv[1], sys.argv[2:]
rows, base = [], None
for t in tools:
    if not os.path.exists(os.path.join(res, t + ".time")): continue
    runs = [l.strip().split(",") for l in open(os.path.join(res, t + ".time")) if l.strip() and "," in l]
    runs = [r for r in runs if len(r) == 5]
    if not runs: continue
    wall = statistics.median(float(r[0]) for r in runs)
    cpu = statistics.median(float(r[3]) + float(r[4]) for r in runs)
    rss = max(int(r[1]) for r in runs) / 1024
    rec = json.load(open(os.path.join(res, t + ".recall.json"))) if os.path.exists(os.path.join(res, t + ".recall.json")) else {}
    if t == "sitebuilder": base = (wall, cpu)
    rows.append((t, wall, cpu, len(runs), rss, runs[-1][2], rec))
print("| Checker | Wall (median) | CPU user+sys | Runs | Peak RSS | Exit | Missing pages found | Missing fragments found | Recall (target / source page) | Extra targets | Wall / CPU vs sitebuilder |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for t, wall, cpu, n, rss, code, rec in rows:
    mp, mf = rec.get("missing_page", {}), rec.get("missing_fragment", {})
    ratio = f"{wall / base[0]:.1f}× / {cpu / base[1]:.1f}×" if base else "-"
    print(f"| {t} | {wall:.2f} s | {cpu:.2f} s | {n} | {rss:.0f} MiB | {code} | {mp.get('found_target','-')}/{mp.get('expected','-')} | "
          f"{mf.get('found_target','-')}/{mf.get('expected','-')} | {rec.get('recall_target','-')} / {rec.get('recall_pair','-')} | {rec.get('extra_targets','-')} | {ratio} |")
PY
log "summary: $RES/summary.md"
cat "$RES/summary.md"
