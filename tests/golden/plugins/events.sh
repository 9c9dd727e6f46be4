# Events reach notifiers after the write; a failing notifier keeps what was recorded and sets exit 4.
build=$(dirname "$(dirname "$PLANTRACK")")
fixtures=$build/tests/plugins/lib
cp "$fixtures/throwing.so" .
chmod 755 throwing.so
run() { "$PLANTRACK" "$@" 2>&1 | sed "s|$build|BUILD|g"; echo "[exit ${PIPESTATUS[0]}]"; }
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
cat >> plan.toml <<'TOML'

[[plugin]]
name = "outbox"
[plugin.settings]
file = "events.jsonl"

[[plugin]]
name = "console"
[plugin.settings]
events = ["task-completed", "stage-completed", "task-unblocked", "plan-validated"]
TOML
run validate --notify plan.toml
run import plan.toml "$SRC/workflows/binh-duong-cleaner-production-2012-2015.progress.csv"
cat events.jsonl
echo "--- a notifier that throws"
printf '\n[[plugin]]\nname = "thrower"\npath = "throwing.so"\n' >> plan.toml
run start plan.toml detailed-assessments
run history plan.toml detailed-assessments
tail -1 events.jsonl
echo "== outbox: an event type it does not know"
sed 's/"task-completed", "task-unblocked"/"task-complete", "task-unblocked"/' \
  "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" > typo.toml
"$PLANTRACK" validate typo.toml 2>&1 | grep -A4 "unknown event type"; echo "[exit ${PIPESTATUS[0]}]"
