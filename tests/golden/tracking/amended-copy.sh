# An amended copy of the plan saved under a new name keeps the plan id: its history is in the
# original's store. Reading warns and names that store; writing is refused (it would split it).
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
$PLANTRACK record plan.toml posters 500 --year 2013 --date 2013-05-01
cp plan.toml plan-amended.toml
sed -i 's/^target = 5000$/target = 6000/' plan-amended.toml
echo "== status of the copy"
$PLANTRACK status plan-amended.toml --stage awareness
echo "exit $?"
echo "== a record on the copy"
$PLANTRACK record plan-amended.toml posters 100 --year 2014 --date 2014-05-01
echo "exit $?"
ls *.db
echo "== with --db, the copy reads and adds to the history"
$PLANTRACK record plan-amended.toml posters 100 --year 2014 --date 2014-05-01 --db plan.toml.plantrack.db
$PLANTRACK status plan-amended.toml --stage awareness --db plan.toml.plantrack.db | grep posters
