#!/usr/bin/env bash
# examples/embed: the Tracker from another program records into a store of its own and reads it
# back; a second run continues from what the first recorded.
set -euo pipefail
example=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/workflows/binh-duong-cleaner-production-2012-2015.toml" "$work/plan.toml"
export PLANTRACK_CACHE_DIR=off PLANTRACK_NOW=2013-03-01T08:00:00Z
first=$("$example" "$work/plan.toml" "$work/store.db" 2>&1)
second=$("$example" "$work/plan.toml" "$work/store.db" 2>&1)
echo "$first"
echo "$second"
grep -q '^recorded #1: 1 ' <<<"$first"
grep -q '^recorded #2: 1 ' <<<"$second"
grep -q '^binh-duong-cp-2012-2015: [0-9]*% complete$' <<<"$second"
# Bad input gets the engine's diagnostics, and a store that is not one is refused.
echo 'not a database at all, long enough to be read as a header......' >"$work/bad.db"
if "$example" "$work/plan.toml" "$work/bad.db" 2>"$work/err"; then exit 1; fi
grep -q 'is not a valid plantrack database' "$work/err" || { cat "$work/err"; exit 1; }
echo "embed example: ok"
