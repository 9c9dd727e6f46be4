# A plugin that crashes, aborts or calls exit() is named, with what it was doing (issue 12, item 8);
# a library whose static initialiser calls exit() does not end `record` with status 0 and nothing
# recorded (item 4); descriptors with a bad count or a null pointer are refused before they are
# walked.
build=$(dirname "$(dirname "$PLANTRACK")")
fixtures=$build/tests/plugins/hostile
mkdir libs
for f in crashing exit_on_load bad_descriptor_1 bad_descriptor_2 bad_descriptor_3 bad_descriptor_4; do
  cp "$fixtures/$f.so" libs/
done
chmod 755 libs libs/*.so
run() { "$PLANTRACK" "$@" 2>&1 | sed "s|$build|BUILD|g; s|$PWD/||g; s|sha256: [0-9a-f]*|sha256: (hash)|"; echo "[exit ${PIPESTATUS[0]}]"; }
events() { "$PLANTRACK" --no-plugins history plan.toml | grep -c progress; }
for how in segv abort exit; do
  echo "--- crash-$how"
  cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
  printf '\n[[plugin]]\nname = "crash-%s"\npath = "libs/crashing.so"\n' "$how" >> plan.toml
  rm -f plan.toml.plantrack.db*
  run record plan.toml posters 100 --date 2014-10-24
  echo "events kept: $(events)"
done
echo "--- a library whose initialiser calls exit(), named in the plan"
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
printf '\n[[plugin]]\nname = "x"\npath = "libs/exit_on_load.so"\n' >> plan.toml
rm -f plan.toml.plantrack.db*
run record plan.toml posters 100
ls plan.toml.plantrack.db 2>/dev/null || echo "no store was created"
echo "--- descriptors with a bad count or a null pointer"
for n in 1 2 3 4; do run plugins check libs/bad_descriptor_$n.so; done
