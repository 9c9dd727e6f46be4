#!/usr/bin/env bash
# The flagship's HTML report rendered in a real browser (headless Chromium, Debian `chromium`): the
# page loads without errors, shows its title, tables and charts, and a PNG screenshot (A4 width)
# is kept as a test artifact in ARTIFACTS.
#   html_report_test.sh PLANTRACK SOURCE_DIR ARTIFACTS
set -u
pt=$1
src=$2
artifacts=$3
fail() { echo "FAIL $*"; exit 1; }
browser=$(command -v chromium || command -v chromium-browser) ||
  fail "headless Chromium is needed: apt-get install chromium (scripts/test installs it)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
cp "$src/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
export PLANTRACK_NOW=2014-10-24T17:00:00Z PLANTRACK_CACHE_DIR=$work/cache
unset PLANTRACK_DB
"$pt" import plan.toml "$src/workflows/binh-duong-cleaner-production-2012-2015.progress.csv" >/dev/null 2>&1 ||
  fail "import"
"$pt" report plan.toml --format html -o report.html 2>/dev/null || fail "report --format html"
mkdir -p "$artifacts"
# No network at all: a page that tried to fetch anything would log a failed request.
flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions
       --disable-background-networking --proxy-server=127.0.0.1:9 --user-data-dir="$work/profile"
       --enable-logging=stderr --v=0 --hide-scrollbars --window-size=794,4200)
timeout 90 "$browser" "${flags[@]}" --dump-dom "file://$work/report.html" >dom.html 2>dom.log ||
  { cat dom.log; fail "chromium --dump-dom"; }
timeout 90 "$browser" "${flags[@]}" --screenshot="$artifacts/flagship-report.png" \
  "file://$work/report.html" >/dev/null 2>shot.log || { cat shot.log; fail "chromium --screenshot"; }
if grep -E "CONSOLE|Uncaught|ERR_|Failed to load" dom.log shot.log; then
  fail "the page logged errors (above)"
fi
grep -q "<h1>BÁO CÁO KẾT QUẢ THỰC HIỆN" dom.html || fail "the rendered page lacks its title"
[[ $(grep -o "<svg" dom.html | wc -l) -ge 5 ]] || fail "the rendered page lacks its charts"
grep -q "Một tỷ không trăm hai mươi ba triệu sáu trăm nghìn đồng" dom.html || fail "amount in words"
python3 - "$artifacts/flagship-report.png" <<'PY' || fail "screenshot"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width >= 700 and height >= 1000, (width, height)
assert len(data) > 20000, "an empty page"
print(f"screenshot {width}x{height}, {len(data)} bytes")
PY
echo "ok: rendered in $("$browser" --version 2>/dev/null | head -1); screenshot $artifacts/flagship-report.png"
