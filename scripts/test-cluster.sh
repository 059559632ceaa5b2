#!/usr/bin/env bash
# The multi-node tests alone (they are part of `npm test` too): emrest nodes as child
# processes on the shared PostgreSQL and Redis, behind nginx, and under load while a node and
# then a private store server of their own are crashed. Needs PostgreSQL and Redis on
# loopback as for `npm test`, Debian's postgresql and redis-server programs, and nginx
# (its test is skipped without it). Extra arguments go to node's test runner.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob

files=(test/cluster/*.test.ts)
if [ ${#files[@]} -eq 0 ]; then
  echo "no cluster test files found" >&2
  exit 1
fi
exec node --import tsx --test --test-concurrency=1 "$@" "${files[@]}"
