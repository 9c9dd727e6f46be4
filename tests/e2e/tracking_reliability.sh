#!/usr/bin/env bash
# The store under stress, with real processes:
#   1. several processes recording at once: N records in, N events stored, none lost;
#   2. an import killed with SIGKILL mid-way leaves all of it or none of it.
#   tracking_reliability.sh PLANTRACK
set -u
# Its checks read English labels (error:, fix:) of Vietnamese plans' output.
export PLANTRACK_LANG=en
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }

cat > plan.toml <<'TOML'
[plan]
id = "stress"
title = "Stress"
period = { start = 2014, end = 2014 }

[[stage]]
id = "s"
title = "S"

[[task]]
id = "articles"
stage = "s"
title = "Articles"
unit = "bài"
target = 100000000
TOML
export PLANTRACK_NOW=2014-10-24T09:00:00Z
export PLANTRACK_CACHE_DIR=$work/cache

# 1. Four writers, 25 records each, all at once.
writers=4
each=25
for w in $(seq "$writers"); do
  (
    for i in $(seq "$each"); do
      "$bin" record plan.toml articles 1 --note "writer $w record $i" >/dev/null ||
        echo "writer $w record $i failed" >> errors.txt
    done
  ) &
done
wait
[[ -s errors.txt ]] && fail "concurrent writers: $(head -3 errors.txt)"
stored=$("$bin" history plan.toml --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
[[ $stored == $((writers * each)) ]] || fail "concurrent writers: $stored events stored, expected $((writers * each))"
"$bin" status plan.toml --format json |
  python3 -c "import json,sys; t=json.load(sys.stdin)['stages'][0]['tasks'][0]; sys.exit(t['achieved'] != $((writers * each)))" ||
  fail "concurrent writers: achieved is not $((writers * each))"
echo "ok   $stored concurrent records from $writers processes, none lost"

# 2. A large import killed mid-way: all or nothing, several times at different moments.
python3 - <<'PY'
with open("big.csv", "w") as f:
    f.write("task,quantity,year,date,by,note,evidence\n")
    for i in range(200000):
        f.write(f"articles,1,2014,2014-10-01,importer,row {i},\n")
PY
count() { "$bin" history plan.toml --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))"; }
wal_size() { stat -c %s plan.toml.plantrack.db-wal 2>/dev/null || echo 0; }
mid_write_kills=0
# Kill once the write-ahead log holds this much of the uncommitted import (the transaction is open).
for threshold in 1000000 4000000 12000000; do
  before=$(count)
  start_wal=$(wal_size)
  "$bin" import plan.toml big.csv >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && (($(wal_size) < start_wal + threshold)); do sleep 0.01; done
  if kill -9 "$pid" 2>/dev/null; then
    mid_write_kills=$((mid_write_kills + 1))
    when="with $(($(wal_size) - start_wal)) bytes of it in the log"
  else
    when="after it had finished"
  fi
  wait "$pid" 2>/dev/null
  added=$(($(count) - before))
  if [[ $added != 0 && $added != 200000 ]]; then
    fail "import killed $when left $added of 200000 events"
  else
    echo "ok   import killed $when: $added of 200000 events stored (all or none)"
  fi
done
((mid_write_kills > 0)) || fail "no import was killed while writing; the test proved nothing"
# And one left to finish: all of it.
before=$(count)
"$bin" import plan.toml big.csv >/dev/null 2>&1 || fail "a whole import failed"
[[ $(($(count) - before)) == 200000 ]] || fail "a whole import did not store 200000 events"
# Status (read through the store's task summaries) still agrees with the log after the kills.
total=$(count)
"$bin" status plan.toml --format json |
  python3 -c "import json,sys; t=json.load(sys.stdin)['stages'][0]['tasks'][0]; sys.exit(t['achieved'] != $total)" ||
  fail "after the killed imports, status does not count all $total events"
echo "ok   status after the killed imports counts all $total events"

# 3. A read-only store: the record is refused with a message, and nothing is written.
"$bin" record plan.toml articles 1 >/dev/null
cp plan.toml.plantrack.db readonly.db
before=$("$bin" history plan.toml --db readonly.db --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
if [[ $(id -u) == 0 ]]; then
  chattr +i readonly.db 2>/dev/null && protect="chattr +i" || protect=""
else
  chmod 444 readonly.db && protect="chmod 444"
fi
if [[ -n $protect ]]; then
  out=$("$bin" record plan.toml articles 1 --db readonly.db 2>&1)
  status=$?
  [[ $protect == "chattr +i" ]] && chattr -i readonly.db
  after=$("$bin" history plan.toml --db readonly.db --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
  [[ $status == 1 ]] || fail "read-only store: exit $status, expected 1"
  [[ $out == *"is read-only"*"fix: make the file and its folder writable"*"nothing was written"* ]] ||
    fail "read-only store: unexpected message: $out"
  [[ $before == "$after" ]] || fail "read-only store: $before events before, $after after"
  echo "ok   a read-only store ($protect) refuses the record, nothing written"
else
  echo "skip read-only store: neither chattr +i nor chmod can protect a file here"
fi

echo "$failures failure(s)"
[[ $failures == 0 ]]
