#!/usr/bin/env bash
# bench/search/vs-pagefind.sh — SiteBuilder's sharded lunr index against Pagefind 1.6.0, as a reader sees them.
# For each size: generate the shared corpus (gen_corpus.py, seed 1), build it with SiteBuilder (built-in theme) and
# with Hugo (the shared kit's build_peers.sh layout), run Pagefind on Hugo's output, then in a cold headless Chromium
# (bench/search/reader.js) type queries one key per 50 ms: SiteBuilder over http://127.0.0.1 and from file://, Pagefind
# (its default UI on a page added to Hugo's output) over http. Also: index build time, search files and bytes on disk.
# Run it under the machine-wide lock: flock /work/team/bench.lock bash bench/search/vs-pagefind.sh
# Environment: SIZES (default "1000 10000 50000"), RUNS (cold runs of "migration", default 3), QUERIES (the other
# queries, one run each), SHARED (the shared kit), WORK (default bench/work), OUT (log, default WORK/vs-pagefind.log).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$REPO/bench/search"
SHARED="${SHARED:-$REPO/../shared}"
[ -d "$SHARED/bench" ] || SHARED="$(dirname "$(git -C "$REPO" rev-parse --path-format=absolute --git-common-dir)")/../shared"
[ -d "$SHARED/bench" ] || SHARED=/work/shared
KIT="$SHARED/bench"
SIZES="${SIZES:-1000 10000 50000}"
RUNS="${RUNS:-3}"
WORK="${WORK:-$REPO/bench/work}"
OUT="${OUT:-$WORK/vs-pagefind.log}"
IFS='|' read -r -a OTHER <<< "${QUERIES:-census|asylum seekers|remit|Estonia border|labour market statistics}"
mkdir -p "$WORK"
: > "$OUT"
log() { echo "== $*" | tee -a "$OUT" >&2; }
say() { echo "$*" | tee -a "$OUT"; }

command -v hugo >/dev/null || { echo "vs-pagefind.sh: hugo missing (apt-get install -y hugo)" >&2; exit 3; }
(cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
(cd "$REPO" && npm ci --no-audit --no-fund >/dev/null)
log "publishing SiteBuilder (Release, ReadyToRun)"
dotnet publish "$REPO/src/SiteBuilder.Cli" -c Release -r linux-x64 --self-contained false --nologo -v quiet -o "$WORK/sitebuilder-bin" >/dev/null
SB=(dotnet "$WORK/sitebuilder-bin/sitebuilder.dll")
PAGEFIND="$HERE/node_modules/.bin/pagefind"
say "date_utc=$(date -u +%FT%TZ) commit=$(git -C "$REPO" rev-parse --short HEAD) nproc=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
say "hugo=$(hugo version | head -1) pagefind=$("$PAGEFIND" --version) chromium=$(dpkg-query -W -f='${Version}' chromium 2>/dev/null || echo ?)"

timed() {  # timed NAME CMD...: wall seconds and peak MiB of one run
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/.time" "$@" > "$WORK/.out" 2>&1 || { cat "$WORK/.out" >&2; return 1; }
  read -r wall kib < "$WORK/.time"
  say "$name wall_s=$wall peak_mib=$((kib / 1024))"
}

disk() {  # disk NAME DIR: files and bytes
  say "$1 files=$(find "$2" -type f | wc -l) bytes=$(find "$2" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')"
}

for N in $SIZES; do
  C="$WORK/corpus-$N"
  GEN_ID="$N 1 $(sha1sum "$KIT/gen_corpus.py" | cut -c1-12)"
  if [ "$(cat "$C/.bench-stamp" 2>/dev/null)" != "$GEN_ID" ]; then
    log "generate corpus N=$N"
    python3 "$KIT/gen_corpus.py" --pages "$N" --seed 1 --out "$C" --force > /dev/null
    echo "$GEN_ID" > "$C/.bench-stamp"
  fi
  S="$WORK/search-sb-$N"; H="$WORK/search-hugo-$N"
  log "N=$N lay out for SiteBuilder and Hugo"
  rm -rf "$S" "$H"
  python3 "$REPO/bench/prepare_site.py" --corpus "$C" --out "$S" --strip-broken > /dev/null
  "$KIT/build_peers.sh" "$C" "$H" > /dev/null
  rm -rf "$H/mkdocs" "$H/jekyll"

  log "N=$N builds"
  timed "sitebuilder-build-$N" "${SB[@]}" build --source "$S" --quiet
  grep -h "^Search index" "$WORK/.out" | sed "s/^/sitebuilder-summary-$N /" | tee -a "$OUT" || true
  timed "hugo-build-$N" hugo --quiet -s "$H/hugo" -d "$H/hugo/public"
  timed "pagefind-index-$N" "$PAGEFIND" --site "$H/hugo/public"
  disk "sitebuilder-search-$N" "$S/_site/search"
  disk "pagefind-search-$N" "$H/hugo/public/pagefind"
  # Pagefind's own UI on a page of the Hugo site: the reader's side of the default Pagefind setup.
  cat > "$H/hugo/public/pf-search.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Search</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>window.addEventListener('DOMContentLoaded', function () { new PagefindUI({ element: '#search', showSubResults: false }); });</script></body></html>
EOF

  log "N=$N readers (cold Chromium, one key per 50 ms)"
  for mode in http file; do
    flag=(); [ "$mode" = file ] && flag=(--file)
    node "$HERE/reader.js" --tool sitebuilder --site "$S/_site" --page index.html --runs "$RUNS" --query migration "${flag[@]}" | sed "s/^/N=$N /" | tee -a "$OUT"
  done
  node "$HERE/reader.js" --tool pagefind --site "$H/hugo/public" --page pf-search.html --runs "$RUNS" --query migration | sed "s/^/N=$N /" | tee -a "$OUT"
  for q in "${OTHER[@]}"; do
    node "$HERE/reader.js" --tool sitebuilder --site "$S/_site" --page index.html --runs 1 --query "$q" | tail -1 | sed "s/^/N=$N /" | tee -a "$OUT"
    node "$HERE/reader.js" --tool pagefind --site "$H/hugo/public" --page pf-search.html --runs 1 --query "$q" | tail -1 | sed "s/^/N=$N /" | tee -a "$OUT"
  done
  # keep disk use bounded
  rm -rf "$H/hugo/public" "$S/_site"
done
log "done; log in $OUT"
