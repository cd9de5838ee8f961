#!/usr/bin/env bash
# Prints the app's transfer size (wasm + js + css, each gzip -9) against the
# 250 KB budget of SPEC §8. Run after a release build (./candor size does both).
# Exits 1 over budget; with --report it only prints (the test command uses
# that, so a budget overrun is reported without hiding the test results).
#
# Counted: every wasm, js and css file that index.html loads as the page
# opens. The service worker (sw.js, registered after the page's load event)
# and the update banner's update.css (only when a new version waits) are
# printed too, but load after the form is usable, so they are not counted.
# CANDOR_DIST measures another build directory (the bench's yardstick).
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=250
dist="${CANDOR_DIST:-dist}"
total=0
shopt -s nullglob
for file in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  name=$(basename "$file")
  bytes=$(gzip -9 -c "$file" | wc -c)
  if grep -qF -e "\"./$name\"" -e "'./$name'" "$dist/index.html"; then
    total=$((total + bytes))
    printf '%-40s %8d bytes gzip (%d raw)\n' "$name" "$bytes" "$(wc -c <"$file")"
  else
    printf '%-40s %8d bytes gzip (%d raw), after load: not counted\n' "$name" "$bytes" "$(wc -c <"$file")"
  fi
done
if [ "$total" -eq 0 ]; then
  echo "no built app in $dist/ (or index.html loads none of it): run ./candor build first" >&2
  exit 1
fi
kb=$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1000 }')
echo "transfer size: ${kb} KB gzip (budget ${BUDGET_KB} KB)"
if [ "$total" -gt $((BUDGET_KB * 1000)) ]; then
  echo "OVER BUDGET by $(awk -v b="$total" -v k="$BUDGET_KB" 'BEGIN { printf "%.1f", b / 1000 - k }') KB" >&2
  [ "${1:-}" = "--report" ] || exit 1
fi
