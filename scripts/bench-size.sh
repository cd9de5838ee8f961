#!/usr/bin/env bash
# Transfer size (SPEC §8: ≤ 250 KB gzip) beside its yardstick: a bare Leptos
# 0.8 + router "hello" (benches/hello) built the same way — same release
# profile, rustflags, Trunk settings and wasm-opt level. Prints both; exits 1
# if the app is over budget. Expects the app already built in dist/
# (./candor bench builds it); builds the yardstick itself (scripts/build-hello.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# Not `tee /dev/stderr`: reopening stderr truncates it when it is a log file.
listing=$(mktemp)
scripts/size.sh | tee "$listing" || exit 1
app=$(tail -n 1 "$listing")

hello_dist=$(scripts/build-hello.sh)
hello=$(CANDOR_DIST="$hello_dist" scripts/size.sh --report | tail -n 1)

echo "app:        ${app#transfer size: }"
echo "yardstick:  ${hello#transfer size: } — bare Leptos 0.8 + router \"hello\" (benches/hello)" | sed 's/ (budget 250 KB)//'
