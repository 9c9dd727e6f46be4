# plantrack check: funding-check plugins' findings at the plan's lines; exit 3 on findings, 4 when a
# check fails (the others still run).
build=$(dirname "$(dirname "$PLANTRACK")")
fixtures=$build/tests/plugins/lib
cp "$fixtures/good.so" "$fixtures/throwing.so" .
chmod 755 good.so throwing.so
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
run() { "$PLANTRACK" "$@" 2>&1; echo "[exit $?]"; }
run check plan.toml
printf '\n[[plugin]]\nname = "budget-floor"\npath = "good.so"\n[plugin.settings]\nfloor = 200_000_000\n' >> plan.toml
run check plan.toml
run check plan.toml --format json
printf '\n[[plugin]]\nname = "bad-check"\npath = "throwing.so"\n' >> plan.toml
run check plan.toml --date 2013-12-31
