# Text that is not UTF-8 is refused where it is typed (the option, or the CSV row and column),
# nothing written; a store holding such text (an older plantrack, or SQL by hand) is still read,
# as text with U+FFFD and as JSON (issue 12, item 7).
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
try() { "$PLANTRACK" "$@"; echo "[exit $?]"; }
try record plan.toml posters 5 --note $'bad \xff note'
try record plan.toml posters 5 --by $'Ch\xe1 Lan' --evidence $'\xc3'
try spend plan.toml quick-assessments 1000 --source local-budget --participant $'C\xc3ng' --year 2014
try block plan.toml posters --reason $'\xfe'
printf 'task,quantity,year,note\nposters,5,2013,ok\nposters,6,2013,"x\xe9y"\n' > u.csv
try import plan.toml u.csv
ls *.db 2>/dev/null
echo "== a store with bytes that are not UTF-8"
try record plan.toml posters 5 --year 2013 >/dev/null
sqlite3 plan.toml.plantrack.db "INSERT INTO events (plan_id, task_id, kind, quantity, year,
  effective_date, recorded_at, actor, note, plan_revision) VALUES ('binh-duong-cp-2012-2015',
  'posters', 'progress', 3, 2013, '2013-10-01', 't', CAST(X'41FF42' AS TEXT),
  CAST(X'6E6FC0' AS TEXT), 'r'), ('binh-duong-cp-2012-2015', CAST(X'70FF' AS TEXT), 'block',
  NULL, 2013, '2013-10-01', 't', 'x', CAST(X'FE' AS TEXT), 'r');
  INSERT INTO events (plan_id, task_id, kind, year, effective_date, recorded_at, actor,
  plan_revision, source, amount, participant) VALUES ('binh-duong-cp-2012-2015',
  'quick-assessments', 'spend', 2013, '2013-10-01', 't', 'x', 'r', 'local-budget', 5,
  CAST(X'43FF' AS TEXT))"
try history plan.toml
"$PLANTRACK" history plan.toml --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)), "events")'
"$PLANTRACK" status plan.toml --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["orphans"])'
"$PLANTRACK" check plan.toml --format json >check.json; echo "[check exit $?]"
python3 -c 'import json; json.load(open("check.json")); print("check json parses")'
try status plan.toml | tail -2
