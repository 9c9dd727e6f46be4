# The tracking commands in Vietnamese: the flagship plan states locale = "vi", so its answers are
# Vietnamese; --lang en answers it in English, and --lang vi answers an English plan in Vietnamese.
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
echo "== import (vi)"
$PLANTRACK import plan.toml "$SRC/workflows/binh-duong-cleaner-production-2012-2015.progress.csv" | tail -n 3
echo "== spend (vi)"
$PLANTRACK spend plan.toml quick-assessments 25000000 --source local-budget --year 2014 \
  --date 2014-05-01 --participant "Công ty TNHH Nhựa Thanh Bình" --cost 60000000 2>/dev/null
echo "== status (vi)"
$PLANTRACK status plan.toml
echo "== status --year 2013 --stage awareness (vi)"
$PLANTRACK status plan.toml --year 2013 --stage awareness
echo "== next (vi)"
$PLANTRACK next plan.toml
echo "== why research-project (vi)"
$PLANTRACK why plan.toml research-project
echo "== check (vi)"
$PLANTRACK check plan.toml
echo "== history posters (vi)"
$PLANTRACK history plan.toml posters
echo "== record an unknown task (vi)"
$PLANTRACK record plan.toml no-such-task 3
echo "== status --stage unknown (vi)"
$PLANTRACK status plan.toml --stage nowhere
echo "== status --lang en"
$PLANTRACK --lang en status plan.toml --stage awareness
echo "== next --lang en"
$PLANTRACK next plan.toml --lang en
echo "== why research-project --lang en"
$PLANTRACK why plan.toml research-project --lang en
echo "== record an unknown task --lang en"
$PLANTRACK record plan.toml no-such-task 3 --lang en
cp "$SRC/workflows/riverside-library-literacy-2025-2027.toml" riverside.toml
export PLANTRACK_NOW=2025-09-30T09:00:00Z
echo "== record on an English plan --lang vi"
$PLANTRACK --lang vi record riverside.toml flyers 1200 --date 2025-05-20 --note "job centres"
$PLANTRACK --lang vi record riverside.toml tutor-workshops 1 --date 2025-06-10
echo "== status of an English plan --lang vi"
$PLANTRACK --lang vi status riverside.toml
echo "== next of an English plan --lang vi"
$PLANTRACK --lang vi next riverside.toml
echo "== why of an English plan --lang vi"
$PLANTRACK --lang vi why riverside.toml tutors-certified
echo "== check of an English plan --lang vi"
$PLANTRACK --lang vi check riverside.toml
echo "== history of an English plan --lang vi"
$PLANTRACK --lang vi history riverside.toml
echo "== record an unknown task on an English plan --lang vi"
$PLANTRACK --lang vi record riverside.toml no-such-task 3
