# The built-in balance check: every listed source kind declared (zero included); budget lines
# within their source. Findings at the plan's lines, exit 3; the flagship is clean.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" check plan.toml; echo "[exit $?]"
cat > small.toml <<'TOML'
[plan]
id = "small"
title = "Kế hoạch nhỏ"
period = { start = 2025, end = 2026 }
locale = "vi"

[[stage]]
id = "assessment"
title = "Đánh giá"

[[task]]
id = "quick-assessments"
stage = "assessment"
title = "Đánh giá nhanh"
unit = "DN"
target = 4
years = [2025, 2026]

[[funding]]
id = "local-budget"
kind = "local"
title = "Vốn địa phương"
amount = 200_000_000

[[budget]]
task = "quick-assessments"
source = "local-budget"
year = 2025
amount = 150_000_000

[[budget]]
task = "quick-assessments"
source = "local-budget"
year = 2026
amount = 100_000_000

[[participant]]
name = "Công ty A"
task = "quick-assessments"
year = 2025

[[plugin]]
name = "balance"
[plugin.settings]
source_kinds = ["central", "local", "enterprise"]
TOML
"$PLANTRACK" check small.toml; echo "[exit $?]"
"$PLANTRACK" check small.toml --format json; echo "[exit $?]"
