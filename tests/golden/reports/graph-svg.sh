# plantrack graph --format svg: coloured by progress; plantrack's own layout (byte-exact here),
# and Graphviz's when dot is installed (scripts/test installs graphviz).
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" record plan.toml training-classes 2 --date 2014-03-01 >/dev/null
"$PLANTRACK" record plan.toml posters 5000 --year 2013 --date 2013-06-01 >/dev/null
"$PLANTRACK" graph plan.toml --format svg --builtin-layout; echo "[exit $?]"
"$PLANTRACK" graph plan.toml --format svg > dot.svg; echo "[exit $?]"
grep -c "<svg" dot.svg
echo "task boxes by state colour (done, in progress, not started):"
grep -o '<path fill="#[0-9a-f]*" fill-opacity' dot.svg | sort | uniq -c | sed 's/^ *//' 
