# Bad input around money: payments that cannot be recorded (nothing written), CSV payment rows
# with their row:col, and rule tables with mistakes (the plan's plugins do not start; exit 1).
cp "$SRC/workflows/ha-son-cleaner-production-2012-2015.toml" plan.toml
mkdir ha-son && cp "$SRC/workflows/ha-son/pilot-models-2014.toml" ha-son/
echo "== spend: unknown task and source, an amount with a decimal part, a cost below the payment"
"$PLANTRACK" spend plan.toml quick-assesments 25.000,5 --source local-budjet --year 2014; echo "[exit $?]"
"$PLANTRACK" spend plan.toml quick-assessments 30.000.000 --source local-budget --cost 20.000.000 --year 2014 --date 2014-03-01; echo "[exit $?]"
"$PLANTRACK" spend plan.toml quick-assessments 0 --source local-budget; echo "[exit $?]"
"$PLANTRACK" spend plan.toml quick-assessments 1.000 --source local-budget --year -; echo "[exit $?]"
"$PLANTRACK" spend plan.toml quick-assessments 99999999999999999999 --source local-budget; echo "[exit $?]"
ls *.db 2>/dev/null || echo "no store was created"
echo "== spend: accepted, with a warning when no budget line covers it"
"$PLANTRACK" spend plan.toml training-classes 1.000.000 --source local-budget --year 2014 --date 2014-03-01; echo "[exit $?]"
echo "== an enterprise's own counterpart money needs no budget line"
"$PLANTRACK" spend plan.toml quick-assessments 10.000.000 --source enterprise --year 2014 --date 2014-03-01 --participant "Công ty A"; echo "[exit $?]"
echo "== check flags the local payment without a line, not the enterprise's own money"
"$PLANTRACK" check plan.toml --date 2014-03-02 2>&1 | grep 'has no budget line'

"$PLANTRACK" history plan.toml quick-assessments
echo "== CSV payment rows"
cat > pay.csv <<'CSV'
task,quantity,amount,source,year,date,participant,cost
quick-assessments,,12.5,local-budget,2014,2014-03-01,Công ty B,40000000
quick-assessments,2,5000000,local-budget,2014,2014-03-01,,
quick-assessments,,,local-budget,2014,2014-03-01,Công ty C,
quick-assessments,,5000000,locl-budget,2014,2014-03-01,,
CSV
"$PLANTRACK" import plan.toml pay.csv; echo "[exit $?]"
echo "== rule tables with mistakes"
mkdir rules
cat > rules/bad.toml <<'TOML'
format = 1
[table]
id = "bad"
basis = "a test"
valid_from = 2013-02-10
valid_to = 2012-12-31
[[rule]]
id = "r1"
kind = "support-capp"
percent = 150
cap_scop = "year"
TOML
sed -i 's/tables = \["vn-ttlt-221-2012", "ha-son\/pilot-models-2014.toml"\]/tables = ["bad"]/' plan.toml
"$PLANTRACK" check plan.toml; echo "[exit $?]"
printf 'format = 1\n[table]\nid = "x"\nbasis = "b"\nvalid_from = 2013-02-10\n[[rule]]\nid = "r"\nkind = "no-double-funding"\nsource_kinds = ["centrl"]\n' > rules/bad.toml
"$PLANTRACK" check plan.toml; echo "[exit $?]"
printf '[table\n' > rules/bad.toml
"$PLANTRACK" check plan.toml; echo "[exit $?]"
sed -i 's/tables = \["bad"\]/tables = ["vn-ttlt-221-2021"]/' plan.toml
"$PLANTRACK" check plan.toml 2>&1 | sed "s|/[^ ]*/share/plantrack/rules|INSTALLED/share/plantrack/rules|"; echo "[exit ${PIPESTATUS[0]}]"
