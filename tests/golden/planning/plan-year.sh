# Year plans of both workflows: carry-over from what was recorded up to the end of the year before,
# tasks finished earlier left out, satisfied dependencies as comments, the year's budget; valid
# plans; the same file when run again; progress recorded with a year plan counts toward the programme.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" bd.toml
"$PLANTRACK" record bd.toml newspaper-articles 12 --year 2013 --date 2013-11-20 >/dev/null
"$PLANTRACK" record bd.toml posters 5000 --year 2013 --date 2013-08-01 >/dev/null
"$PLANTRACK" record bd.toml training-classes 4 --year 2013 --date 2013-09-15 >/dev/null
echo "== Bình Dương, 2014"
"$PLANTRACK" plan-year bd.toml 2014 -o bd-2014.toml; echo "[exit $?]"
cat bd-2014.toml
"$PLANTRACK" validate bd-2014.toml; echo "[exit $?]"
"$PLANTRACK" plan-year bd.toml 2014 -o again.toml 2>/dev/null
cmp bd-2014.toml again.toml && echo "run twice: the same file"
cp "$SRC/workflows/ha-son-cleaner-production-2012-2015.toml" hs.toml
mkdir ha-son && cp "$SRC/workflows/ha-son/pilot-models-2014.toml" ha-son/
export PLANTRACK_NOW=2015-12-31T09:00:00Z
"$PLANTRACK" import hs.toml "$SRC/workflows/ha-son-cleaner-production-2012-2015.payments.csv" >/dev/null 2>&1
echo "== Hà Sơn, 2015 (only what is left)"
"$PLANTRACK" plan-year hs.toml 2015 -o hs-2015.toml; echo "[exit $?]"
sed -n '/^\[\[task\]\]/,/^\[\[funding\]\]/p' hs-2015.toml
"$PLANTRACK" validate hs-2015.toml --no-plugins 2>&1 | head -1
echo "== recorded with the year plan, counted toward the programme"
"$PLANTRACK" plan-year hs.toml 2014 -o hs-2014.toml 2>/dev/null
"$PLANTRACK" record hs-2014.toml quick-assessments 2 --year 2014 --date 2014-11-01; echo "[exit $?]"
"$PLANTRACK" status hs-2014.toml --date 2014-12-31 | grep quick-assessments
"$PLANTRACK" status hs.toml | grep quick-assessments | head -1
ls *.db
echo "== bad requests"
"$PLANTRACK" plan-year hs.toml 2019; echo "[exit $?]"
"$PLANTRACK" plan-year hs.toml 15; echo "[exit $?]"
"$PLANTRACK" plan-year hs-2014.toml 2014; echo "[exit $?]"
echo "== a year plan away from its programme is refused, not given a log of its own"
mkdir away && cp hs-2014.toml away/
"$PLANTRACK" record away/hs-2014.toml quick-assessments 1 --year 2014 --date 2014-11-02; echo "[exit $?]"
ls away
