# Payments at once are checked against each other under the write lock: four payments of 2^62,
# started together, and only one fits in the 64-bit range; the others are refused (issue 12, 13).
# The store is new: a refused command must not remove it, as another one has recorded into it.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
for i in 1 2 3 4; do
  ("$PLANTRACK" spend plan.toml quick-assessments 4611686018427387904 --source local-budget \
     --year 2013 --date 2013-05-01 --lang en >"out.$i" 2>&1; echo "[exit $?]" >>"out.$i") &
done
wait
cat out.* | grep -v "no budget line\|add a \[\[budget\]\] line" | sed 's/#[0-9]* /#N /' | sort | uniq -c
echo "== the log has one payment"
sqlite3 plan.toml.plantrack.db "SELECT count(*), sum(amount) FROM events WHERE kind = 'spend'"
