#!/usr/bin/env bash
# Measures the sync server's SPEC §8 budgets on SQLite and, side by side,
# on PostgreSQL (a throwaway cluster of its own, as the tests start; needs
# Debian's postgresql package, which ./candor bench installs), then prints a
# yardstick (the same work on a plain one-row-per-report SQLite table):
# durable ingest with batches of 100, GET /aggregate p99 over 1,000,000
# stored reports, idle resident memory (also 5 s after 1,000 connections at
# once, one more held open throughout). Takes about 6 minutes.
#
#   scripts/bench-server.sh [--reports N] [--clients C] [--queries Q] [--sqlite-only]
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --quiet -p candor-server --profile server --bench server -- "$@"
