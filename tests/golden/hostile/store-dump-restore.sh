# A store restored from a dump (`sqlite3 old.db .dump | sqlite3 new.db` sets neither user_version
# nor application_id) is read at the schema its tables show and keeps every payment when written;
# a version that contradicts the tables is refused with the fix, the file untouched (issue 12, 2).
cp "$SRC/workflows/ha-son-cleaner-production-2012-2015.toml" plan.toml
cp -r "$SRC/workflows/ha-son" .
export PLANTRACK_NOW=2015-12-31T09:00:00Z
$PLANTRACK import plan.toml "$SRC/workflows/ha-son-cleaner-production-2012-2015.payments.csv" \
  >/dev/null 2>&1
echo "[import exit $?]"
payments() {  # payments, with an amount, their sum, with a source, with a participant
  sqlite3 "$1" "SELECT count(*), count(amount), sum(amount), count(source), count(participant)
                FROM events WHERE kind = 'spend'"
}
echo "== the store"
payments plan.toml.plantrack.db
sqlite3 plan.toml.plantrack.db .dump | sqlite3 restored.db
echo "== restored: user_version $(sqlite3 restored.db 'PRAGMA user_version'), application_id $(sqlite3 restored.db 'PRAGMA application_id')"
$PLANTRACK status plan.toml --db restored.db --lang en | grep -A1 "^money"
echo "== a write to the restored store"
$PLANTRACK record plan.toml quick-assessments 1 --db restored.db
echo "[exit $?]"
payments restored.db
echo "user_version $(sqlite3 restored.db 'PRAGMA user_version'), application_id $(sqlite3 restored.db 'PRAGMA application_id')"
echo "== a version older than the tables"
sqlite3 restored.db 'PRAGMA user_version = 3'
sum=$(md5sum < restored.db)
$PLANTRACK record plan.toml quick-assessments 1 --db restored.db
echo "[exit $?]"
[ "$sum" = "$(md5sum < restored.db)" ] && echo "the file is unchanged"
payments restored.db
