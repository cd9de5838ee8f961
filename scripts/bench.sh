#!/usr/bin/env bash
# Every SPEC §8 budget, each measured by its own script, which prints its
# number: `./candor bench` builds the app and the server, then runs this.
# Exits 1 if any budget is missed (or any measurement fails), after running
# them all. Names select a subset, e.g. `./candor bench nav lighthouse`:
#
#   size        app transfer size, gzip, beside a bare Leptos "hello" (scripts/bench-size.sh)
#   nav         navigation to a usable form, median of 11 cold loads, beside the
#               bare "hello" built the same way (scripts/bench-nav.mjs)
#   keys        clicks and keystrokes to file a report (scripts/bench-keys.mjs)
#   aggregate   1,000,000 reports aggregated in the browser (scripts/bench-aggregate.sh)
#   server      ingest, GET /aggregate p99, idle memory; about 3.5 min (scripts/bench-server.sh)
#   lighthouse  performance / accessibility / best practices per page (scripts/bench-lighthouse.mjs)
#
# Expects dist/ and the server-profile candor-server built (./candor bench does it).
set -uo pipefail
cd "$(dirname "$0")/.."
export CANDOR_SERVER_BIN="${CANDOR_SERVER_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/server/candor-server}"
# The server bench prints "OVER BUDGET" but exits 0; the others exit 1.
server_bench() {
  local out
  out=$(mktemp)
  scripts/bench-server.sh | tee "$out" || return 1
  ! grep -q 'OVER BUDGET' "$out"
}

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=(size nav keys aggregate server lighthouse)
failed=()
for name in "${selected[@]}"; do
  printf '\n\033[1m==> bench: %s\033[0m\n' "$name"
  case "$name" in
    size) scripts/bench-size.sh ;;
    nav) hello=$(scripts/build-hello.sh) && node scripts/bench-nav.mjs --yardstick "$hello" ;;
    keys) node scripts/bench-keys.mjs ;;
    aggregate) scripts/bench-aggregate.sh ;;
    server) server_bench ;;
    lighthouse) node scripts/bench-lighthouse.mjs ;;
    *) echo "unknown bench: $name (see scripts/bench.sh)" >&2 && false ;;
  esac || failed+=("$name")
done
echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "bench: missed or failed: ${failed[*]}" >&2
  exit 1
fi
echo "bench: every budget met (${selected[*]})"
