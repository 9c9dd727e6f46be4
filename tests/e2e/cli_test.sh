#!/usr/bin/env bash
# CLI end-to-end checks that need generated input or several commands:
#   cli_test.sh PLANTRACK SOURCE_DIR
set -u
# Its checks read English labels (error:, fix:) of Vietnamese plans' output.
export PLANTRACK_LANG=en
bin=$1
src=$2
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
failures=0
flagship=$src/workflows/binh-duong-cleaner-production-2012-2015.toml

check() {  # check NAME EXPECTED_STATUS COMMAND... ; output kept in $out
  local name=$1 want=$2
  shift 2
  out=$(timeout 120 "$@" 2>&1)
  local got=$?
  if [[ $got != "$want" ]]; then
    echo "FAIL $name: exit $got, expected $want"
    echo "$out" | head -20
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
contains() {  # contains NAME TEXT
  if [[ $out != *"$2"* ]]; then
    echo "FAIL $1: output lacks: $2"
    echo "$out" | head -20
    failures=$((failures + 1))
  fi
}

check "every workflow validates" 0 "$bin" --lang en validate "$src"/workflows/*.toml "$src"/workflows/templates/*.toml
contains "every workflow validates" "valid ("

# The complete example in docs/plan-format.md is a valid plan, also with the [[budget]] example added.
awk '/^## A complete example/{c=1} c&&/^```toml/{f=1;next} /^```/{f=0} f' "$src/docs/plan-format.md" \
  > "$work/doc-example.toml"
check "docs example validates" 0 "$bin" --lang en validate "$work/doc-example.toml"
contains "docs example validates" "valid (2 tasks in 2 stages, 1 funding source), 0 warnings"
awk '/^## `\[\[budget\]\]`/{c=1} /^## `\[\[participant/{c=0} c&&/^```toml/{f=1;next} /^```/{f=0} f' \
  "$src/docs/plan-format.md" >> "$work/doc-example.toml"
grep -q "^\[\[budget\]\]" "$work/doc-example.toml" || { echo "FAIL the [[budget]] example was not found"; failures=$((failures + 1)); }
check "docs budget example validates" 0 "$bin" validate "$work/doc-example.toml"

# The dot output is real Graphviz input.
if command -v dot >/dev/null; then
  "$bin" graph "$flagship" > "$work/plan.dot"
  check "graphviz renders the dot graph" 0 dot -Tsvg -o "$work/plan.svg" "$work/plan.dot"
  grep -q "cluster_awareness" "$work/plan.svg" || { echo "FAIL svg lacks the awareness cluster"; failures=$((failures + 1)); }
fi

# The JSON outputs parse as JSON.
"$bin" graph "$flagship" --format json > "$work/graph.json"
check "graph json parses" 0 python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['tasks'])==7 and len(d['order'])==7" "$work/graph.json"
"$bin" validate --format json "$flagship" > "$work/diag.json"
check "diagnostics json parses" 0 python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==5 and all(x['severity']=='warning' for x in d)" "$work/diag.json"

# An unreadable file (skipped as root, who reads everything).
if [[ $(id -u) != 0 ]]; then
  cp "$flagship" "$work/locked.toml"
  chmod 000 "$work/locked.toml"
  check "unreadable file" 1 "$bin" validate "$work/locked.toml"
  contains "unreadable file" "cannot read the plan: permission denied"
fi

# A 100 MB plan: a long comment block and many tasks; must finish without crashing.
python3 - "$work/big.toml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('[plan]\nid = "big"\ntitle = "Big"\nperiod = { start = 2012, end = 2015 }\n')
    f.write('[[stage]]\nid = "s"\ntitle = "S"\n')
    line = "# " + "x" * 1000 + "\n"
    f.write(line * 95000)
    for i in range(20000):
        f.write(f'[[task]]\nid = "t{i}"\nstage = "s"\ntitle = "T"\nunit = "bài"\ntarget = 1\n')
PY
check "100 MB plan" 0 "$bin" validate "$work/big.toml"
contains "100 MB plan" "valid (20000 tasks in 1 stage"

# Binary garbage.
head -c 65536 /dev/urandom > "$work/random.toml"
check "random bytes" 1 "$bin" validate "$work/random.toml"
contains "random bytes" "error: invalid TOML"

# Validation writes nothing next to the plan.
cp "$flagship" "$work/plan.toml"
before=$(ls -A "$work" | sort)
"$bin" validate "$work/plan.toml" >/dev/null 2>&1
"$bin" graph "$work/plan.toml" >/dev/null 2>&1
[[ $(ls -A "$work" | sort) == "$before" ]] || { echo "FAIL validate or graph wrote a file"; failures=$((failures + 1)); }

echo "$failures failure(s)"
[[ $failures == 0 ]]
