#!/usr/bin/env bash
# PostgreSQL 15 for the benchmarks: started if it is not running; the role the bench uses (superuser, to make bench_* databases).
set -euo pipefail
pg_isready -q -h 127.0.0.1 || pg_ctlcluster 15 main start
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='aftersales'\"" | grep -q 1 \
  || su postgres -c "psql -c \"CREATE ROLE aftersales LOGIN SUPERUSER PASSWORD 'aftersales'\""
