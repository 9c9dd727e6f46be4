# The second workflow (an invented province) exercises every funding check: its payments, imported
# from the CSV beside it, break each rule once. Expected findings: source-listed,
# lines-within-source, spending-within-line (over a line; without one), not-in-force,
# cp-assessment-support (percent, cap, cost-missing, participant-missing), no-double-funding, and
# the province's pilot-model rule (percent, cap).
cp "$SRC/workflows/ha-son-cleaner-production-2012-2015.toml" plan.toml
mkdir ha-son && cp "$SRC/workflows/ha-son/pilot-models-2014.toml" ha-son/
export PLANTRACK_NOW=2015-12-31T09:00:00Z
"$PLANTRACK" import plan.toml "$SRC/workflows/ha-son-cleaner-production-2012-2015.payments.csv" >/dev/null 2>&1
echo "[import exit $?]"
"$PLANTRACK" check plan.toml; echo "[exit $?]"
echo "== the findings as JSON (rule, amounts, event, fix)"
"$PLANTRACK" check plan.toml --format json | python3 -c '
import json, sys
for f in json.load(sys.stdin)["findings"]:
    print(f["severity"], f["plugin"], f["rule"], f.get("line", "-"), f.get("event", "-"), f["amounts"])'
echo "== notifications went to the outbox once"
wc -l < plantrack-outbox.jsonl
"$PLANTRACK" check plan.toml >/dev/null 2>&1; echo "[exit $?]"
wc -l < plantrack-outbox.jsonl
echo "== as of 2013-12-31 only what was paid by then"
"$PLANTRACK" check plan.toml --date 2013-12-31 --format json | python3 -c '
import json, sys
print(sorted({f["rule"] for f in json.load(sys.stdin)["findings"]}))'
echo "== reverting the over-cap payment clears its finding"
"$PLANTRACK" revert plan.toml 18 --reason "paid from the enterprise's share instead"; echo "[exit $?]"
"$PLANTRACK" check plan.toml --format json | python3 -c '
import json, sys
print(sorted({f["rule"] for f in json.load(sys.stdin)["findings"]}))'
echo "== money in status"
"$PLANTRACK" status plan.toml --lang en | sed -n '/^money/,$p'
"$PLANTRACK" status plan.toml --format json | python3 -c '
import json, sys
m = json.load(sys.stdin)["money"]
print(m["currency"], m["total"], len(m["spending"]), "payments")
for l in m["lines"]: print(l)'
echo "== a payment in history"
"$PLANTRACK" history plan.toml pilot-models --format json | python3 -c '
import json, sys
for e in json.load(sys.stdin):
    if e["kind"] == "spend": print(e["id"], e["source"], e["amount"], e["cost"], e["participant"], e["reverted_by"])'
