#!/usr/bin/env bash
# Golden test: run plantrack on one case and compare stdout+stderr and the exit status, byte for byte.
#   run.sh PLANTRACK CASE      CASE is x.toml (runs "validate x.toml"), x.args (one argument per
#                              line) or x.sh (a scenario: bash runs it in a fresh empty folder with
#                              $PLANTRACK, $SRC (the repository) and the clock pinned to 2014-10-24)
#   run.sh PLANTRACK CASE vi   the same in Vietnamese (PLANTRACK_LANG=vi), compared with x.vi.expected
# The environment's language is pinned (LANG=C.UTF-8, no LC_ALL, LC_MESSAGES or PLANTRACK_LANG), so a
# case speaks English unless it, its plan's locale or the third argument says otherwise.
# Runs in the case's folder, so messages show paths as written. UPDATE_GOLDEN=1 rewrites x.expected.
set -u
bin=$(realpath "$1")
dir=$(dirname "$2")
base=$(basename "$2")
name=${base%.*}
cd "$dir" || exit 1
unset LC_ALL LC_MESSAGES PLANTRACK_LANG LANGUAGE
export LANG=C.UTF-8
if [[ ${3:-} == vi ]]; then
  export PLANTRACK_LANG=vi
  name=$name.vi
fi
if [[ $base == *.sh ]]; then
  scratch=$(mktemp -d)
  cache=$(mktemp -d)
  trap 'chmod -R u+rwx "$scratch"; rm -rf "$scratch" "$cache"' EXIT
  src=$(realpath ../../..)
  script=$(realpath "$base")
  actual=$(cd "$scratch" && env -u PLANTRACK_DB PLANTRACK="$bin" SRC="$src" PLANTRACK_CACHE_DIR="$cache" \
    PLANTRACK_NOW=2014-10-24T09:00:00Z USER=tester bash -u "$script" 2>&1; echo "[exit $?]")
elif [[ $base == *.args ]]; then
  mapfile -t args < "$base"
  actual=$("$bin" "${args[@]}" 2>&1; echo "[exit $?]")
else
  actual=$("$bin" validate "$base" 2>&1; echo "[exit $?]")
fi
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
