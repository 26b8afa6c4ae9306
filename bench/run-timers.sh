#!/usr/bin/env bash
# Issue 3 point 6: A — worker tick cost with 0/100/10,000 due on 1,000,000 pending timers vs 10,000 pending (same run);
# B — fire lag under a steady stream of due timers (real clock, worker on, poll 0.5 s).
# usage: bench/run-timers.sh [sqlite|postgres|both] [extra switches, e.g. --stream-rate 100 --stream-seconds 60 --parts ab]
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-sqlite}"; shift || true
bench/build.sh
mkdir -p bench/results
run() { dotnet bench/AfterSales.Bench/bin/Release/net10.0/AfterSales.Bench.dll timers --provider "$1" "${@:2}" 2>&1 | tee "bench/results/timers-$1.txt"; }
[[ "$which" == sqlite || "$which" == both ]] && run Sqlite "$@"
[[ "$which" == postgres || "$which" == both ]] && { bench/pg-up.sh; run Postgres "$@"; }
grep -h '^RESULT' bench/results/timers-*.txt || true
