# Item 11 of issue 12: only regular files are read (a folder, a device, a FIFO is refused
# before anything is read), within a size limit.
run() { "$PLANTRACK" "$@"; echo "[exit $?]"; }
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
run import plan.toml /tmp
run import plan.toml /dev/zero
mkfifo fifo.csv
run import plan.toml fifo.csv
run validate /dev/zero
run validate fifo.csv
run status /dev/null
echo 'task = "x"' > changes.toml
run status plan.toml --what-if /dev/zero
ls
