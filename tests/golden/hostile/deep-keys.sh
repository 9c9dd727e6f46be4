# Item 5 of issue 12: keys, tables and values nested tens of thousands deep are refused before
# toml++ recurses into them (it would overflow the stack).
check() { "$PLANTRACK" validate "$1" 2>&1 | cut -c1-100; echo "[exit ${PIPESTATUS[0]}]"; }
python3 -c "print('a.' * 35000 + 'a = 1')" > dotted-key.toml
python3 -c "print('[' + 'a.' * 35000 + 'a]')" > table-header.toml
python3 -c "print('x = ' + '{a=' * 35000 + '1' + '}' * 35000)" > inline-tables.toml
python3 -c "print('[[' + '\"q\".' * 20000 + 'a]]')" > quoted-array-of-tables.toml
for f in dotted-key table-header inline-tables quoted-array-of-tables; do check $f.toml; done
echo "== the same depth inside strings and comments is not nesting"
{ echo 'format = 1'; python3 -c "print('# ' + 'a.' * 100)"; python3 -c "print('x = \"' + '[' * 100 + '\"')"; } > strings.toml
"$PLANTRACK" validate strings.toml 2>&1 | grep -c "nested deeper"
echo "== a command on the plan refuses it the same way"
"$PLANTRACK" status dotted-key.toml 2>&1 | cut -c1-60 | head -1; echo "[exit ${PIPESTATUS[0]}]"
