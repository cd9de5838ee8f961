#!/usr/bin/env bash
# Prints the app's transfer size (wasm + js + css, each gzip -9) against the
# 250 KB budget of SPEC §8, then each module loaded later (the token client,
# the Pilots page, the pilot desk, the maps) against its own budget of 60 KB. Run after a release build (./candor size
# does both). Exits 1 when the app or a later module is over budget; with
# --report it only prints (the test command uses that, so a budget overrun
# is reported without hiding the test results).
#
# Counted: every wasm, js and css file that index.html loads as the page
# opens (named there as "./name"). The service worker (sw.js, registered
# after the page's load event) and the update banner's update.css (only when
# a new version waits) are printed too, but load after the form is usable,
# so they are not counted. wasm-bindgen's snippets (dist/snippets/) are
# imported by the main JS as the page opens, so they are counted.
# Modules loaded later are named in index.html by a tag
# <meta name="candor-NAME" content="FILE.js" /> (scripts/later-modules.mjs
# writes candor-token-client, candor-pilot-results, candor-pilot-desk and
# candor-team-map): FILE.js and its
# FILE_bg.wasm are one module,
# printed after the main figure as "NAME (loaded later): X KB gzip (budget 60 KB)".
# The main figure's line stays "transfer size: X KB gzip (budget 250 KB)".
# Each language's catalog (dist/lang/*.txt) is listed the same way.
# CANDOR_DIST measures another build directory (the bench's yardstick).
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=250
LATER_BUDGET_KB=60
dist="${CANDOR_DIST:-dist}"
report_only=false
[ "${1:-}" = "--report" ] && report_only=true
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
gz() { gzip -9 -c "$1" | wc -c; }

# Modules loaded later: "label<TAB>file.js" per line.
later=""
if [ -f "$dist/index.html" ]; then
  later=$(grep -o '<meta name="candor-[a-z0-9-]*" content="[^"]*\.js"' "$dist/index.html" |
    sed -E 's/<meta name="candor-([a-z0-9-]*)" content="([^"]*)"/\1\t\2/' |
    awk -F '\t' '{ gsub(/-/, " ", $1); print $1 "\t" $2 }' || true)
fi
later_label() { # the module a file belongs to, if it is loaded later
  local name=$1 label file
  while IFS=$'\t' read -r label file; do
    [ -n "$file" ] || continue
    if [ "$name" = "$file" ] || [ "$name" = "${file%.js}_bg.wasm" ]; then
      echo "$label"
      return
    fi
  done <<<"$later"
}

total=0
shopt -s nullglob
for file in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  name=$(basename "$file")
  bytes=$(gz "$file")
  module=$(later_label "$name")
  if [ -n "$module" ]; then
    printf '%-40s %8d bytes gzip (%d raw), loaded later: %s\n' "$name" "$bytes" "$(wc -c <"$file")" "$module"
  elif grep -qF -e "\"./$name\"" -e "'./$name'" "$dist/index.html"; then
    total=$((total + bytes))
    printf '%-40s %8d bytes gzip (%d raw)\n' "$name" "$bytes" "$(wc -c <"$file")"
  else
    printf '%-40s %8d bytes gzip (%d raw), after load: not counted\n' "$name" "$bytes" "$(wc -c <"$file")"
  fi
done
# wasm-bindgen's snippets (the app's JavaScript beside its Rust, at any depth) are
# imported by the main JS module as the page opens: part of the transfer.
for file in $(find "$dist/snippets" -name "*.js" 2>/dev/null | sort); do
  snippet=${file#"$dist"/}
  # Only those the main JS imports (Trunk leaves old builds' snippets behind).
  grep -qF "$snippet" "$dist"/candor-*.js || continue
  bytes=$(gz "$file")
  total=$((total + bytes))
  printf '%-40s %8d bytes gzip (%d raw)\n' "$(echo "$snippet" | cut -c1-24)…/$(basename "$file")" "$bytes" "$(wc -c <"$file")"
done
if [ "$total" -eq 0 ]; then
  echo "no built app in $dist/ (or index.html loads none of it): run ./candor build first" >&2
  exit 1
fi
over=false
echo "transfer size: $(kb "$total") KB gzip (budget ${BUDGET_KB} KB)"
if [ "$total" -gt $((BUDGET_KB * 1000)) ]; then
  echo "OVER BUDGET by $(awk -v b="$total" -v k="$BUDGET_KB" 'BEGIN { printf "%.1f", b / 1000 - k }') KB" >&2
  over=true
fi

while IFS=$'\t' read -r label file; do
  [ -n "$file" ] || continue
  js="$dist/$file"
  wasm="$dist/${file%.js}_bg.wasm"
  if [ ! -f "$js" ]; then
    echo "$label (loaded later): index.html names $file, which is not in $dist/" >&2
    over=true
    continue
  fi
  bytes=$(gz "$js")
  [ -f "$wasm" ] && bytes=$((bytes + $(gz "$wasm")))
  echo "$label (loaded later): $(kb "$bytes") KB gzip (budget ${LATER_BUDGET_KB} KB)"
  if [ "$bytes" -gt $((LATER_BUDGET_KB * 1000)) ]; then
    echo "$label OVER BUDGET by $(awk -v b="$bytes" -v k="$LATER_BUDGET_KB" 'BEGIN { printf "%.1f", b / 1000 - k }') KB" >&2
    over=true
  fi
done <<<"$later"

# The message catalogs (SPEC §9), each fetched after the page opens when its
# language is chosen: lang/<code>.<domain>.txt, one module loaded later each.
for file in "$dist"/lang/*.txt; do
  [ -e "$file" ] || continue
  bytes=$(gz "$file")
  echo "catalog $(basename "$file") (loaded later): $(kb "$bytes") KB gzip (budget ${LATER_BUDGET_KB} KB)"
  if [ "$bytes" -gt $((LATER_BUDGET_KB * 1000)) ]; then
    echo "catalog $(basename "$file") OVER BUDGET by $(awk -v b="$bytes" -v k="$LATER_BUDGET_KB" 'BEGIN { printf "%.1f", b / 1000 - k }') KB" >&2
    over=true
  fi
done

if $over && ! $report_only; then
  exit 1
fi
