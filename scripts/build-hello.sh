#!/usr/bin/env bash
# Builds the yardstick (benches/hello: a bare Leptos 0.8 + router "hello")
# the way the app is built — same release profile, rustflags, Trunk settings
# and wasm-opt level, and the same NAME.gz copies (scripts/precompress.mjs) —
# into target/hello-dist (or CANDOR_HELLO_DIST), offline; prints that path.
# scripts/bench-size.sh and scripts/bench-nav.mjs measure it beside the app.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
hello_dist="${CANDOR_HELLO_DIST:-$root/target/hello-dist}"
# Its own workspace, but the same target directory: shared crates build once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
(cd benches/hello && cargo fetch --quiet && trunk --quiet build --release --dist "$hello_dist") >&2
node scripts/precompress.mjs "$hello_dist" >&2
echo "$hello_dist"
