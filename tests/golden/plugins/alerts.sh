# plantrack check as a daily job: alerts as of a date, notifications sent once (the store remembers),
# --resend sends them again; stage completions sent by a write are not sent again.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
cat >> plan.toml <<'TOML'

[[plugin]]
name = "outbox"
[plugin.settings]
file = "sent.jsonl"

[alerts]
due_within_days = 30
report_due = [2013-07-15]
TOML
run() { "$PLANTRACK" "$@" 2>&1; echo "[exit $?]"; }
run check plan.toml --date 2013-06-30
run check plan.toml --date 2013-06-30
wc -l < sent.jsonl
run check plan.toml --date 2013-06-30 --resend
wc -l < sent.jsonl
run import plan.toml "$SRC/workflows/binh-duong-cleaner-production-2012-2015.progress.csv"
wc -l < sent.jsonl
run check plan.toml
wc -l < sent.jsonl
