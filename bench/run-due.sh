#!/usr/bin/env bash
# Issue 4: Due computations per second on the shipped cn calendar, one thread, in process, beside a naive
# day-stepping Due and a TimeZoneInfo.ConvertTime loop measured in the same run.
# usage: bench/run-due.sh [--rounds 7 --seconds 21]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
mkdir -p bench/results
dotnet bench/AfterSales.Bench/bin/Release/net10.0/AfterSales.Bench.dll due --rounds 7 --seconds 21 "$@" 2>&1 | tee bench/results/due.txt
grep -h '^RESULT' bench/results/due.txt || true
