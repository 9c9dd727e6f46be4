#!/usr/bin/env bash
# Installs plantrack to a temporary prefix, builds examples/agency-plugin against it with only
# find_package(plantrack), installs the plugin there, and uses it from a plan through the CLI.
#   install_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
expect() {  # expect NAME EXPECTED_EXIT ACTUAL_EXIT OUTPUT NEEDLE...
  local name=$1 want=$2 got=$3 out=$4
  shift 4
  [[ $got == "$want" ]] || fail "$name: exit $got, expected $want"
  for needle in "$@"; do
    grep -qF -- "$needle" <<<"$out" || fail "$name: output lacks: $needle"
  done
}

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "FAIL install"; exit 1; }
for f in bin/plantrack include/plantrack/plugin.hpp lib/cmake/plantrack/plantrackConfig.cmake \
         lib/cmake/plantrack/PlantrackPlugin.cmake lib/plantrack/plugins/notify_outbox.so; do
  [[ -e $prefix/$f ]] || fail "installed tree lacks $f"
done
for f in sdk/plugin.hpp sdk/boundary.hpp sdk/layout.hpp sdk/report.hpp sdk/severity.hpp; do
  [[ -e $prefix/include/plantrack/$f ]] || fail "installed tree lacks the SDK header $f"
done
# Internal protocols stay in src/: the cache's byte format, the summary fold, MappedFile, day counts.
for internal in 'serialize_plan(' 'deserialize_plan(' 'fold_summary(' 'class PLANTRACK_API MappedFile' \
                'days_between('; do
  grep -rqF "$internal" "$prefix/include" && fail "an installed header declares the internal $internal"
done

# The agency's build sees nothing of the source tree: only the installed package.
cmake -S "$src/examples/agency-plugin" -B "$work/agency" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; exit 1; }
cmake --build "$work/agency" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
cmake --install "$work/agency" --prefix "$prefix" >/dev/null || fail "installing the plugin"

cd "$work" || exit 1
cp "$src/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
cat "$src/examples/agency-plugin/plan-additions.toml" >>plan.toml
export PLANTRACK_NOW=2014-10-24T09:00:00Z PLANTRACK_CACHE_DIR=$work/cache
export PLANTRACK_LANG=en  # the checks below read the English texts (the plan says locale = "vi")
unset PLANTRACK_PLUGIN_PATH PLANTRACK_DB
pt=$prefix/bin/plantrack

out=$("$pt" plugins list plan.toml 2>&1); code=$?
at=$(($(grep -n '^name = "local-share"' plan.toml | cut -d: -f1) - 1))
expect "plugins list" 0 $code "$out" \
  "local-share  1.0.0  funding check  ABI 5 ok  $prefix/lib/plantrack/plugins/binh_duong_plugins.so  [configured at plan.toml:$at:1]" \
  "rules  1.0.0  funding check  ABI 5 ok  $prefix/lib/plantrack/plugins/funding_rules.so" \
  "daily-digest  1.0.0  notifier  ABI 5 ok"

out=$("$pt" --lang en record plan.toml posters 2500 --date 2014-10-01 2>&1); code=$?
expect "record" 0 $code "$out" "recorded #1 2014-10-01 progress posters +2500"
digest=$(cat digests/digest-2014-10-01.txt 2>/dev/null)
[[ $digest == "[progress-recorded] posters: 2500 recorded (50% of target)" ]] ||
  fail "digest file: got '$digest'"

out=$("$pt" check plan.toml 2>&1); code=$?
local_amount=$(awk '/^id = "local-budget"/ { found = 1 } found && /^amount =/ { print NR; exit }' plan.toml)
expect "check" 3 $code "$out" \
  "plan.toml:$local_amount:10: error: the local share of the state budget is 88.0%, below 90.0% [local-share; QĐ 1234/QĐ-UBND (ví dụ)]" \
  "  fix: raise the local budget to at least 1107000000 or lower the central share" \
  "plan.toml as of 2014-10-24: 1 funding finding, "

sed -i 's/min_local_percent = 90/min_local_percent = 80/' plan.toml
# Before any work was due: no finding, no alert.
out=$("$pt" check plan.toml --date 2011-01-01 2>&1); code=$?
expect "check passing" 0 $code "$out" "plan.toml as of 2011-01-01: 0 funding findings, 0 alerts"

out=$("$pt" check plan.toml --date 2011-01-01 --format json 2>&1); code=$?
expect "check json" 0 $code "$out" '"findings": []' '"alerts": []'

# The agency's own report format, next to the built-in ones.
out=$("$pt" --lang vi report plan.toml --format brief --date 2014-10-24 2>&1); code=$?  # the report in the plan's language
expect "report --format brief" 0 $code "$out" \
  "BÁO CÁO KẾT QUẢ THỰC HIỆN Kế hoạch sản xuất sạch hơn" \
  "03. Thiết kế và phát hành áp phích tuyên truyền …: 2.500 Tờ (50%)" \
  "Ngân sách nhà nước: 1.023.600.000 đồng (Một tỷ không trăm hai mươi ba triệu sáu trăm nghìn đồng)"
out=$("$pt" --lang en report plan.toml --format brif 2>&1); code=$?
expect "report, a misspelt format" 2 $code "$out" 'did you mean "brief"?'

echo "$failures failure(s)"
[[ $failures == 0 ]]
