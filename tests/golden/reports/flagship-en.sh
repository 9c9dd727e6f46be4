# The same report in English, only 2014's figures (the report gives most totals without a year).
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" import plan.toml "$SRC/workflows/binh-duong-cleaner-production-2012-2015.progress.csv" >/dev/null 2>&1
"$PLANTRACK" report plan.toml --lang en --year 2014 | sed -n '/^# /,/^#### 2.2/p'; echo "[exit ${PIPESTATUS[0]}]"
