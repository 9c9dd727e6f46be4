# The flagship plan with the progress its 2014 report gives, imported into a fresh store.
plan=$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml
cp "$plan" plan.toml
echo "== import"
$PLANTRACK import plan.toml "$SRC/workflows/binh-duong-cleaner-production-2012-2015.progress.csv"
echo "== status"
$PLANTRACK status plan.toml
echo "== status --year 2013"
$PLANTRACK status plan.toml --year 2013 --stage awareness
echo "== status as of 2014-01-01 (before the report)"
$PLANTRACK status plan.toml --date 2014-01-01 --stage assessment
echo "== next"
$PLANTRACK next plan.toml
echo "== why research-project"
$PLANTRACK why plan.toml research-project
echo "== history posters"
$PLANTRACK history plan.toml posters
echo "== the store is beside the plan"
ls *.db
