#!/usr/bin/env bash
# Benchmark b: the open queue's first page on 1,000,000 cases (100,000 open), beside GET /health/live.
# usage: bench/run-queue.sh [sqlite|postgres|both] [extra switches, e.g. --reuse to keep and re-use the seeded database]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-both}"; shift || true
bench/build.sh
mkdir -p bench/results
run() { dotnet bench/AfterSales.Bench/bin/Release/net10.0/AfterSales.Bench.dll queue --provider "$1" --orders 1000000 --cases 1000000 --open-share 0.1 "${@:2}" 2>&1 | tee "bench/results/queue-$1.txt"; }
[[ "$which" == sqlite || "$which" == both ]] && run Sqlite "$@"
[[ "$which" == postgres || "$which" == both ]] && { bench/pg-up.sh; run Postgres "$@"; }
grep -h '^RESULT' bench/results/queue-*.txt || true
