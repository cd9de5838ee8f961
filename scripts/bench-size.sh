#!/usr/bin/env bash
# Transfer size (SPEC §8: ≤ 250 KB gzip) beside its yardstick: a bare Leptos
# 0.8 + router "hello" (benches/hello) built the same way — same release
# profile, rustflags, Trunk settings and wasm-opt level. Prints both, and each
# module the app loads later (SPEC §8: ≤ 60 KB gzip each); exits 1 if the app
# or a later module is over budget. Expects the app already built in dist/
# (./candor bench builds it); builds the yardstick itself (scripts/build-hello.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# Not `tee /dev/stderr`: reopening stderr truncates it when it is a log file.
listing=$(mktemp)
scripts/size.sh | tee "$listing" || exit 1
app=$(grep '^transfer size: ' "$listing")
# Modules the app loads later (the token client), each against its own budget.
later=$(grep ' (loaded later): ' "$listing" || true)

hello_dist=$(scripts/build-hello.sh)
hello=$(CANDOR_DIST="$hello_dist" scripts/size.sh --report | grep '^transfer size: ')

echo "app:        ${app#transfer size: }"
if [ -n "$later" ]; then
  while IFS= read -r line; do echo "later:      $line"; done <<<"$later"
fi
echo "yardstick:  ${hello#transfer size: } — bare Leptos 0.8 + router \"hello\" (benches/hello)" | sed 's/ (budget 250 KB)//'
