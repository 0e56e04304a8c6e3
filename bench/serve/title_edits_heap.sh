#!/bin/bash
# usage: bench/serve/title_edits_heap.sh PUBLISH_DIR SITE_COPY [N=10] [OUT=./serve-heap]
# SITE_COPY is changed (its _site removed, N page titles edited): pass a copy of the corpus.
# Heap snapshots of `sitebuilder serve` before and after N title edits (no browser): what the preview keeps.
# Needs dotnet-gcdump and dotnet-dump (dotnet tool install -g ...). Writes OUT/d0.gcdump, d1.gcdump, full.dmp.
set -eu
BIN=$(cd "$1" && pwd); SITE=$2; N=${3:-10}; OUT=${4:-$PWD/serve-heap}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
[ -z "$(ls -A "$OUT")" ] || { echo "$OUT is not empty" >&2; exit 2; }
cd $SITE && rm -rf _site
dotnet $BIN/sitebuilder.dll serve --port 8191 -q > $OUT/serve.log 2>&1 &
PID=$!
rss(){ awk '/VmRSS|VmHWM/{printf "%s %s ", $1, $2}' /proc/$PID/status; echo; }
until curl -sf http://127.0.0.1:8191/ >/dev/null; do sleep 1; done
sleep 20; echo "after first build: $(rss)"
"$HOME"/.dotnet/tools/dotnet-gcdump collect -p $PID -o $OUT/d0.gcdump >/dev/null 2>&1
echo "after dump0: $(rss)"
mapfile -t FILES < <(grep -l '^title: "' $(find pages -name '*.md' ! -name index.md | sort | awk 'NR%997==5') | head -$N)
i=0
for f in "${FILES[@]}"; do
  i=$((i+1)); sed -i "0,/^title: \"/s//title: \"X$i /" "$f"
  sleep 12; echo "title edit $i ($f): $(rss)"
done
"$HOME"/.dotnet/tools/dotnet-gcdump collect -p $PID -o $OUT/d1.gcdump >/dev/null 2>&1; "$HOME"/.dotnet/tools/dotnet-dump collect -p $PID -o $OUT/full.dmp >/dev/null 2>&1
echo "after dump1: $(rss)"
kill $PID; wait $PID 2>/dev/null || true
