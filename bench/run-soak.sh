#!/usr/bin/env bash
# Issue 13: the soak — the Release service on a fresh database, mixed traffic at a steady rate, sampled every 10 s.
# usage: bench/run-soak.sh [sqlite|postgres] [--minutes 20] [--rate 100] [--clients 8] [--sample-seconds 10] [--keep]
# Not in CI (20 minutes). Exit code non-zero when any request failed. Output: bench/results/soak-<engine>.{txt,csv}.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-sqlite}"
case "$which" in
  sqlite) provider=Sqlite ;;
  postgres) provider=Postgres ;;
  *) echo "usage: bench/run-soak.sh [sqlite|postgres] [--minutes 20] [--rate 100] [switches]" >&2; exit 2 ;;
esac
shift || true
bench/build.sh
mkdir -p bench/results
[[ "$provider" == Postgres ]] && bench/pg-up.sh
# Port 5393: the other benchmarks use 5391, so a soak can run beside one of them.
set +e
dotnet bench/AfterSales.Bench/bin/Release/net10.0/AfterSales.Bench.dll soak --provider "$provider" --port 5393 "$@" 2>&1 \
  | tee "bench/results/soak-$provider.txt"
status=${PIPESTATUS[0]}
set -e
grep -h '^RESULT' "bench/results/soak-$provider.txt" || true
exit "$status"
