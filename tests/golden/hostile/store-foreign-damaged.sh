# A database that is not plantrack's is refused, nothing added to it; a damaged store (cut short,
# or broken inside) is refused before a write, with the fix (issue 12, item 15).
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
try() { "$PLANTRACK" "$@"; echo "[exit $?]"; }
echo "== another program's database"
sqlite3 other.db "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Lan')"
sum=$(md5sum < other.db)
try record plan.toml posters 5 --db other.db
try status plan.toml --db other.db
[ "$sum" = "$(md5sum < other.db)" ] && echo "unchanged"; ls other.db*
sqlite3 app.db "PRAGMA application_id = 1196444237; CREATE TABLE events (x)"
try record plan.toml posters 5 --db app.db
echo "== a store made before the application id is still plantrack's, and gets it"
try record plan.toml posters 5 >/dev/null
sqlite3 plan.toml.plantrack.db "PRAGMA application_id = 0"
try status plan.toml | tail -1
try record plan.toml posters 1 | tail -1
sqlite3 plan.toml.plantrack.db "PRAGMA application_id"
echo "== a store cut short by 1000 bytes"
for i in $(seq 1 300); do
  echo "INSERT INTO events (plan_id, task_id, kind, quantity, year, effective_date, recorded_at,
        actor, note, plan_revision) VALUES ('binh-duong-cp-2012-2015', 'posters', 'progress', 1,
        2014, '2014-10-01', 't', 'x', printf('%0200d', $i), 'r');"
done | sqlite3 plan.toml.plantrack.db
sqlite3 plan.toml.plantrack.db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp plan.toml.plantrack.db good.db
size=$(stat -c %s good.db)
head -c $((size - 1000)) good.db > short.db
try status plan.toml --db short.db
try record plan.toml posters 1 --db short.db
echo "== a store broken inside"
cp good.db broken.db
printf '\007%.0s' $(seq 1 300) | dd of=broken.db bs=1 seek=$((20 * 4096 + 100)) conv=notrunc status=none
try record plan.toml posters 1 --db broken.db
