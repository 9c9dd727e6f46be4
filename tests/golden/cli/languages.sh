# Which language plantrack speaks: --lang, then PLANTRACK_LANG, then the plan's [plan] locale, then
# LC_ALL / LC_MESSAGES / LANG (issue 15). Each line below shows one step of that order.
cp "$SRC/workflows/riverside-library-literacy-2025-2027.toml" en.toml  # locale = "en"
printf '[plan]\nid = "x"\ntitle = "X"\nperiod = { start = 2012, end = 2015 }\ntitel = 1\n' > none.toml
echo "== a plan without a locale follows the environment's"
LANG=vi_VN.UTF-8 "$PLANTRACK" validate none.toml; echo "[exit $?]"
LC_ALL=C LANG=vi_VN.UTF-8 "$PLANTRACK" validate none.toml; echo "[exit $?]"
echo "== the plan's locale wins over the environment's"
LANG=vi_VN.UTF-8 "$PLANTRACK" validate en.toml; echo "[exit $?]"
echo "== PLANTRACK_LANG wins over the plan's, and --lang over both"
PLANTRACK_LANG=vi "$PLANTRACK" validate en.toml; echo "[exit $?]"
PLANTRACK_LANG=vi "$PLANTRACK" validate en.toml --lang en; echo "[exit $?]"
echo "== a language plantrack does not speak"
"$PLANTRACK" --lang fr validate en.toml; echo "[exit $?]"
PLANTRACK_LANG=de "$PLANTRACK" validate en.toml; echo "[exit $?]"
LANG=vi_VN.UTF-8 "$PLANTRACK" --lang= validate en.toml; echo "[exit $?]"
