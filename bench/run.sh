#!/usr/bin/env bash
# bench/run.sh - SiteBuilder vs Hugo on the shared synthetic wiki corpus, in one run.
#
# For each size N: generate the corpus (../shared/bench/gen_corpus.py), lay it out for Hugo
# (../shared/bench/build_peers.sh, unchanged) and for SiteBuilder (bench/prepare_site.py),
# check that SiteBuilder's built-in theme produced a whole site, build the corpus with its
# planted broken links once (SiteBuilder must fail with exactly those links), then time
# cold builds of both tools, alternating them round by round, each run under
# /usr/bin/time -v (wall, CPU, peak RSS). Prints the ratios and writes them into
# bench/RESULTS.md between the generated-section markers. See bench/README.md.
#
# Environment (all optional):
#   BENCH_SHARED=<repo>/../shared   the shared folder (holds bench/gen_corpus.py ...); in a git
#                                   worktree, <main checkout>/../shared is tried next
#   BENCH_WORK=<repo>/bench/work    corpora, laid-out sites, outputs, raw results (gitignored)
#   BENCH_SIZES="1000 10000"        corpus sizes (regular pages; index pages come on top)
#   BENCH_RUNS_<N>                  timed rounds per size (default 5 for N<=1000, 3 above)
#   BENCH_HYPERFINE_SIZES="1000"    sizes that also get a hyperfine comparison ("" = none)
#   BENCH_SEED=1                    corpus seed
#   BENCH_RESULTS=<repo>/bench/RESULTS.md   where the generated section goes ("" = don't write)
#   BENCH_SB_DLL                    use this sitebuilder.dll instead of publishing the Release CLI
#   BENCH_INSTALL=1                 apt-get install hugo hyperfine time if missing (needs root)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
SHARED=${BENCH_SHARED:-$REPO/../shared}
if [ -z "${BENCH_SHARED:-}" ] && [ ! -d "$SHARED/bench" ]; then
  # In a git worktree, the shared folder sits beside the main checkout instead.
  SHARED=$(dirname "$(git -C "$REPO" rev-parse --path-format=absolute --git-common-dir)")/../shared
fi
KIT=$(cd "$SHARED/bench" 2>/dev/null && pwd) || { echo "run.sh: no $SHARED/bench; set BENCH_SHARED" >&2; exit 3; }
WORK=${BENCH_WORK:-$REPO/bench/work}
SIZES=${BENCH_SIZES:-"1000 10000"}
HF_SIZES=${BENCH_HYPERFINE_SIZES-1000}
SEED=${BENCH_SEED:-1}
RESULTS=${BENCH_RESULTS-$REPO/bench/RESULTS.md}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RES=$WORK/results/$STAMP
mkdir -p "$RES/raw"
LOG=$RES/run.log
log() { echo "[$(date -u +%H:%M:%S)] $*" | tee -a "$LOG" >&2; }

# ------------------------------------------------------------------ tools
need=()
command -v hugo >/dev/null || need+=(hugo)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  if [ "${BENCH_INSTALL:-1}" = 1 ] && [ "$(id -u)" = 0 ]; then
    log "installing ${need[*]}"
    apt-get update -qq >> "$LOG" 2>&1 && apt-get install -y -qq "${need[@]}" >> "$LOG" 2>&1
  else
    echo "run.sh: missing ${need[*]}; install them (apt-get install -y ${need[*]}) or run as root" >&2
    exit 3
  fi
fi

if [ -n "${BENCH_SB_DLL:-}" ]; then
  SB_DLL=$BENCH_SB_DLL
else
  # The tool as it ships: published for this machine's runtime, precompiled (ReadyToRun), built-in theme included.
  log "publishing SiteBuilder (Release, ReadyToRun)"
  dotnet publish "$REPO/src/SiteBuilder.Cli" -c Release -r linux-x64 --self-contained false --nologo -v quiet \
    -o "$WORK/sitebuilder-bin" >> "$LOG" 2>&1 \
    || { echo "run.sh: Release publish failed, see $LOG" >&2; exit 1; }
  SB_DLL=$WORK/sitebuilder-bin/sitebuilder.dll
fi
SB=(dotnet "$SB_DLL")

{
  echo "date_utc=$(date -u +%FT%TZ)"
  echo "command=$(for v in BENCH_SIZES BENCH_HYPERFINE_SIZES BENCH_SEED $(compgen -v BENCH_RUNS_ || true); do [ -n "${!v+x}" ] && printf '%s="%s" ' "$v" "${!v}"; done)bench/run.sh"
  echo "nproc=$(nproc)"
  echo "mem_total=$(free -m | awk '/Mem:/{printf "%.1f GiB", $2/1024}')"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "kernel=$(uname -sr)"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "hugo=$(hugo version 2>&1 | head -1)"
  echo "dotnet=$(dotnet --version)"
  echo "sitebuilder=$(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src || echo '+uncommitted src changes')"
  echo "hyperfine=$(hyperfine --version)"
  echo "python=$(python3 --version 2>&1)"
  echo "time=$(dpkg-query -W -f '${Package} ${Version}' time 2>/dev/null || echo /usr/bin/time)"
} > "$RES/facts.txt"
log "facts: $(tr '\n' ';' < "$RES/facts.txt")"

# run_timed ID CMD... : one run under /usr/bin/time -v; raw files RES/raw/ID.{time,out,err}
run_timed() {
  local id=$1; shift
  /usr/bin/time -v -o "$RES/raw/$id.time" "$@" > "$RES/raw/$id.out" 2> "$RES/raw/$id.err" || true
  log "  $id: $(awk -F': ' '/Elapsed/{w=$2} /Maximum resident/{m=$2} /Exit status/{x=$2} END{printf "wall %s, peak %.0f MiB, exit %s", w, m/1024, x}' "$RES/raw/$id.time")"
}

runs_for() {
  local v="BENCH_RUNS_$1"
  if [ -n "${!v:-}" ]; then echo "${!v}"; elif [ "$1" -le 1000 ]; then echo 5; else echo 3; fi
}

for N in $SIZES; do
  C=$WORK/corpus-$N
  GEN_ID="$N $SEED $(sha1sum "$KIT/gen_corpus.py" | cut -c1-12)"
  if [ "$(cat "$C/.bench-stamp" 2>/dev/null)" != "$GEN_ID" ]; then
    log "generate corpus N=$N seed=$SEED"
    python3 "$KIT/gen_corpus.py" --pages "$N" --seed "$SEED" --out "$C" --force > /dev/null
    echo "$GEN_ID" > "$C/.bench-stamp"
  fi
  cp "$C/_corpus_stats.json" "$RES/corpus-$N.stats.json"

  H=$WORK/hugo-$N
  log "lay out N=$N for Hugo (build_peers.sh) and SiteBuilder (prepare_site.py)"
  "$KIT/build_peers.sh" "$C" "$H" >> "$LOG"
  rm -rf "$H/mkdocs" "$H/jekyll"          # build_peers.sh also lays out peers we do not time here
  S=$WORK/sb-$N                           # planted broken links stripped: the timed strict build
  P=$WORK/sb-$N-planted                   # planted broken links kept: the validation run
  python3 "$HERE/prepare_site.py" --corpus "$C" --out "$S" --strip-broken > "$RES/prepare-$N.json"
  python3 "$HERE/prepare_site.py" --corpus "$C" --out "$P" > /dev/null
  [ ! -e "$S/layouts" ] || { echo "run.sh: $S/layouts exists; the bench must use the built-in theme" >&2; exit 1; }

  HUGO_CMD=(hugo --quiet -s "$H/hugo" -d "$H/hugo/public")
  SB_CMD=("${SB[@]}" build --source "$S" --verbose)
  # The previous run's output is set aside (renamed into $TRASH), not deleted, and the trash is deleted only after the
  # timed rounds. This machine's ext4 has no journal, and without one the kernel skips every inode freed in the last
  # minute (five while its table block is dirty) when it allocates, looking each one up (fs/ext4/ialloc.c,
  # find_inode_bit -> recently_deleted): a build started right after `rm -rf` of a 10k output spent 19 % of its CPU
  # there (perf record, 2026-12-03), and how much depended on which tool's deletions were in which block group. A
  # rename frees nothing, so each timed build measures the tool, not the harness's deletion before it.
  TRASH=$WORK/trash
  set_aside() { local p; mkdir -p "$TRASH"; for p in "$@"; do [ ! -e "$p" ] || mv "$p" "$(mktemp -d "$TRASH/XXXXXX")/"; done; }
  hugo_prep() { set_aside "$H/hugo/public" "$H/hugo/resources"; }
  sb_prep() { set_aside "$S/_site" "$S/.sitebuilder" "$S"/._site.*; }

  # Probe runs: not counted; they warm the OS file cache and give the outputs checked below.
  log "N=$N probe runs"
  hugo_prep; run_timed "hugo-$N-probe" "${HUGO_CMD[@]}"
  sb_prep; run_timed "sitebuilder-$N-probe" "${SB_CMD[@]}"
  python3 "$HERE/check_output.py" --site "$S" --hugo-public "$H/hugo/public" \
    --stderr "$RES/raw/sitebuilder-$N-probe.err" > "$RES/check-$N.json" \
    || log "  output check FAILED: $(python3 -c 'import json, sys; print("; ".join(json.load(open(sys.argv[1]))["failures"]))' "$RES/check-$N.json")"
  du -sk "$S/_site" | cut -f1 > "$RES/size-sitebuilder-$N.kib"
  du -sk "$H/hugo/public" | cut -f1 > "$RES/size-hugo-$N.kib"

  # Validation run: the corpus with its planted broken links; SiteBuilder must exit 2 and
  # report each of them (compared with _expected_broken.json by summarize.py).
  log "N=$N validation run (planted broken links kept; expected to fail with exit 2)"
  rm -rf "$P/_site" "$P/.sitebuilder"
  run_timed "sitebuilder-validate-$N" "${SB[@]}" build --source "$P" --verbose
  cp "$C/_expected_broken.json" "$RES/expected-broken-$N.json"

  R=$(runs_for "$N")
  log "N=$N timed rounds: $R (alternating Hugo and SiteBuilder)"
  for ((i = 1; i <= R; i++)); do
    if ((i % 2)); then
      hugo_prep; run_timed "hugo-$N-run$i" "${HUGO_CMD[@]}"
      sb_prep; run_timed "sitebuilder-$N-run$i" "${SB_CMD[@]}"
    else
      sb_prep; run_timed "sitebuilder-$N-run$i" "${SB_CMD[@]}"
      hugo_prep; run_timed "hugo-$N-run$i" "${HUGO_CMD[@]}"
    fi
  done

  if [[ " $HF_SIZES " == *" $N "* ]]; then
    log "N=$N hyperfine ($R runs each)"
    # hyperfine deletes before each run (its --prepare takes a plain command): at 1k the freed-inode walk the
    # alternating rounds set aside (see TRASH above) is small, and this comparison is secondary.
    hyperfine -N --style basic --runs "$R" --export-json "$RES/hyperfine-$N.json" \
      --prepare "rm -rf $H/hugo/public $H/hugo/resources" -n hugo "${HUGO_CMD[*]}" \
      --prepare "rm -rf $S/_site $S/.sitebuilder" -n sitebuilder "${SB_CMD[*]}" >> "$LOG" 2>&1 \
      || log "  hyperfine failed (see $LOG)"
  fi
  # keep disk use bounded: the big outputs are not needed any more
  hugo_prep; sb_prep; rm -rf "$TRASH"
done

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RES/facts.txt"
python3 "$HERE/summarize.py" "$RES" > "$RES/summary.md"
if [ -n "$RESULTS" ]; then
  python3 "$HERE/summarize.py" --splice "$RESULTS" "$RES/summary.md"
  log "results written to $RESULTS (raw data in $RES)"
fi
python3 "$HERE/summarize.py" --ratios "$RES"
