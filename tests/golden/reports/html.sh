# The HTML report: one self-contained file (inline CSS and SVG, no scripts, nothing fetched), plan
# text escaped (a title with <script> stays text). The page itself is rendered in Chromium by
# tests/e2e/html_report_test.sh.
cat > plan.toml <<'TOML'
[plan]
id = "small"
title = "Kế hoạch <script>alert(1)</script> & thử"
owner = "Sở Công Thương"
period = { start = 2025, end = 2026 }
locale = "vi"

[[stage]]
id = "training"
title = "Tập huấn"

[[stage]]
id = "assessment"
title = "Đánh giá"
depends_on = ["training"]

[[task]]
id = "classes"
stage = "training"
title = "Lớp tập huấn \"SXSH\" <b>"
unit = "lớp"
target = 4
years = [2025]

[[task]]
id = "quick"
stage = "assessment"
title = "Đánh giá nhanh"
unit = "DN"
target = 10
years = [2025, 2026]
depends_on = [{ task = "classes", at_least = 2 }]

[[funding]]
id = "local-budget"
kind = "local"
title = "Vốn địa phương"
amount = 200_000_000

[[budget]]
task = "quick"
source = "local-budget"
year = 2025
amount = 150_000_000
TOML
export PLANTRACK_NOW=2025-11-01T09:00:00Z
"$PLANTRACK" record plan.toml classes 3 --date 2025-03-01 >/dev/null
"$PLANTRACK" record plan.toml quick 4 --date 2025-06-01 >/dev/null
"$PLANTRACK" spend plan.toml quick 60.000.000 --source local-budget --year 2025 --date 2025-06-02 >/dev/null
"$PLANTRACK" report plan.toml --format html -o report.html; echo "[exit $?]"
echo "== no script, no link to anything outside the file"
grep -c "<script" report.html
grep -Eo "(src|href)=\"[^\"]*\"" report.html | sort -u
grep -Eo "https?://[^\" ]*" report.html | sort -u
echo "== the title, escaped"
grep -m1 "<h1>" report.html
echo "== Markdown keeps it text too"
"$PLANTRACK" report plan.toml --format md | sed -n '1p;/^| 01/p'
echo "== the whole page"
cat report.html
