#!/usr/bin/env bash
# Every benchmark on both engines; the RESULT lines are what bench/README.md reports.
set -euo pipefail
cd "$(dirname "$0")/.."
bench/run-create.sh both
bench/run-queue.sh both
bench/run-timers.sh both
bench/run-due.sh
bench/run-recompute.sh both
grep -h '^RESULT' bench/results/*.txt
