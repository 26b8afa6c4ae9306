#!/usr/bin/env bash
# Benchmark a + c: case creation over HTTP (8 clients) beside the raw one-row INSERT+COMMIT rate, and peak RSS.
# usage: bench/run-create.sh [sqlite|postgres|both] [extra AfterSales.Bench switches...]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-both}"; shift || true
bench/build.sh
mkdir -p bench/results
run() { dotnet bench/AfterSales.Bench/bin/Release/net10.0/AfterSales.Bench.dll create --provider "$1" --cases 100000 "${@:2}" 2>&1 | tee "bench/results/create-$1.txt"; }
[[ "$which" == sqlite || "$which" == both ]] && run Sqlite "$@"
[[ "$which" == postgres || "$which" == both ]] && { bench/pg-up.sh; run Postgres "$@"; }
grep -h '^RESULT' bench/results/create-*.txt || true
