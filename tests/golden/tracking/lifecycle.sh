# Start, block, unblock, done, reopen, cancel and revert, each an event; status follows.
cp "$SRC/workflows/templates/cleaner-production-yearly.toml" plan.toml
sed -i 's/period = { start = 2026, end = 2026 }/period = { start = 2014, end = 2014 }/; s/2026/2014/g' plan.toml
$PLANTRACK record plan.toml training-classes 1 --date 2014-03-10 --note "lớp 1" --evidence ds-lop-1.pdf
$PLANTRACK start plan.toml quick-assessments
$PLANTRACK block plan.toml quick-assessments --reason "chờ kinh phí"
$PLANTRACK next plan.toml
$PLANTRACK unblock plan.toml quick-assessments
$PLANTRACK record plan.toml quick-assessments 3 --by "Chị Lan"
$PLANTRACK why plan.toml pilot-model
$PLANTRACK done plan.toml newspaper-articles --reason "đủ số bài theo hợp đồng"
$PLANTRACK reopen plan.toml newspaper-articles
$PLANTRACK cancel plan.toml radio-tv-reports --reason "đài không nhận"
echo "== refused on a cancelled task"
$PLANTRACK record plan.toml radio-tv-reports 1
echo "exit $?"
echo "== a wrong record, reverted"
$PLANTRACK record plan.toml training-classes 5
$PLANTRACK revert plan.toml 9 --reason "nhập nhầm"
$PLANTRACK revert plan.toml 9
echo "exit $?"
$PLANTRACK revert plan.toml 10
echo "exit $?"
$PLANTRACK cancel plan.toml radio-tv-reports
echo "exit $?"
$PLANTRACK status plan.toml --stage training
$PLANTRACK history plan.toml
$PLANTRACK history plan.toml --format json | python3 -c "import json,sys; d=json.load(sys.stdin); print(len(d), d[0]['kind'], d[0]['reverts'], d[1]['reverted_by'])"
$PLANTRACK why plan.toml study-tour --format json | python3 -c "
import json, sys
d = json.load(sys.stdin)
w = d['waiting_on']
chain = [d['id'] + ' waits for ' + d['blockers'][0]['task']]
chain += [t['id'] + ' waits for ' + t['blockers'][0]['task'] for t in w['first'] if t['blockers']]
last = w['first'][-1]
print('; '.join(chain), '|', last['id'], last['state'], last['ready'], '|', w['count'], w['omitted'])"
