# A second province's 2016-2020 plan: the same records seen for a year, a half, a quarter, a day
# range and a range of years; rows, stage and plan roll-ups, money and JSON for the same period.
cat > plan.toml <<'TOML'
format = 1

[plan]
id = "ha-nam-cp-2016-2020"
title = "Kế hoạch sản xuất sạch hơn trong công nghiệp giai đoạn 2016-2020"
owner = "Sở Công Thương"
period = { start = 2016, end = 2020 }
currency = "VND"
locale = "vi"

[[stage]]
id = "training"
title = "Tập huấn"

[[stage]]
id = "assessment"
title = "Đánh giá"

[[task]]
id = "classes"
stage = "training"
title = "Lớp tập huấn sản xuất sạch hơn"
unit = "lớp"
target = 10
targets = { 2016 = 2, 2017 = 2, 2018 = 2, 2019 = 2, 2020 = 2 }

[[task]]
id = "assessments"
stage = "assessment"
title = "Đánh giá nhanh tại doanh nghiệp"
unit = "DN"
target = 25
targets = { 2016 = 3, 2017 = 5, 2018 = 5, 2019 = 6, 2020 = 6 }

[[task]]
id = "certified"
stage = "assessment"
title = "Doanh nghiệp áp dụng sản xuất sạch hơn (lũy kế)"
unit = "DN"
target = 20
counting = "cumulative"
targets = { 2016 = 2, 2017 = 4, 2018 = 4, 2019 = 5, 2020 = 5 }

[[funding]]
id = "local-budget"
kind = "local"
title = "Vốn địa phương"
amount = 2_000_000_000

[[budget]]
task = "classes"
source = "local-budget"
year = 2018
amount = 120_000_000

[[budget]]
task = "assessments"
source = "local-budget"
year = 2018
amount = 750_000_000

[[budget]]
task = "assessments"
source = "local-budget"
year = 2017
amount = 600_000_000
TOML
export PLANTRACK_NOW=2019-10-01T09:00:00Z
$PLANTRACK record plan.toml classes 2 --date 2017-11-20
$PLANTRACK record plan.toml assessments 5 --date 2017-12-10
$PLANTRACK record plan.toml certified 6 --date 2017-12-31
$PLANTRACK record plan.toml classes 1 --date 2018-03-15
$PLANTRACK record plan.toml assessments 2 --date 2018-05-05
$PLANTRACK record plan.toml classes 1 --date 2018-09-10
$PLANTRACK record plan.toml assessments 3 --date 2018-11-02
$PLANTRACK record plan.toml certified 9 --date 2018-12-20
# entered late: done in 2018 (its year), recorded in 2019
$PLANTRACK record plan.toml assessments 1 --year 2018 --date 2019-02-01
$PLANTRACK spend plan.toml classes 60.000.000 --source local-budget --date 2018-03-15
$PLANTRACK spend plan.toml assessments 475.000.000 --source local-budget --date 2018-06-30
$PLANTRACK spend plan.toml assessments 500.000.000 --source local-budget --date 2017-12-20
echo "== status --year 2018"
$PLANTRACK status plan.toml --year 2018
echo "== status --period 2018-H1"
$PLANTRACK status plan.toml --period 2018-H1
echo "== status --period 2018-Q2"
$PLANTRACK status plan.toml --period 2018-Q2 --stage assessment
echo "== status --period 2018-01-01..2018-09-30"
$PLANTRACK status plan.toml --period 2018-01-01..2018-09-30 --stage training
echo "== status --period 2016..2018 (whole years)"
$PLANTRACK status plan.toml --period 2016..2018
echo "== history --period 2018-Q1"
$PLANTRACK history plan.toml --period 2018-Q1
echo "== report --year 2018 (funding: the year's lines and payments, then to date)"
$PLANTRACK report plan.toml --year 2018 | sed -n '1,/^## 3/p'
echo "== report --period 2018-H1 --lang en (title and heading)"
$PLANTRACK report plan.toml --period 2018-H1 --lang en | head -12
echo "== report --period 2018-Q2 (title)"
$PLANTRACK report plan.toml --period 2018-Q2 | head -6
echo "== report, whole programme (title)"
$PLANTRACK report plan.toml | head -6
echo "== JSON honours the period"
$PLANTRACK status plan.toml --period 2018-Q2 --format json | python3 -c "
import json, sys
d = json.load(sys.stdin)
print(d['period'])
print('rollup', d['rollup']['percent'], 'to_date', d['to_date']['percent'])
for s in d['stages']:
    for t in s['tasks']:
        print(t['id'], t['period'], 'to date', t['achieved'])
print('money', d['money_in_period']['lines'] if d.get('money_in_period') else None)"
echo "== bad periods"
$PLANTRACK status plan.toml --period 2018-Q5
echo "exit $?"
$PLANTRACK status plan.toml --period 2018-H3
echo "exit $?"
$PLANTRACK status plan.toml --period 2018-09-30..2018-01-01
echo "exit $?"
$PLANTRACK status plan.toml --period 2018-02-30..2018-03-01
echo "exit $?"
$PLANTRACK status plan.toml --period 18
echo "exit $?"
$PLANTRACK status plan.toml --year 2018 --period 2018-Q1
echo "exit $?"
$PLANTRACK status plan.toml --year 2018..2019
echo "exit $?"
$PLANTRACK report plan.toml --from 2017
echo "exit $?"
$PLANTRACK check plan.toml --period 2030
echo "exit $?"
