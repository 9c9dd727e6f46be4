# CSV: one file per table, UTF-8 with a BOM, formula-like cells neutralised; --table for one.
# JSON: the versioned structure scripts read.
cp "$SRC/workflows/ha-son-cleaner-production-2012-2015.toml" plan.toml
mkdir ha-son && cp "$SRC/workflows/ha-son/pilot-models-2014.toml" ha-son/
sed -i 's/^title = "Tập huấn sản xuất sạch hơn cho cán bộ quản lý và doanh nghiệp"/title = "=HYPERLINK(\\"http:\/\/x\\") tập huấn"/' plan.toml
export PLANTRACK_NOW=2015-12-31T09:00:00Z
"$PLANTRACK" import plan.toml "$SRC/workflows/ha-son-cleaner-production-2012-2015.payments.csv" >/dev/null 2>&1
"$PLANTRACK" report plan.toml --format csv -o tables; echo "[exit $?]"
ls tables
head -c 3 tables/workload.csv | od -An -tx1
sed -n '1,3p' tables/workload.csv | tr -d '\r' | sed 's/^\xEF\xBB\xBF//'
tr -d '\r' < tables/funding.csv | sed 's/^\xEF\xBB\xBF//'
"$PLANTRACK" report plan.toml --format csv --table stages | tr -d '\r' | sed 's/^\xEF\xBB\xBF//'; echo "[exit ${PIPESTATUS[0]}]"
"$PLANTRACK" report plan.toml --format json -o report.json; echo "[exit $?]"
python3 - <<'PY'
import json
r = json.load(open("report.json", encoding="utf-8"))
print(r["format"], r["version"], r["lang"], r["as_of"], r["plan"]["id"])
for t in r["tasks"]:
    print(t["id"], t["target"], t["achieved"], t["state"], t["by_year"])
for s in r["funding"]["sources"]:
    print(s["id"], s["amount_text"], s["spent"], s["remaining"])
for t in r["funding"]["totals"]:
    print(t["id"], t["amount_text"], "|", t["words"])
print(len(r["findings"]), "findings;", sorted({f["rule"] for f in r["findings"]})[:3])
print([s["heading"] for s in r["document"]["sections"]][:4])
PY
# The JSON report's tasks, stages and money have the shapes of `status --format json` (one home).
"$PLANTRACK" status plan.toml --format json > status.json; echo "[exit $?]"
python3 - <<'PY'
import json
r = json.load(open("report.json", encoding="utf-8"))
s = json.load(open("status.json", encoding="utf-8"))
tasks = {t["id"]: t for stage in s["stages"] for t in stage["tasks"]}
print("tasks as in status:", all(t == tasks[t["id"]] for t in r["tasks"]))
print("stages as in status:", [x["rollup"] for x in r["stages"]] == [x["rollup"] for x in s["stages"]])
extra = {"amount", "amount_text"}
sources = [{k: v for k, v in x.items() if k not in extra} for x in r["funding"]["sources"]]
print("money as in status:", sources == s["money"]["sources"] and
      all(r["funding"][k] == s["money"][k] for k in s["money"] if k != "sources"))
PY
