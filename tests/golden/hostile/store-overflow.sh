# Totals and money sums never wrap: what would pass the 64-bit range is refused at its option or
# CSV row; what an older plantrack stored is held at the limit (issue 12, item 14).
# Its checks grep the English labels (error:, warning:, fix:) of a Vietnamese plan's output.
export PLANTRACK_LANG=en
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
try() { "$PLANTRACK" "$@"; echo "[exit $?]"; }
try record plan.toml posters 9223372036854775807 --year 2013 --date 2013-05-01
try record plan.toml posters 2 --year 2013 --date 2013-05-01
printf 'task,quantity,year,date\nnewspaper-articles,9223372036854775800,2013,2013-05-01\nnewspaper-articles,9,2013,2013-05-02\n' > big.csv
try import plan.toml big.csv
try spend plan.toml quick-assessments 9223372036854775807 --source local-budget --year 2013 \
  --date 2013-05-01 2>&1 | grep -v warning | grep -v "fix: 'plantrack check'"
try spend plan.toml quick-assessments 1 --source central-budget --year 2013 --date 2013-05-01
echo "== an older plantrack stored two records of INT64_MAX and 2"
sqlite3 plan.toml.plantrack.db "INSERT INTO events (plan_id, task_id, kind, quantity, year,
  effective_date, recorded_at, actor, plan_revision) VALUES
  ('binh-duong-cp-2012-2015', 'posters', 'progress', 9223372036854775807, 2013, '2013-06-01', 't', 'x', 'r'),
  ('binh-duong-cp-2012-2015', 'posters', 'progress', 2, 2013, '2013-06-02', 't', 'x', 'r');
  UPDATE summaries_through SET last_event = 0" 2>&1 | head -2
sqlite3 plan.toml.plantrack.db "INSERT INTO events (plan_id, task_id, kind, year, effective_date,
  recorded_at, actor, plan_revision, source, amount) VALUES ('binh-duong-cp-2012-2015',
  'detailed-assessments', 'spend', 2013, '2013-06-02', 't', 'x', 'r', 'central-budget',
  9223372036854775807)"
try status plan.toml --stage awareness | grep posters
"$PLANTRACK" status plan.toml --format json | python3 -c 'import json, sys
for stage in json.load(sys.stdin)["stages"]:
    for t in stage["tasks"]:
        if t["id"] == "posters": print(t["achieved"], t["by_year"], t["state"])'
try status plan.toml --lang en | grep -A3 "^money"
