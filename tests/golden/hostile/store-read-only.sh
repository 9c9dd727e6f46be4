# An archived store in a folder its reader cannot write is read without WAL files (opened
# immutable): status, report and history work; a write says why it cannot (issue 12, item 16).
# As root, permissions do not stop the process: the commands run as "nobody" then.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" import plan.toml "$SRC/workflows/binh-duong-cleaner-production-2012-2015.progress.csv" \
  >/dev/null 2>&1
mkdir archive
cp plan.toml plan.toml.plantrack.db archive/
chmod 755 . && chmod 555 archive && chmod 444 archive/*
as_reader() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/nonexistent "$@"
  else
    "$@"
  fi
}
try() { as_reader "$PLANTRACK" "$@"; echo "[exit $?]"; }
try status archive/plan.toml --stage awareness
try history archive/plan.toml posters
as_reader "$PLANTRACK" report archive/plan.toml --format json | head -c 60; echo " [exit ${PIPESTATUS[0]}]"
try record archive/plan.toml posters 1
ls archive
