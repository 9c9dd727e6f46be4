# A CSV with bad rows: every problem reported at file:row:col with the line and a caret; nothing
# written, not even the good rows.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
cat > updates.csv <<'CSV'
task,quantity,year,date,by,note,evidence
posters,2000,2013,2013-11-02,Lan,đợt 1,
postrs,1000,2013,2013-12-01,Lan,đợt 2,
newspaper-articles,"10,5",2013,2013-12-01,Lan,,
training-classes,2,13,2014-01-05,Minh,,
quick-assessments,3,2014,2014-11-30,Minh,,
CSV
"$PLANTRACK" import plan.toml updates.csv; echo "[exit $?]"
"$PLANTRACK" history plan.toml; echo "[exit $?]"
echo "== a file that is not there"
"$PLANTRACK" import plan.toml missing.csv; echo "[exit $?]"
echo "== a bad header"
printf 'task,qty\nposters,1\n' > header.csv
"$PLANTRACK" import plan.toml header.csv; echo "[exit $?]"
echo "== the good rows alone go in, in one transaction"
head -2 updates.csv > good.csv
"$PLANTRACK" import plan.toml good.csv; echo "[exit $?]"
