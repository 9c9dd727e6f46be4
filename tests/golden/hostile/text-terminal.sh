# Hostile text reaches a terminal only as visible escapes: a bidi override in a title (TOML allows
# it raw), an escape sequence and a carriage return in a recorded note and actor, markup in titles
# for Mermaid, DOT and the Markdown report.
cat > plan.toml <<'TOML'
[plan]
id = "demo"
title = "Plan ‮txt.exe‬ | *bold* _x_ #1 <b>&amp;"
period = { start = 2014, end = 2014 }

[[stage]]
id = "awareness"
title = "Say \"hi\" | `code` #35; [link](x)"

[[task]]
id = "posters"
stage = "awareness"
title = "Posters ⁦isolate⁩ \"q\" <i>"
unit = "tờ|x"
target = 10

[[task]]
id = "leaflets"
stage = "awareness"
title = "- 1. not a list"
unit = "tờ"
target = 5
depends_on = ["posters"]
TOML
printf '%s\n' "== record with an escape sequence in the note and the actor"
USER=$'evil\e]0;title\a' "$PLANTRACK" record plan.toml posters 2 --note $'ok\e[2J\rforged line' --date 2014-03-01
echo "== status"
"$PLANTRACK" status plan.toml --date 2014-10-01
echo "== next"
"$PLANTRACK" next plan.toml --date 2014-10-01
echo "== why"
"$PLANTRACK" why plan.toml leaflets --date 2014-10-01
echo "== history"
"$PLANTRACK" history plan.toml
echo "== history json keeps the values, escaped"
"$PLANTRACK" history plan.toml --format json | grep '"note"'
echo "== why with an unknown task naming an escape"
"$PLANTRACK" why plan.toml $'post\e[31mers'
echo "== mermaid"
"$PLANTRACK" graph plan.toml --format mermaid
echo "== dot"
"$PLANTRACK" graph plan.toml --format dot
echo "== markdown"
"$PLANTRACK" report plan.toml --format md -o report.md >/dev/null 2>&1; echo "[exit $?]"
grep -E '^# |Posters|not a list|Say' report.md
echo "== no raw escape or bidi control anywhere above"
