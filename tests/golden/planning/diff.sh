# plantrack diff: an amendment of the flagship (a renamed task, a changed target, a new task and
# budget line, a source raised, the decision recorded), each change at both places; JSON too.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" old.toml
python3 - <<'PY'
text = open("old.toml", encoding="utf-8").read()
text = text.replace('id = "radio-tv-reports"', 'id = "radio-tv"\nrenamed_from = "radio-tv-reports"', 1)
text = text.replace("target = 5000", "target = 6000", 1)
text = text.replace("amount = 900_600_000", "amount = 950_600_000", 1)
text = text.replace("amount = 1_023_600_000", "amount = 1_073_600_000", 1)
text = text.replace('depends_on = [{ task = "quick-assessments", at_least = 2 }]\n\n[[task]]\nid = "research-project"',
                    'depends_on = [{ task = "quick-assessments", at_least = 3 }]\n\n[[task]]\nid = "research-project"', 1)
text += '''
[[task]]
id = "study-tour"
stage = "pilot"
title = "Tham quan học tập mô hình sản xuất sạch hơn"
unit = "chuyến"
target = 1
years = [2015]

[[budget]]
task = "study-tour"
source = "local-budget"
year = 2015
amount = 50_000_000
category = "rollout"
decision = "QĐ 512/QĐ-UBND"

[[amendment]]
decision = "QĐ 512/QĐ-UBND"
date = 2014-11-15
summary = "thêm chuyến tham quan, tăng áp phích lên 6.000 tờ"
'''
open("new.toml", "w", encoding="utf-8").write(text)
PY
"$PLANTRACK" diff old.toml new.toml; echo "[exit $?]"
"$PLANTRACK" diff old.toml new.toml --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(len(d["changes"]), "changes")
c = d["changes"][0]
print(sorted(c))
for c in d["changes"]:
    if c["kind"] == "renamed": print(c)'
"$PLANTRACK" diff old.toml old.toml --exit-code; echo "[exit $?]"
"$PLANTRACK" diff old.toml new.toml --exit-code >/dev/null; echo "[exit $?]"
echo "== the second workflow against its 2014 year plan"
cp "$SRC/workflows/ha-son-cleaner-production-2012-2015.toml" hs.toml
"$PLANTRACK" plan-year hs.toml 2014 -o hs-2014.toml 2>/dev/null
"$PLANTRACK" diff hs.toml hs-2014.toml | head -12
echo "== an invalid plan is not compared"
printf '[plan\n' > bad.toml
"$PLANTRACK" diff old.toml bad.toml; echo "[exit $?]"
