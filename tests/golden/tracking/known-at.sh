# Reports as they were sent: the report of 24/10/2014, regenerated with --known-at after later
# corrections, is the same byte for byte; without it, the corrected figures. A task finished after
# its due date is "done late"; a ratio indicator (`of`) shows its share; the preamble names the
# approving decision and its amendments, the plan's revision is a footnote.
cat > plan.toml <<'TOML'
format = 1

[plan]
id = "ha-nam-cp-2014"
title = "Kế hoạch sản xuất sạch hơn năm 2014"
owner = "Sở Công Thương Hà Nam"
period = { start = 2014, end = 2014 }
locale = "vi"
approved = { decision = "Quyết định số 366/QĐ-UBND", date = 2014-02-15, by = "Ủy ban nhân dân tỉnh Hà Nam" }

[[stage]]
id = "work"
title = "Triển khai"

[[task]]
id = "training"
stage = "work"
title = "Tập huấn sản xuất sạch hơn"
unit = "lớp"
target = 3
years = [2014]
due = 2014-09-30

[[task]]
id = "applying"
stage = "work"
title = "Cơ sở áp dụng sản xuất sạch hơn"
unit = "cơ sở"
target = 105
of = 420
years = [2014]
counting = "cumulative"

[[amendment]]
decision = "QĐ 512/QĐ-UBND"
date = 2014-06-01
summary = "thêm 1 lớp tập huấn"
TOML
export PLANTRACK_NOW=2014-10-24T08:30:00Z
$PLANTRACK record plan.toml training 1 --date 2014-05-10 >/dev/null
$PLANTRACK record plan.toml training 2 --date 2014-10-15 >/dev/null
$PLANTRACK record plan.toml applying 84 --date 2014-10-20 >/dev/null
$PLANTRACK report plan.toml -o sent.md; echo "[exit $?]"
cat sent.md
echo "== on 5/11: the 84 is found to be 63, and the record of 2 classes is reverted"
export PLANTRACK_NOW=2014-11-05T10:00:00Z
$PLANTRACK revert plan.toml 2 --reason "nhập sai" >/dev/null
$PLANTRACK record plan.toml applying 63 --date 2014-10-20 >/dev/null
$PLANTRACK history plan.toml; echo "[exit $?]"
echo "== regenerated as known at the time it was sent"
$PLANTRACK report plan.toml --known-at 2014-10-24T17:00:00Z -o again.md; echo "[exit $?]"
cmp sent.md again.md && echo "identical to the report sent"
$PLANTRACK report plan.toml --known-at 2014-10-24 --date 2014-10-24 | cmp - sent.md && echo "a date means its end: identical too"
echo "== today's figures, as of the same day"
$PLANTRACK report plan.toml --date 2014-10-24 | diff sent.md - | grep '^[<>]'
echo "== status and JSON"
$PLANTRACK status plan.toml --known-at 2014-10-24T17:00:00Z; echo "[exit $?]"
$PLANTRACK status plan.toml --known-at 2014-10-24T08:00:00Z; echo "[exit $?]"
$PLANTRACK status plan.toml --known-at 2014-10-24T17:00:00Z --format json | grep -A3 '"known_at"\|"log"'
echo "== the two classes held on 4/11 are recorded: done late again, later"
$PLANTRACK record plan.toml training 2 --date 2014-11-04 >/dev/null
$PLANTRACK status plan.toml --format json | grep '"done_on"\|"days_late"\|"of"\|"share_of_whole"'
$PLANTRACK why plan.toml training; echo "[exit $?]"
$PLANTRACK report plan.toml --lang en | sed -n '1,8p;/Late and blocked/,/^## B/p'
echo "== bad --known-at"
$PLANTRACK status plan.toml --known-at 24/10/2014; echo "[exit $?]"
$PLANTRACK status plan.toml --known-at 2014-10-24T17:00:00+07:00; echo "[exit $?]"
$PLANTRACK report plan.toml --known-at 2014-10-24T25:00:00Z; echo "[exit $?]"
echo "== of below the target"
sed 's/^of = 420/of = 100/' plan.toml > small.toml
$PLANTRACK validate small.toml; echo "[exit $?]"
