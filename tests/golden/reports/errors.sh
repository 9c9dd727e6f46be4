# Bad report requests: each says what and how to fix; nothing is written.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" report plan.toml --format markdown; echo "[exit $?]"
"$PLANTRACK" report plan.toml --format pdf; echo "[exit $?]"
"$PLANTRACK" report plan.toml --year 14; echo "[exit $?]"
"$PLANTRACK" report plan.toml --from 2015 --to 2013 --lang fr; echo "[exit $?]"
"$PLANTRACK" report plan.toml --from 2015 --to 2013; echo "[exit $?]"
"$PLANTRACK" report plan.toml --format csv; echo "[exit $?]"
"$PLANTRACK" report plan.toml --format csv --table money -o t.csv; echo "[exit $?]"
"$PLANTRACK" report plan.toml --format md -o no/such/folder/r.md; echo "[exit $?]"
"$PLANTRACK" --no-plugins report plan.toml; echo "[exit $?]"
ls
