# The flagship's Vietnamese Markdown report from its recorded progress: the seed's figures
# (2 phóng sự, 30 bài, 5.000 tờ, 6 lớp, 15 DN, 02 DN, 01 đề tài; 1.023.600.000 đồng = 123.000.000 +
# 900.600.000, and in words), the seed's structure, and what the seed lacks.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" import plan.toml "$SRC/workflows/binh-duong-cleaner-production-2012-2015.progress.csv" >/dev/null 2>&1
"$PLANTRACK" report plan.toml --format md; echo "[exit $?]"
