# The checks run under the write lock: 8 reverts of one event at once, exactly one succeeds, the
# others are refused as already reverted (issue 12, item 13).
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" record plan.toml posters 5 --year 2013 --date 2013-05-01
for i in 1 2 3 4 5 6 7 8; do
  ("$PLANTRACK" revert plan.toml 1 >"out.$i" 2>&1; echo "[exit $?]" >>"out.$i") &
done
wait
cat out.* | sed 's/#[0-9]*$/#N/; s/recorded #[0-9]*/recorded #N/' | sort | uniq -c
echo "== the log has one revert"
sqlite3 plan.toml.plantrack.db "SELECT count(*) FROM events WHERE kind = 'revert'"
