#!/usr/bin/env bash
# Every benchmark on both engines; the RESULT lines are what bench/README.md reports.
set -euo pipefail
cd "$(dirname "$0")/.."
bench/run-create.sh both
bench/run-queue.sh both
grep -h '^RESULT' bench/results/create-*.txt bench/results/queue-*.txt
