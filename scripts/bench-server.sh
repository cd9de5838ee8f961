#!/usr/bin/env bash
# Measures the sync server's SPEC §8 budgets and prints them next to a
# yardstick (the same work on a plain one-row-per-report SQLite table):
# durable ingest with batches of 100, GET /aggregate p99 over 1,000,000
# stored reports, idle resident memory. Takes a few minutes.
#
#   scripts/bench-server.sh [--reports N] [--clients C] [--queries Q]
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --quiet -p candor-server --profile server --bench server -- "$@"
