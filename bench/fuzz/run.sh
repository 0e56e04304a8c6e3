#!/usr/bin/env bash
# bench/fuzz/run.sh - the long fuzz run: the same properties as `dotnet test` (tests/SiteBuilder.Tests/Fuzzing),
# on many more generated hostile sites, with deeper nesting and longer lines, from a seed of its own, listing every
# distinct failure (exception type and place, or the broken property) with a small example instead of stopping at
# the first. Figures go into bench/fuzz/RESULTS.md by hand, with the command.
#
# Environment (all optional):
#   FUZZ_PAGES=1000000     pages parsed one at a time in memory (front matter, Markdown, guards, body, unsafe HTML)
#   FUZZ_CONTENT=20000     sites through the content steps (config, front matter, Markdown, tree, links)
#   FUZZ_SITES=5000        whole builds (layouts, search index, files; 1 in 16 written to disk in a sandbox)
#   FUZZ_EDITS=3000        sites saved over an ordinary one in a running preview, then saved back (each save equal to a full build)
#   FUZZ_SEED=<random>     CsCheck seed (printed; pass it again to repeat a run)
#   FUZZ_DEEP=2000         deepest nesting generated (CI: 200)
#   FUZZ_LONG=200000       longest generated line (CI: 5000)
#   FUZZ_PAGE_DEEP=200, FUZZ_PAGE_LONG=5000   the same for the million pages (CI's sizes: at depth 2000 and lines of
#                          200,000 a page costs a hundred times more; the sites properties hunt at those sizes)
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES=${FUZZ_PAGES:-1000000}
CONTENT=${FUZZ_CONTENT:-20000}
SITES=${FUZZ_SITES:-5000}
EDITS=${FUZZ_EDITS:-3000}
SEED=${FUZZ_SEED:-$(head -c 9 /dev/urandom | base64 | tr '+/' '-_')}
out=bench/fuzz/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
echo "seed $SEED; pages $PAGES; content $CONTENT; sites $SITES; preview saves $EDITS; deep ${FUZZ_DEEP:-2000}; long ${FUZZ_LONG:-200000}; results in $out" | tee "$out/summary.txt"
dotnet build tests/SiteBuilder.Tests -c Release -v q >/dev/null
run() { # test-name count-variable count [deep long]
  local start=$SECONDS
  SITEBUILDER_FUZZ_SURVEY=1 SITEBUILDER_FUZZ_SEED=$SEED SITEBUILDER_FUZZ_DEEP=${4:-${FUZZ_DEEP:-2000}} SITEBUILDER_FUZZ_LONG=${5:-${FUZZ_LONG:-200000}} \
    env "$2=$3" dotnet test tests/SiteBuilder.Tests -c Release --no-build --filter "FullyQualifiedName~$1" \
    --logger "console;verbosity=detailed" 2>&1 | tr -d '\000' > "$out/$1.log" || true
  echo "$1: $(grep -a -m1 -E '^ +[0-9]+ sites, [0-9]+ distinct failures' "$out/$1.log" | sed 's/^ *//') in $((SECONDS - start)) s" | tee -a "$out/summary.txt"
  grep -a -E '^ +=== ' "$out/$1.log" | sed 's/^ *//' | tee -a "$out/summary.txt" || true
}
run GeneratedHostilePagesParseWithDiagnosticsOnly SITEBUILDER_FUZZ_PAGES "$PAGES" "${FUZZ_PAGE_DEEP:-200}" "${FUZZ_PAGE_LONG:-5000}"
run GeneratedHostileContentIsReadWithDiagnosticsOnly SITEBUILDER_FUZZ_CONTENT "$CONTENT"
run GeneratedHostileSitesBuildWithDiagnosticsOnly SITEBUILDER_FUZZ_SITES "$SITES"
run GeneratedHostileSavesInThePreviewMatchAFullBuildAndRecover SITEBUILDER_FUZZ_EDITS "$EDITS"
