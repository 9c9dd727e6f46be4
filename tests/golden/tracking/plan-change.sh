# The plan changes after records were made: a renamed task keeps its history (renamed_from), a
# removed task's events are listed as orphans, never dropped.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
$PLANTRACK record plan.toml posters 5000 --date 2013-12-20 >/dev/null
$PLANTRACK record plan.toml radio-tv-reports 1 --date 2013-12-20 >/dev/null
python3 - <<'PY'
text = open("plan.toml", encoding="utf-8").read()
text = text.replace('[[task]]\nid = "posters"\n', '[[task]]\nid = "awareness-posters"\nrenamed_from = "posters"\n')
start = text.index('[[task]]\nid = "radio-tv-reports"')
end = text.index("[[task]]", start + 1)
open("plan.toml", "w", encoding="utf-8").write(text[:start] + text[end:])
PY
$PLANTRACK status plan.toml --stage awareness
$PLANTRACK history plan.toml
