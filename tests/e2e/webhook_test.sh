#!/usr/bin/env bash
# The webhook notifier against a real HTTP server on loopback: delivered, 500, timeout, server
# down; what fails is kept in the store and delivered on the next run; what was recorded is kept;
# a command's events go in one POST (an import of 200 rows: one POST of 200 events).
#   webhook_test.sh PLANTRACK SOURCE_DIR
set -u
# Its checks read the English labels (error:, fix:) of a Vietnamese plan's output.
export PLANTRACK_LANG=en
bin=$(realpath "$1")
src=$2
work=$(mktemp -d)
server=
trap '[[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
export PLANTRACK_NOW=2014-10-24T09:00:00Z PLANTRACK_CACHE_DIR=$work/cache
unset PLANTRACK_DB PLANTRACK_PLUGIN_PATH

python3 "$src/tests/e2e/http_sink.py" port received.jsonl &
server=$!
for _ in $(seq 100); do [[ -s port ]] && break; sleep 0.05; done
port=$(cat port)

# A plan whose webhook points at PATH on the sink (or at PORT when given).
plan() {
  cp "$src/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
  cat >>plan.toml <<TOML

[[plugin]]
name = "webhook"
[plugin.settings]
url = "http://127.0.0.1:${2:-$port}$1"
timeout_ms = ${3:-2000}
retries = 1
backoff_ms = 10
TOML
}
lines() { [[ -f $1 ]] && wc -l <"$1" || echo 0; }
events() { "$bin" history plan.toml --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))"; }

plan /ok
out=$("$bin" record plan.toml posters 100 2>&1); code=$?
[[ $code == 0 ]] || fail "delivered: exit $code: $out"
grep -q '"key":"progress-recorded/1"' received.jsonl || fail "delivered: the sink did not get the event"
grep -q '"task":"posters"' received.jsonl || fail "delivered: the body lacks the task"
echo "ok   delivered to a real HTTP server"

plan /fail
out=$("$bin" record plan.toml posters 100 --lang en 2>&1); code=$?
[[ $code == 4 ]] || fail "500: exit $code, expected 4"
grep -qF 'plugin "webhook" failed on event progress-recorded/2: webhook http://127.0.0.1:'"$port"'/fail: the server answered HTTP 500' <<<"$out" ||
  fail "500: message: $out"
grep -qF '1 notification kept for it in the store' <<<"$out" || fail "500: the failed delivery was not kept: $out"
[[ $(events) == 2 ]] || fail "500: the record itself was not kept"
echo "ok   HTTP 500: exit 4, kept for retry, the record kept"

plan /slow "" 300
out=$("$bin" record plan.toml posters 100 --lang en 2>&1); code=$?
[[ $code == 4 ]] || fail "timeout: exit $code, expected 4"
grep -q 'Timeout was reached' <<<"$out" && grep -q '2 notifications kept' <<<"$out" || fail "timeout: message: $out"
echo "ok   timeout: exit 4, both kept"

closed=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
plan /ok "$closed"
out=$("$bin" record plan.toml posters 100 --lang en 2>&1); code=$?
[[ $code == 4 ]] || fail "server down: exit $code, expected 4"
grep -q "Couldn't connect to server" <<<"$out" && grep -q '3 notifications kept' <<<"$out" || fail "server down: message: $out"
echo "ok   server down: exit 4, all three kept"

before=$(lines received.jsonl)
plan /ok
out=$("$bin" record plan.toml posters 100 --lang en 2>&1); code=$?
[[ $code == 0 ]] || fail "retry: exit $code: $out"
[[ $(($(lines received.jsonl) - before)) -ge 4 ]] || fail "retry: the kept deliveries were not sent"
for key in 2 3 4 5; do
  grep -q "\"key\":\"progress-recorded/$key\"" received.jsonl || fail "retry: event $key never arrived"
done
echo "ok   the next run delivers what was kept, oldest first"

plan "" "" 2000
sed -i 's|^url = .*|url = "ftp://127.0.0.1/hook"|' plan.toml
out=$("$bin" --lang en record plan.toml posters 100 2>&1); code=$?
[[ $code == 1 ]] || fail "bad url: exit $code, expected 1"
grep -qF 'error: plugin "webhook" could not start: url must start with http:// or https://, got "ftp://127.0.0.1/hook"' <<<"$out" ||
  fail "bad url: message: $out"
echo "ok   a url that is not HTTP is refused before anything is written"

# Each notification delivered exactly once: count what the sink received, per key.
once() {  # once KEY...: each key received exactly once
  for key in "$@"; do
    n=$(grep -c "\"key\":\"$key\"" received.jsonl)
    [[ $n == 1 ]] || fail "$label: $key received $n times"
  done
}
alerts_plan() {  # a plan with 5 alerts as of 2013-06-30, its webhook at PATH
  plan "$@"
  printf '\n[alerts]\ndue_within_days = 30\nreport_due = [2013-07-15]\n' >>plan.toml
}
alert_keys() { "$bin" --no-plugins check plan.toml --date 2013-06-30 --format json |
  python3 -c "import json,sys; print(' '.join(a['key'] for a in json.load(sys.stdin)['alerts']))"; }

label="never answers"
rm -f plan.toml.plantrack.db*
alerts_plan /hang "" 300
start=$(date +%s%N)
out=$("$bin" check plan.toml --date 2013-06-30 --lang en 2>&1); code=$?
elapsed=$((($(date +%s%N) - start) / 1000000))
[[ $code == 4 ]] || fail "$label: exit $code, expected 4: $out"
((elapsed < 3000)) || fail "$label: check took $elapsed ms for 5 alerts"
grep -q '5 notifications kept for it in the store' <<<"$out" || fail "$label: message: $out"
out=$("$bin" check plan.toml --date 2013-06-30 --lang en 2>&1)
grep -q '5 notifications kept' <<<"$out" || fail "$label: kept twice? $out"
: >received.jsonl
alerts_plan /ok
"$bin" check plan.toml --date 2013-06-30 >/dev/null 2>&1
"$bin" check plan.toml --date 2013-06-30 >/dev/null 2>&1
once $(alert_keys)
[[ $(lines received.jsonl) == 5 ]] || fail "$label: $(lines received.jsonl) received, expected 5"
echo "ok   a webhook that never answers: check ends in ${elapsed} ms; after recovery each alert arrives once"

label="two checks at once"
rm -f plan.toml.plantrack.db*
: >received.jsonl
alerts_plan /delay
"$bin" check plan.toml --date 2013-06-30 >one.out 2>&1 &
a=$!
"$bin" check plan.toml --date 2013-06-30 >two.out 2>&1 &
b=$!
wait $a $b
once $(alert_keys)
[[ $(lines received.jsonl) == 5 ]] || fail "$label: $(lines received.jsonl) received, expected 5: $(cat one.out two.out)"
echo "ok   two checks at once: each alert delivered once"

label="kill -9 during check"
rm -f plan.toml.plantrack.db*
: >received.jsonl
alerts_plan /late
"$bin" check plan.toml --date 2013-06-30 >/dev/null 2>&1 &
victim=$!
sleep 0.8
kill -9 $victim 2>/dev/null
wait $victim 2>/dev/null
got=$(lines received.jsonl)
sleep 1.2  # the batch in flight reaches the sink
alerts_plan /ok
"$bin" check plan.toml --date 2013-06-30 >/dev/null 2>&1
once $(alert_keys)
((got == 0)) || fail "$label: the kill came too late ($got received before it)"
echo "ok   kill -9 while its batch is in flight: the next check does not send it again; each alert arrives once"

label="several writers, webhook down"
rm -f plan.toml.plantrack.db*
: >received.jsonl
plan /ok "$closed"
writers=()
for w in 1 2 3 4; do
  (for i in 1 2 3; do "$bin" record plan.toml posters 1 >/dev/null 2>&1; done) &
  writers+=($!)
done
wait "${writers[@]}"
n=$(events)
[[ $n == 12 ]] || fail "$label: $n events recorded, expected 12"
plan /ok
"$bin" record plan.toml posters 1 >/dev/null 2>&1
"$bin" record plan.toml posters 1 >/dev/null 2>&1
once $(seq -f 'progress-recorded/%g' 1 14)
echo "ok   4 writers while the webhook is down: after recovery each of the 14 events arrives once"

label="import of 200 rows"
rm -f plan.toml.plantrack.db*
: >received.jsonl
: >received.jsonl.posts
plan /ok
python3 -c "
print('task,quantity,year,date')
for i in range(200): print('posters,1,2014,2014-10-01')" >rows.csv
out=$("$bin" import plan.toml rows.csv 2>&1); code=$?
[[ $code == 0 ]] || fail "$label: exit $code: $(head -3 <<<"$out")"
[[ $(lines received.jsonl.posts) == 1 ]] || fail "$label: $(lines received.jsonl.posts) POSTs, expected 1"
[[ $(cat received.jsonl.posts) == 200 ]] || fail "$label: the POST carried $(cat received.jsonl.posts) events, expected 200"
once $(seq -f 'progress-recorded/%g' 1 200)
[[ $(grep -c '"type":"progress-recorded"' received.jsonl) == 200 ]] || fail "$label: not 200 progress events"
echo "ok   an import of 200 rows: one POST carrying the 200 progress events, each once"

echo "$failures failure(s)"
[[ $failures == 0 ]]
