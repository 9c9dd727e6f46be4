# Item 18 of issue 12: validate writes nothing and uses no network (docs/cli.md), even for a plan
# with notifiers; --notify sends the plan-validated event on purpose.
# Its checks grep the English labels (error:, warning:, fix:) of a Vietnamese plan's output.
export PLANTRACK_LANG=en
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
cat >> plan.toml <<'TOML'

[[plugin]]
name = "outbox"
[plugin.settings]
file = "events.jsonl"
events = ["plan-validated"]

[[plugin]]
name = "webhook"
[plugin.settings]
url = "http://127.0.0.1:9/never"
retries = 0
timeout_ms = 200
TOML
"$PLANTRACK" validate plan.toml 2>/dev/null; echo "[exit $?]"
ls -A
"$PLANTRACK" --lang en validate --notify plan.toml 2>&1 | grep -v "warning\|^ *[0-9]* |\|^ *|\|why:\|fix:"; echo "[exit ${PIPESTATUS[0]}]"
ls -A
cut -c1-60 events.jsonl
