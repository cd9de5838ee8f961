#!/usr/bin/env bash
# SPEC §8: aggregating 1,000,000 reports into a heatmap in the browser, ≤ 100 ms.
# Builds crates/team-map/examples/aggregate_bench.rs (the maps' own counting and drawing code,
# as a wasm module of its own) in release, times it in headless Chromium
# (median of 11 runs), then runs the same counting natively as the yardstick.
# Exits non-zero when the browser median is over budget.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
target="${CARGO_TARGET_DIR:-target}"
out="$target/bench-aggregate"
cargo build --quiet --release --target wasm32-unknown-unknown -p candor-team-map --example aggregate_bench
wasm-bindgen --target web --out-dir "$out" \
  "$target/wasm32-unknown-unknown/release/examples/aggregate_bench.wasm"
node scripts/bench-aggregate.mjs "$out"
cargo run --quiet --release -p candor-core --example aggregate_bench
