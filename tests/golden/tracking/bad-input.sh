# Every refused record says what and how to fix it, exits 1, and writes nothing.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
try() { "$PLANTRACK" "$@"; echo "[exit $?]"; }
try record plan.toml postrs 5
try record plan.toml posters 5.5
try record plan.toml posters 0
try record plan.toml posters -5
try record plan.toml posters 5 --year 14
try record plan.toml posters 5 --date 2014-10-25
try record plan.toml posters 5 --date 2014-02-30
try status plan.toml --stage pilots
try status plan.toml --date 2014-13-01
try why plan.toml postrs
try revert plan.toml 99
echo "== nothing was written"
try history plan.toml
echo "== warnings still record"
try record plan.toml posters 6000 --year 2014 --date 2014-10-01
echo "== a store from a newer plantrack"
python3 -c "import sqlite3; c=sqlite3.connect('plan.toml.plantrack.db'); c.execute('PRAGMA user_version = 99'); c.commit()"
try record plan.toml posters 1
try status plan.toml
echo "== a corrupt store"
printf 'not a database at all, only text, long enough to look like a header....\n' > broken.db
try record plan.toml posters 1 --db broken.db
PLANTRACK_DB=broken.db try status plan.toml
echo "== a store locked past the timeout"
python3 -c "
import sqlite3, time, sys
c = sqlite3.connect('locked.db', isolation_level=None)
c.execute('CREATE TABLE x (y)')
c.execute('BEGIN EXCLUSIVE')
open('locked.ready', 'w').close()
time.sleep(1.5)
" &
while [ ! -e locked.ready ]; do sleep 0.05; done
PLANTRACK_BUSY_TIMEOUT_MS=200 try record plan.toml posters 1 --db locked.db
wait
echo "== an invalid plan"
printf '[plan]\nid = "x"\n' > broken.toml
try record broken.toml posters 1
