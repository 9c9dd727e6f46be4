# Plugin settings refused at the plan's line (issue 12, items 4 and 20): numbers out of their
# declared range, control characters (CR/LF in a mail address would inject SMTP commands), and
# paths that leave the plan's folder. Plugin files reached through a symlink, or under a folder
# others can write to, are refused (item 19); a broken unrelated library only warns.
# Its checks grep the English labels (error:, warning:, fix:) of a Vietnamese plan's output.
export PLANTRACK_LANG=en
build=$(dirname "$(dirname "$PLANTRACK")")
fixtures=$build/tests/plugins/lib
run() { "$PLANTRACK" "$@" 2>&1 | sed -E "s|$build|BUILD|g; s|$PWD/|./|g; s|^\[[0-9 :.-]+\] ||"; echo "[exit ${PIPESTATUS[0]}]"; }
base() {
  cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
  printf '\n[[plugin]]\nname = "%s"\n[plugin.settings]\n' "$1" >> plan.toml
  shift
  printf '%s\n' "$@" >> plan.toml
}
base webhook 'url = "http://127.0.0.1:9/hook"' 'retries = -1' 'timeout_ms = 0'
run --lang en validate plan.toml | grep -A4 "error: setting"
run record plan.toml posters 100 | tail -3
"$PLANTRACK" --no-plugins history plan.toml | grep -c progress
base email 'server = "127.0.0.1"' 'from = "a@b.vn\r\nRCPT TO:<x@evil.example>"' 'to = ["k@b.vn", "c@d.vn\nDATA"]'
run --lang en validate plan.toml | grep -A4 "error: setting"
base outbox 'file = "../escape.jsonl"'
run --lang en validate plan.toml | grep -A4 "error: setting"
base outbox 'file = "/tmp/absolute.jsonl"'
run --lang en validate plan.toml | grep -A4 "error: setting"
mkdir out && ln -s /tmp out/elsewhere
base outbox 'file = "out/elsewhere/x.jsonl"'
run --lang en validate plan.toml | grep -A4 "error: setting"
base webhook 'url = "http://127.0.0.1:9/hook"' 'spool = "../../spool.jsonl"'
run --lang en validate plan.toml | grep -A4 "error: setting"
base outbox 'file = "sub/../inside.jsonl"'
run validate plan.toml | tail -1
echo "--- a plugin reached through a symlink into a folder others can write to"
mkdir shared && chmod 777 shared && cp "$fixtures/good.so" shared/ && chmod 755 shared/good.so
ln -s shared/good.so good.so
run plugins check good.so | grep -v sha256
echo "--- a plugin under a parent folder others can write to"
mkdir -p open/mine && chmod 777 open && chmod 755 open/mine
cp "$fixtures/good.so" open/mine/ && chmod 755 open/mine/good.so
run plugins check open/mine/good.so | grep -v sha256
echo "--- a broken library on the search path, not the plan's plugin: a warning; the record is kept"
mkdir libs && chmod 755 libs && echo "not a library" > libs/aaa_broken.so && chmod 644 libs/aaa_broken.so
base outbox
run --lang en --plugin-path libs record plan.toml posters 100 --date 2014-10-24 | grep -v "year 2014\|fix: if the year"
