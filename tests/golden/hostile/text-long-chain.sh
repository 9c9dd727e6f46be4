# A 100,000-task dependency chain (each task waits for the one before): every command walks it
# without recursion, and `why` prints the chain once, shortened, in a bounded number of lines.
python3 - <<'PY'
with open("chain.toml", "w") as out:
    out.write('[plan]\nid = "chain"\ntitle = "Chain"\nperiod = { start = 2014, end = 2014 }\n\n')
    out.write('[[stage]]\nid = "work"\ntitle = "Work"\n\n')
    for i in range(100_000):
        out.write(f'[[task]]\nid = "c-{i:06d}"\nstage = "work"\ntitle = "Task {i}"\nunit = "bài"\ntarget = 1\n')
        if i:
            out.write(f'depends_on = ["c-{i - 1:06d}"]\n')
PY
for args in "validate chain.toml" "status chain.toml" "next chain.toml" "why chain.toml c-099999" \
  "why chain.toml c-099999 --format json" "graph chain.toml" "graph chain.toml --format mermaid" \
  "graph chain.toml --format json"; do
  # shellcheck disable=SC2086
  "$PLANTRACK" $args > out.txt 2>&1
  echo "$args: exit $?, $(wc -l < out.txt) lines"
done
echo "== why, text: the ends of the chain"
"$PLANTRACK" why chain.toml c-099999 | sed -n '1,5p;22,26p;$p'
echo "== why, json: the whole count, 20 shown"
"$PLANTRACK" why chain.toml c-099999 --format json | python3 -c "
import json, sys
w = json.load(sys.stdin)['waiting_on']
print(w['count'], len(w['first']), w['omitted'], len(w['last']), w['last'][-1]['id'], w['last'][-1]['ready'])"
