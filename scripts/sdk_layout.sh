#!/usr/bin/env bash
# Prints PLANTRACK_SDK_BOUNDARY (core/include/sdk/plantrack/sdk/layout.hpp) with the sizes, alignments
# and offsets this toolchain gives its types, and the fingerprint of the result: paste both into
# layout.hpp after a change to a boundary type (and bump PLANTRACK_PLUGIN_ABI).
#   scripts/sdk_layout.sh [CXX]
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
cxx=${1:-g++}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
header=$src/core/include/sdk/plantrack/sdk/layout.hpp
{
  echo '#include <cstdio>'
  echo '#pragma GCC diagnostic ignored "-Winvalid-offsetof"'
  echo '#define PLANTRACK_SDK_LAYOUT_PRINTING'
  echo '#include "plantrack/sdk/plugin.hpp"'
  echo 'using namespace plantrack::sdk::layout;'
  echo 'int main() {'
  grep -oE '^  (TYPE|FIELD)\([^)]*\)' "$header" | while read -r entry; do
    kind=${entry%%(*}
    IFS=', ' read -r -a args <<<"${entry#*(}"
    if [[ $kind == TYPE ]]; then
      echo "  std::printf(\"  TYPE(${args[0]}, %zu, %zu) \\\\\n\", sizeof(${args[0]}), alignof(${args[0]}));"
    else
      echo "  std::printf(\"  FIELD(${args[0]}, ${args[1]}, %zu) \\\\\n\", offsetof(${args[0]}, ${args[1]}));"
    fi
  done
  echo '  std::printf("fingerprint 0x%016llxull\n", (unsigned long long)plantrack::sdk::kLayoutFingerprint);'
  echo '}'
} >"$work/print.cpp"
"$cxx" -std=c++20 -DBOOST_DLL_USE_STD_FS $(for d in "$src"/core/include/*/; do printf -- " -I%s" "$d"; done) "$work/print.cpp" -o "$work/print"
"$work/print"
