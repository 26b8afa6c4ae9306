#!/usr/bin/env bash
# Issue 4 point 5b: recompute the SLA clocks of 100,000 open cases after a calendar change (time, and a raw UPDATE of
# the same rows as the same-run baseline).
# usage: bench/run-recompute.sh [sqlite|postgres|both] [extra switches, e.g. --orders 168000 --cases 168000 --open-share 0.5]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-sqlite}"; shift || true
bench/build.sh
mkdir -p bench/results
run() { dotnet bench/AfterSales.Bench/bin/Release/net10.0/AfterSales.Bench.dll recompute --provider "$1" --orders 168000 --cases 168000 --open-share 0.5 "${@:2}" 2>&1 | tee "bench/results/recompute-$1.txt"; }
[[ "$which" == sqlite || "$which" == both ]] && run Sqlite "$@"
[[ "$which" == postgres || "$which" == both ]] && { bench/pg-up.sh; run Postgres "$@"; }
grep -h '^RESULT' bench/results/recompute-*.txt || true
