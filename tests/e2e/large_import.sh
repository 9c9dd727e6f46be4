#!/usr/bin/env bash
# A million-row import with a warning on every row: it is recorded whole, and what it prints is
# bounded (the first diagnostics of each kind, then a count), not a million warnings.
#   large_import.sh PLANTRACK [ROWS]   (default: a million)
set -u
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
export PLANTRACK_NOW=2014-10-24T09:00:00Z PLANTRACK_CACHE_DIR=off

cat > plan.toml <<'TOML'
format = 1
[plan]
id = "large"
title = "Large"
period = { start = 2014, end = 2014 }
currency = "VND"

[[stage]]
id = "s"
title = "S"

[[task]]
id = "articles"
stage = "s"
title = "Articles"
unit = "bài"
target = 5000000

[[funding]]
id = "local"
title = "Local budget"
kind = "local"
amount = 9_000_000_000_000
TOML
rows=${2:-1000000}
python3 - "$rows" <<'PY'
import sys
with open("big.csv", "w") as f:
    f.write("task,amount,source,year,date\n")
    for i in range(int(sys.argv[1])):
        f.write("articles,1000,local,2014,2014-10-01\n")
PY
"$bin" import plan.toml big.csv > out.txt 2> err.txt
status=$?
[[ $status == 0 ]] || fail "the import exited $status: $(head -5 err.txt)"
lines=$(($(wc -l < out.txt) + $(wc -l < err.txt)))
((lines < 200)) || fail "the import printed $lines lines for $rows rows"
grep -q "^\.\.\. and $((rows - 20)) more warnings \"no-budget-line\" like these ($rows in all)$" err.txt ||
  fail "no count of the warnings not shown: $(tail -2 err.txt)"
[[ $(grep -c "warning: the plan has no budget line" err.txt) == 20 ]] ||
  fail "not the first 20 warnings"
stored=$("$bin" history plan.toml --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
[[ $stored == "$rows" ]] || fail "$stored of $rows payments stored"
echo "ok   $rows rows imported with a warning each; $lines lines printed"
echo "$failures failure(s)"
((failures == 0))
