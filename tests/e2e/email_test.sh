#!/usr/bin/env bash
# The email notifier against a real SMTP server on loopback: delivered (Vietnamese subject encoded),
# refused (550), server down; what fails is kept and sent on the next run; credentials never shown;
# a command's events are one message (an import of 200 rows: one message).
#   email_test.sh PLANTRACK SOURCE_DIR
set -u
# Its checks read English labels (error:, fix:) of Vietnamese plans' output.
export PLANTRACK_LANG=en
bin=$(realpath "$1")
src=$2
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT
cd "$work" || exit 1
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
export PLANTRACK_NOW=2014-10-24T09:00:00Z PLANTRACK_CACHE_DIR=$work/cache
unset PLANTRACK_DB PLANTRACK_PLUGIN_PATH

sink() {  # sink NAME MODE: starts an SMTP sink; its port is then in NAME.port
  python3 "$src/tests/e2e/smtp_sink.py" "$1.port" "$1.mail" "$2" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do [[ -s $1.port ]] && break; sleep 0.05; done
}
plan() {
  cp "$src/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
  cat >>plan.toml <<TOML

[[plugin]]
name = "email"
[plugin.settings]
server = "127.0.0.1"
port = $1
from = "plantrack@sct.binhduong.gov.vn"
to = ["kehoach@sct.binhduong.gov.vn", "giamdoc@sct.binhduong.gov.vn"]
retries = 1
backoff_ms = 10
timeout_ms = 3000
TOML
}

sink good ok
good=$(cat good.port)
plan "$good"
out=$("$bin" --lang en done plan.toml posters 2>&1); code=$?
[[ $code == 0 ]] || fail "delivered: exit $code: $out"
grep -q "MAIL FROM:plantrack@sct.binhduong.gov.vn RCPT TO:kehoach@sct.binhduong.gov.vn,giamdoc@sct.binhduong.gov.vn" good.mail ||
  fail "delivered: envelope: $(head -3 good.mail)"
# "[plantrack] posters completed: 0 of 5000 tờ" in an RFC 2047 encoded word.
subject=$(grep '^Subject: ' good.mail | head -1 | sed 's/^Subject: =?UTF-8?B?//; s/?=\r\?$//' | base64 -d)
[[ $subject == "[plantrack] posters completed: 0 of 5000 tờ" ]] || fail "delivered: subject '$subject'"
grep -q "event: task-completed/posters" good.mail || fail "delivered: body lacks the event key"
echo "ok   delivered to a real SMTP server, Vietnamese subject intact"

sink bad reject
plan "$(cat bad.port)"
out=$("$bin" start plan.toml training-classes --lang en 2>&1); code=$?
[[ $code == 4 ]] || fail "550: exit $code, expected 4"
grep -q "(SMTP 550)" <<<"$out" && grep -q "1 notification kept for it in the store" <<<"$out" || fail "550: message: $out"
echo "ok   refused with 550: exit 4, kept for retry"

closed=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
plan "$closed"
out=$(PLANTRACK_SMTP_USER=kehoach PLANTRACK_SMTP_PASSWORD=s3cret-pass "$bin" -v start plan.toml quick-assessments --lang en 2>&1); code=$?
[[ $code == 4 ]] || fail "server down: exit $code, expected 4"
grep -q "Couldn't connect to server" <<<"$out" && grep -q "2 notifications kept for it in the store" <<<"$out" || fail "server down: message: $out"
grep -q "s3cret-pass" <<<"$out" && fail "server down: the password was shown"
echo "ok   server down: exit 4, both kept, the password never shown"

plan "$good"
before=$(grep -c '^\.$' good.mail)
out=$("$bin" start plan.toml detailed-assessments --lang en 2>&1); code=$?
[[ $code == 0 ]] || fail "retry: exit $code: $out"
[[ $(($(grep -c '^\.$' good.mail) - before)) == 1 ]] || fail "retry: expected one message (the 2 kept and the new one)"
subject=$(grep '^Subject: ' good.mail | tail -1 | sed 's/^Subject: =?UTF-8?B?//; s/?=\r\?$//' | base64 -d)
[[ $subject == "[plantrack] 3 events for plan "* ]] || fail "retry: subject '$subject'"
for key in task-started/quick-assessments task-started/detailed-assessments; do
  grep -q "event: $key" good.mail || fail "retry: the message lacks $key"
done
echo "ok   the next run sends what was kept, with the new event, in one message"

before=$(grep -c '^\.$' good.mail)
python3 -c "
print('task,quantity,year,date')
for i in range(200): print('posters,1,2014,2014-10-01')" >rows.csv
out=$("$bin" import plan.toml rows.csv 2>&1); code=$?
[[ $code == 0 ]] || fail "import: exit $code: $(head -3 <<<"$out")"
[[ $(($(grep -c '^\.$' good.mail) - before)) == 1 ]] || fail "import: $(($(grep -c '^\.$' good.mail) - before)) messages for one import, expected 1"
subject=$(grep '^Subject: ' good.mail | tail -1 | sed 's/^Subject: =?UTF-8?B?//; s/?=\r\?$//' | base64 -d)
[[ $subject == "[plantrack] 200 events for plan "* ]] || fail "import: subject '$subject'"
echo "ok   an import of 200 rows: one message, its subject says 200 events"

plan 0
out=$("$bin" --lang en start plan.toml posters 2>&1); code=$?
[[ $code == 1 ]] || fail "port 0: exit $code, expected 1"
grep -qF 'error: setting "port" of plugin "email" must be from 1 to 65535, got 0' <<<"$out" ||
  fail "port 0: message: $out"
echo "ok   a port out of range is refused before anything is written"

# Settings refused at the plan's line: retries < 0, timeout_ms = 0, a line break in an address.
for setting in "retries = -1" "timeout_ms = 0"; do
  plan "$good"
  sed -i "/^${setting%% =*} = /d" plan.toml
  echo "$setting" >>plan.toml
  line=$(grep -n "^$setting\$" plan.toml | cut -d: -f1)
  out=$("$bin" --lang en validate plan.toml 2>&1); code=$?
  [[ $code == 1 ]] || fail "$setting: validate exit $code, expected 1"
  grep -qE "^plan.toml:$line:1: error: setting \"${setting%% =*}\" of plugin \"email\" must be from" <<<"$out" ||
    fail "$setting: message: $out"
  out=$("$bin" record plan.toml posters 1 --lang en 2>&1); code=$?
  [[ $code == 1 && $out != *"recorded #"* && $out != *"sent"* ]] || fail "$setting: record: exit $code: $out"
done
echo "ok   retries = -1 and timeout_ms = 0 refused at their line; nothing recorded or sent"
plan "$good"
sed -i 's|^from = .*|from = "a@b.vn\\r\\nRCPT TO:<victim@evil.example>"|' plan.toml
out=$("$bin" --lang en validate plan.toml 2>&1); code=$?
[[ $code == 1 ]] || fail "CR/LF from: exit $code, expected 1"
grep -q 'setting "from" of plugin "email" contains a control character (U+000D)' <<<"$out" ||
  fail "CR/LF from: message: $out"
echo "ok   a line break in \"from\" is refused at its line (no SMTP command injected)"

# A server that accepts the connection and never says a word: every wait is bounded.
python3 -c "
import socket, sys, time
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(16)
open('silent.port', 'w').write(str(s.getsockname()[1]))
conns = []
while True:
    c, _ = s.accept(); conns.append(c)
" &
pids+=($!)
for _ in $(seq 100); do [[ -s silent.port ]] && break; sleep 0.05; done
plan "$(cat silent.port)"
sed -i 's/^timeout_ms = .*/timeout_ms = 400/' plan.toml
cat >>plan.toml <<'TOML'
[alerts]
due_within_days = 30
report_due = [2013-07-15]
TOML
start=$(date +%s%N)
out=$("$bin" check plan.toml --date 2013-06-30 --lang en 2>&1); code=$?
elapsed=$((($(date +%s%N) - start) / 1000000))
[[ $code == 4 ]] || fail "silent server: exit $code, expected 4: $out"
((elapsed < 5000)) || fail "silent server: check took $elapsed ms for 5 alerts"
grep -q "5 notifications kept for it in the store" <<<"$out" || fail "silent server: message: $out"
echo "ok   a server that never answers: check ends in ${elapsed} ms, the batch of 5 alerts kept"

echo "$failures failure(s)"
[[ $failures == 0 ]]
