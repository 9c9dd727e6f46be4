# CSV as Excel saves it on a Vietnamese office's computer: ';' between fields (Vietnamese regional
# settings), a BOM, CRLF line ends, Vietnamese column headers, and Windows-1258 from "CSV (Comma
# delimited)": recognised and refused with the fix, then read with --encoding cp1258 (issue 15).
cp "$SRC/workflows/binh-duong-cleaner-production-2012-2015.toml" plan.toml
echo "== ';', BOM, CRLF, Vietnamese headers"
printf '\xEF\xBB\xBFC\xC3\xB4ng vi\xE1\xBB\x87c;S\xE1\xBB\x91 l\xC6\xB0\xE1\xBB\xA3ng;N\xC4\x83m;Ng\xC3\xA0y;Ng\xC6\xB0\xE1\xBB\x9Di b\xC3\xA1o c\xC3\xA1o;Ghi ch\xC3\xBA\r\nposters;1000;2013;2013-11-02;Lan;"\xC4\x91\xE1\xBB\xA3t 1; in t\xE1\xBA\xA1i B\xC3\xACnh D\xC6\xB0\xC6\xA1ng"\r\n' > excel-utf8.csv
"$PLANTRACK" import plan.toml excel-utf8.csv; echo "[exit $?]"
echo "== Windows-1258 without --encoding: refused, nothing written"
# "Công việc,Số lượng,Năm,Ghi chú" and a note "Đợt 2" in cp1258 (ệ as ê + a combining dot below)
printf 'C\xF4ng vi\xEA\xF2c,S\xF4\xEC l\xFD\xF5\xF2ng,N\xE3m,Ghi ch\xFA\r\nposters,500,2013,\xD0\xF5\xF2t 2\r\n' > excel-cp1258.csv
"$PLANTRACK" import plan.toml excel-cp1258.csv; echo "[exit $?]"
echo "== the same with --encoding cp1258"
"$PLANTRACK" import plan.toml excel-cp1258.csv --encoding cp1258; echo "[exit $?]"
echo "== an encoding plantrack does not read"
"$PLANTRACK" import plan.toml excel-cp1258.csv --encoding latin9; echo "[exit $?]"
echo "== a header of one cell holding tabs: not a separator plantrack reads"
printf 'task\tquantity\nposters\t1\n' > tabs.csv
"$PLANTRACK" import plan.toml tabs.csv; echo "[exit $?]"
"$PLANTRACK" history plan.toml; echo "[exit $?]"
echo "== dates day first, as the office writes them: read in a Vietnamese plan"
printf 'task;quantity;year;date;by\r\nposters;200;2013;20/12/2013;Lan\r\n' > day-first.csv
"$PLANTRACK" import plan.toml day-first.csv; echo "[exit $?]"
"$PLANTRACK" status plan.toml --date 31/12/2013 --stage awareness; echo "[exit $?]"
"$PLANTRACK" record plan.toml posters 1 --year 2013 --date 31/02/2013; echo "[exit $?]"
echo "== and refused, with the date to write, in an English plan"
cp "$SRC/workflows/riverside-library-literacy-2025-2027.toml" en.toml
PLANTRACK_NOW=2025-10-24T09:00:00Z "$PLANTRACK" record en.toml flyers 10 --date 20/09/2025; echo "[exit $?]"
