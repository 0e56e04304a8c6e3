#!/usr/bin/env bash
# bench/lighthouse/run.sh - Lighthouse accessibility scores of the built site, in Debian's Chromium.
#
# Builds the repository's site into bench/work/lighthouse/site, serves it on 127.0.0.1 (python3 http.server),
# and runs Lighthouse 12.2.3 (npm, pinned in this folder's package.json) once per page and form factor on the
# home page, a DIMiS entry and the search page, accessibility category only. Writes each report into
# bench/work/lighthouse/<page>-<form factor>.report.json, prints the scores and any audit that failed, and
# writes the table into bench/lighthouse/RESULTS.md (BENCH_RESULTS="" to skip). Not timed: no lock needed.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(git -C "$HERE" rev-parse --show-toplevel)
WORK=${BENCH_WORK:-$REPO/bench/work}/lighthouse
RESULTS=${BENCH_RESULTS-$HERE/RESULTS.md}
CHROME=${CHROME_PATH:-/usr/bin/chromium}
[ -x "$CHROME" ] || { echo "run.sh: no Chromium at $CHROME (apt-get install chromium, or set CHROME_PATH)" >&2; exit 3; }
mkdir -p "$WORK"

npm ci --prefix "$HERE" --no-audit --no-fund --loglevel=error >/dev/null
dotnet run --project "$REPO/src/SiteBuilder.Cli" -- build --source "$REPO" --output "$WORK/site" --quiet

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$WORK/site" >"$WORK/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done

pages=("home=" "dimis-entry=dimis/estonia-residency-index/" "search=search/")
rows=()
for entry in "${pages[@]}"; do
  name=${entry%%=*}; path=${entry#*=}
  for form in mobile desktop; do
    preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
    out="$WORK/$name-$form"
    CHROME_PATH="$CHROME" "$HERE/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$path" "${preset[@]}" \
      --only-categories=accessibility --output=json --output-path="$out.report.json" --quiet \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
    line=$(python3 - "$out.report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
cat = r["categories"]["accessibility"]
failed = [a for a in (r["audits"][ref["id"]] for ref in cat["auditRefs"] if ref["weight"] > 0)
          if a["score"] is not None and a["score"] < 1]
print(f'{round(cat["score"] * 100)}|{", ".join(a["id"] for a in failed) or "none"}|{r["lighthouseVersion"]}|{r["environment"]["hostUserAgent"].split("Chrome/")[1].split(" ")[0]}')
PY
)
    IFS='|' read -r score failed lh chrome <<<"$line"
    echo "$name ($form): accessibility $score; failed audits: $failed"
    rows+=("| $name | /$path | $form | $score | $failed |")
  done
done

if [ -n "$RESULTS" ]; then
  {
    echo "# Lighthouse accessibility"
    echo
    echo "\`bench/lighthouse/run.sh\`: Lighthouse $lh in Debian's Chromium $chrome, headless, accessibility category only,"
    echo "one run per page and form factor (\`mobile\` is Lighthouse's default phone emulation, \`desktop\` its desktop"
    echo "preset), the repository's site served by \`python3 -m http.server\` on 127.0.0.1. Measured $(date -u +%F) at"
    echo "commit \`$(git -C "$REPO" rev-parse --short HEAD)\`."
    echo
    echo "| page | path | form factor | score | failed audits |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
  } > "$RESULTS"
  echo "wrote $RESULTS"
fi
