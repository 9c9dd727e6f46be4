# Item 1 of issue 12: an output path never replaces the plan, its programme or its store; an
# existing file that is not an earlier output needs --force; devices, FIFOs and symlinks are
# written into or followed, never replaced; -o - is standard output.
run() { "$PLANTRACK" "$@"; echo "[exit $?]"; }
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" import plan.toml "$SRC/workflows/binh-duong-cleaner-production-2012-2015.progress.csv" >/dev/null 2>&1
sum() { sha256sum plan.toml plan.toml.plantrack.db | cut -c1-12; }
before=$(sum)
echo "== the store, the plan, the store's WAL"
run report plan.toml -o plan.toml.plantrack.db
run report plan.toml -o ./plan.toml --force
run report plan.toml --format csv --table workload -o plan.toml.plantrack.db-wal
run plan-year plan.toml 2014 -o plan.toml
echo "== a year plan's programme and store, also through a link"
run plan-year plan.toml 2014 -o y2014.toml 2>&1
ln -s plan.toml programme-link.toml
run report y2014.toml -o programme-link.toml
run plan-year plan.toml 2014 -o y2014.toml
[ "$(sum)" = "$before" ] && echo "plan and store unchanged"
echo "== an existing file that is not an earlier report"
echo "meeting notes" > notes.md
run report plan.toml -o notes.md
cat notes.md
run report plan.toml -o notes.md --force
tail -1 notes.md
run report plan.toml -o notes.md
echo "== a database that is not the store"
printf 'SQLite format 3\0rest' > other.db
run report plan.toml -o other.db --force
echo "== a folder"
mkdir out
run report plan.toml -o out
echo "== a socket, and a file where the CSV tables need a folder"
python3 -c "import socket; socket.socket(socket.AF_UNIX).bind('socket')"
run report plan.toml -o socket
run report plan.toml --format csv -o notes.md
echo "== standard output"
"$PLANTRACK" report plan.toml --format json -o - | head -2; echo "[exit ${PIPESTATUS[0]}]"
echo "== a character device (the same as /dev/null) is written into, not replaced"
mknod null-device c 1 3 || echo "mknod needs root: this case cannot run here"
run report plan.toml -o null-device
[ -c null-device ] && echo "still a character device"
echo "== a FIFO is written into"
mkfifo pipe
cat pipe > from-pipe &
run report plan.toml --format json -o pipe
wait
head -2 from-pipe
[ -p pipe ] && echo "still a FIFO"
echo "== a symlink is followed: the link stays, its target is replaced"
"$PLANTRACK" report plan.toml -o real.md 2>/dev/null
ln -s real.md link.md
run report plan.toml --lang en -o link.md
[ -L link.md ] && echo "still a link to $(readlink link.md)"
head -1 real.md
ln -s missing.md dangling.md
run report plan.toml -o dangling.md
echo "== no temporary files left behind"
ls -A | grep -c '^\.' || true
