#!/usr/bin/env bash
# Golden test: run plantrack on one case and compare stdout+stderr and the exit status, byte for byte.
#   run.sh PLANTRACK CASE      CASE is x.toml (runs "validate x.toml") or x.args (one argument per line)
# Runs in the case's folder, so messages show paths as written. UPDATE_GOLDEN=1 rewrites x.expected.
set -u
bin=$(realpath "$1")
dir=$(dirname "$2")
base=$(basename "$2")
name=${base%.*}
cd "$dir" || exit 1
if [[ $base == *.args ]]; then
  mapfile -t args < "$base"
else
  args=(validate "$base")
fi
actual=$("$bin" "${args[@]}" 2>&1; echo "[exit $?]")
if [[ ${UPDATE_GOLDEN:-0} == 1 ]]; then
  printf '%s\n' "$actual" > "$name.expected"
  echo "updated $dir/$name.expected"
  exit 0
fi
if [[ ! -f $name.expected ]]; then
  echo "missing $dir/$name.expected (run with UPDATE_GOLDEN=1 to create it)"
  exit 1
fi
diff -u "$name.expected" <(printf '%s\n' "$actual")
