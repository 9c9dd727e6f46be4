# Item 17 of issue 12: a year plan's programme reference is checked at its line: the file is a
# plan, not itself a year plan, and its id is the one the year plan names. No store starts
# beside a file that is not the programme.
# Its checks grep the English labels (error:, warning:, fix:) of a Vietnamese plan's output.
export PLANTRACK_LANG=en
run() { "$PLANTRACK" "$@"; echo "[exit $?]"; }
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
"$PLANTRACK" plan-year plan.toml 2014 -o y2014.toml 2>/dev/null
sed 's/id = "binh-duong-cp-2012-2015" }/id = "another-programme" }/' y2014.toml > wrong-id.toml
run validate --lang en wrong-id.toml 2>&1 | grep -v "^ *[0-9]* |\|warning\|why:\|fix: add\|^ *|"
run record wrong-id.toml radio-tv 1
echo "not a plan" > notes.txt
sed 's|file = "plan.toml"|file = "notes.txt"|' y2014.toml > not-a-plan.toml
run record not-a-plan.toml radio-tv 1
sed 's|file = "plan.toml"|file = "y2014.toml"|; s/id = "binh-duong-cp-2012-2015" }/id = "binh-duong-cp-2012-2015-2014" }/' y2014.toml > of-a-year-plan.toml
run record of-a-year-plan.toml radio-tv 1
sed 's|file = "plan.toml"|file = "/dev/null"|' y2014.toml > device.toml
run status device.toml
ls
