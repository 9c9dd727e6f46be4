# The JSON the reading commands print, whole, on a small plan: one shape per task, roll-up, stage,
# blocker and money wherever it appears (docs/json.md).
cat > plan.toml <<'TOML'
[plan]
id = "demo"
title = "Demo"
period = { start = 2014, end = 2014 }

[[stage]]
id = "training"
title = "Training"

[[task]]
id = "posters"
stage = "training"
title = "Print posters"
unit = "posters"
target = 1000

[[task]]
id = "classes"
stage = "training"
title = "Hold classes"
unit = "classes"
target = 4
depends_on = [{ task = "posters", at_least = 800 }]
due = 2014-12-31

[[funding]]
id = "local-budget"
kind = "local"
title = "Local budget"
amount = 10_000_000

[[budget]]
task = "posters"
source = "local-budget"
year = 2014
amount = 4_000_000
TOML
"$PLANTRACK" record plan.toml posters 500 --by tester --note "first run" >/dev/null; echo "[record exit $?]"
"$PLANTRACK" spend plan.toml posters 1.500.000 --source local-budget --year 2014 --by tester >/dev/null
echo "[spend exit $?]"
echo "== status"
"$PLANTRACK" status plan.toml --format json; echo "[exit $?]"
echo "== next"
"$PLANTRACK" next plan.toml --format json; echo "[exit $?]"
echo "== why"
"$PLANTRACK" why plan.toml classes --format json; echo "[exit $?]"
echo "== history"
"$PLANTRACK" history plan.toml --format json | sed 's/"recorded_at": ".*"/"recorded_at": "(now)"/; s/"plan_revision": ".*"/"plan_revision": "(sha-256)"/'
echo "== check"
"$PLANTRACK" check plan.toml --format json; echo "[exit $?]"
