# Corrections take effect when the corrected event did: a 2016 overpayment reverted in 2020 is
# gone from a report on 2016-2019 as of 2019-12-31; a correction dated before its event is refused.
cat > plan.toml <<'TOML'
format = 1

[plan]
id = "ha-nam-cp-2016-2020"
title = "Kế hoạch sản xuất sạch hơn giai đoạn 2016-2020"
owner = "Sở Công Thương"
period = { start = 2016, end = 2020 }
locale = "vi"

[[stage]]
id = "assessment"
title = "Đánh giá"

[[task]]
id = "assessments"
stage = "assessment"
title = "Đánh giá nhanh tại doanh nghiệp"
unit = "DN"
target = 20
targets = { 2016 = 4, 2017 = 4, 2018 = 4, 2019 = 4, 2020 = 4 }

[[funding]]
id = "local-budget"
kind = "local"
title = "Vốn địa phương"
amount = 1_500_000_000

[[budget]]
task = "assessments"
source = "local-budget"
year = 2016
amount = 300_000_000
TOML
export PLANTRACK_NOW=2020-03-02T08:00:00Z
$PLANTRACK spend plan.toml assessments 275.500.000 --source local-budget --date 2016-06-10
$PLANTRACK spend plan.toml assessments 25.000.000 --source local-budget --date 2016-06-10 --note "nhập trùng"
$PLANTRACK record plan.toml assessments 4 --date 2016-11-30
$PLANTRACK record plan.toml assessments 5 --date 2017-10-30
echo "== a correction dated before the event it corrects is refused"
$PLANTRACK revert plan.toml 2 --date 2016-01-01 --reason "nhập trùng"
echo "exit $?"
$PLANTRACK revert plan.toml 2 --date 2016-06-31
echo "exit $?"
$PLANTRACK revert plan.toml 2 --date 2021-01-01
echo "exit $?"
echo "== the overpayment reverted: by default on its own date"
$PLANTRACK revert plan.toml 2 --reason "nhập trùng"
echo "== a wrong record, corrected from the day it was noticed"
$PLANTRACK revert plan.toml 4 --date 2018-02-01 --reason "5 DN là của năm 2018"
$PLANTRACK history plan.toml
echo "== money of 2016-2019 as of 2019-12-31: the corrected figure"
$PLANTRACK status plan.toml --lang en --period 2016..2019 --date 2019-12-31 | sed -n '/^money in/,/^  all sources/p'
echo "== 2017 as of 2017-12-31 still shows what was known to count then"
$PLANTRACK status plan.toml --year 2017 --date 2017-12-31 | grep assessments
echo "== and as of 2018-12-31, without it"
$PLANTRACK status plan.toml --year 2017 --date 2018-12-31 | grep assessments
