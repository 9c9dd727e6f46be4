# Plugin settings and plugin problems are plan diagnostics: file:line:col, what, fix; nothing written.
build=$(dirname "$(dirname "$PLANTRACK")")
fixtures=$build/tests/plugins/lib
cp "$fixtures/good.so" "$fixtures/wrong_abi.so" .
chmod 755 good.so wrong_abi.so
run() { "$PLANTRACK" "$@" 2>&1 | sed "s|$build|BUILD|g; s|$PWD/|./|g"; echo "[exit ${PIPESTATUS[0]}]"; }
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
cat >> plan.toml <<'TOML'

[[plugin]]
name = "outbox"
[plugin.settings]
fil = "events.jsonl"

[[plugin]]
name = "console"
[plugin.settings]
events = 3

[[plugin]]
name = "tally"
path = "good.so"
[plugin.settings]
label = "x"

[[plugin]]
name = "outbx"

[[plugin]]
name = "old"
path = "wrong_abi.so"
TOML
run validate plan.toml
run record plan.toml posters 100
ls plan.toml.plantrack.db 2>/dev/null || echo "no store was created"
echo "--- a notifier that cannot start"
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan2.toml
printf '\n[[plugin]]\nname = "outbox"\n[plugin.settings]\nfile = "no/such/folder/out.jsonl"\n' >> plan2.toml
run record plan2.toml posters 100
echo "--- --no-plugins runs without them"
run --no-plugins record plan.toml posters 100 --db plan.toml.plantrack.db  # plan2.toml (same id) has a store of its own
