# next lists this year's work first; work planned for a later year comes after, marked.
cat > plan.toml <<'TOML'
format = 1

[plan]
id = "next-later"
title = "Kế hoạch 2016-2020"
owner = "Sở Công Thương"
period = { start = 2016, end = 2020 }
locale = "vi"

[[stage]]
id = "work"
title = "Công việc"

[[task]]
id = "study-tour"
stage = "work"
title = "Tham quan học tập"
unit = "chuyến"
target = 1
years = [2019]

[[task]]
id = "classes"
stage = "work"
title = "Lớp tập huấn"
unit = "lớp"
target = 4
years = [2016, 2017]

[[task]]
id = "articles"
stage = "work"
title = "Bài viết"
unit = "bài"
target = 10
TOML
export PLANTRACK_NOW=2017-03-01T08:00:00Z
$PLANTRACK next plan.toml
$PLANTRACK next plan.toml --format json | python3 -c "
import json, sys
print([(t['id'], t['later']) for t in json.load(sys.stdin)])"
echo "== in 2019 the tour is this year's work; classes are overdue since 2017 ended"
$PLANTRACK next plan.toml --date 2019-01-10
