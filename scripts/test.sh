#!/usr/bin/env bash
# The whole suite: the type check, then every test file with node's own runner. Node 20 does
# not expand globs itself, so the shell lists the files; a folder argument would run nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob

npx tsc --noEmit

files=(test/**/*.test.ts)
if [ ${#files[@]} -eq 0 ]; then
  echo "no test files found" >&2
  exit 1
fi
exec node --import tsx --test --test-concurrency=1 "$@" "${files[@]}"
