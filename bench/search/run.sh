#!/usr/bin/env bash
# bench/search/run.sh — SiteBuilder's lunr index builder against lunr.js (build time, identical output), index size vs
# MkDocs. What a reader's browser fetches and waits for, against Pagefind, is bench/search/vs-pagefind.sh.
# Environment: PAGES (default 10000), SHARED (the shared kit; default ../shared next to the repository, else
# /work/shared), WORK (default bench/work/search), RUNS (hyperfine runs, default 3), SKIP_MKDOCS=1 to skip MkDocs.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$REPO/../shared}"
[ -d "$SHARED/bench" ] || SHARED=/work/shared
PAGES="${PAGES:-10000}"
WORK="${WORK:-$REPO/bench/work/search}"
RUNS="${RUNS:-3}"
mkdir -p "$WORK"
log() { echo "== $*" >&2; }

log "npm ci (repository root: lunr.js; bench/search: playwright-core)"
(cd "$REPO" && npm ci --no-audit --no-fund >/dev/null)
(cd "$REPO/bench/search" && npm ci --no-audit --no-fund >/dev/null)

log "corpus: $PAGES pages"
if [ ! -f "$WORK/corpus.$PAGES.done" ]; then
  rm -f "$WORK"/corpus.*.done
  python3 "$SHARED/bench/gen_corpus.py" --pages "$PAGES" --out "$WORK/corpus" --force >/dev/null
  node "$REPO/bench/search/corpus-to-docs.js" "$WORK/corpus" "$WORK"
  touch "$WORK/corpus.$PAGES.done"
fi

log "Release build of sitebuilder"
dotnet build "$REPO/src/SiteBuilder.Cli" -c Release -v quiet -nologo >/dev/null
SB="$REPO/src/SiteBuilder.Cli/bin/Release/net10.0/sitebuilder"

log "build time: sitebuilder lunr vs lunr.js (same documents, same fields, both read JSON and write the index)"
for refs in docs docs-num; do
  hyperfine --runs "$RUNS" --export-json "$WORK/build-$refs.json" \
    -n "sitebuilder lunr ($refs)" "$SB lunr --input $WORK/$refs.json --ref id --field title:10 --field body --output $WORK/ours-$refs.json" \
    -n "lunr.js node ($refs)" "node $REPO/bench/search/lunr-build.js $WORK/$refs.json $WORK/theirs-$refs.json 10"
  if cmp -s "$WORK/ours-$refs.json" "$WORK/theirs-$refs.json"; then echo "identical: ours-$refs.json == theirs-$refs.json ($(stat -c %s "$WORK/ours-$refs.json") bytes)"; else echo "DIFFERENT: ours-$refs.json vs theirs-$refs.json"; fi
done
log "lunr.js build phase alone (no JSON read/write), from the shared kit's lunr_index.js"
NODE_PATH="$REPO/node_modules" node "$SHARED/bench/lunr_index.js" "$WORK/corpus"

log "sizes (raw, gzip -9)"
for f in "$WORK/ours-docs.json" "$WORK/ours-docs-num.json"; do
  echo "$(basename "$f"): raw $(stat -c %s "$f") gzip $(gzip -9c "$f" | wc -c)"
done

if [ "${SKIP_MKDOCS:-0}" != 1 ] && command -v mkdocs >/dev/null; then
  log "MkDocs search_index.json for the same corpus (section-nav variant of the shared kit)"
  bash "$SHARED/bench/build_peers.sh" "$WORK/corpus" "$WORK/peers" >/dev/null
  /usr/bin/time -f "mkdocs: %e s, %M KiB peak" mkdocs build -q -f "$WORK/peers/mkdocs/mkdocs-sectionnav.yml" 2>&1 | tail -1
  f="$WORK/peers/mkdocs/site-sectionnav/search/search_index.json"
  echo "mkdocs search_index.json: raw $(stat -c %s "$f") gzip $(gzip -9c "$f" | wc -c)"
fi
