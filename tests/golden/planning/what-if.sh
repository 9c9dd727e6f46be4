# status --what-if: a slip, a cut and a new target, applied in memory; nothing is written.
cp "$SRC/workflows/ha-son-cleaner-production-2012-2015.toml" hs.toml
mkdir ha-son && cp "$SRC/workflows/ha-son/pilot-models-2014.toml" ha-son/
export PLANTRACK_NOW=2015-12-31T09:00:00Z
"$PLANTRACK" import hs.toml "$SRC/workflows/ha-son-cleaner-production-2012-2015.payments.csv" >/dev/null 2>&1
cat > changes.toml <<'TOML'
[[slip]]
task = "pilot-models"
years = 1

[[cut]]
source = "central-budget"
percent = 20

[[target]]
task = "training-classes"
target = 2
TOML
before=$(sha256sum hs.toml.plantrack.db)
"$PLANTRACK" status hs.toml --what-if changes.toml --date 2015-06-30; echo "[exit $?]"
"$PLANTRACK" status hs.toml --what-if changes.toml --date 2015-06-30 --format json | python3 -c '
import json, sys; d = json.load(sys.stdin); print(d["changes"]); print(d["tasks"])'
[[ $(sha256sum hs.toml.plantrack.db) == "$before" ]] && echo "the store is unchanged"
printf '[[slip]]\ntask = "pilot-model"\nyears = 1\n[[cut]]\nsource = "central"\npercent = 120\n' > bad.toml
"$PLANTRACK" status hs.toml --what-if bad.toml; echo "[exit $?]"
