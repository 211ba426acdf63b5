#!/usr/bin/env bash
# Makes the workbook fixtures of Pairing.Core.Excel.Tests with LibreOffice Calc (Debian's libreoffice-calc-nogui),
# from a small generated roster, and replaces the ones committed beside this script:
#   roster/    the source roster, CSV as the library writes it (generate --xinjiang-students 504 --seed 12)
#   xlsx/      each CSV opened in Calc (its own type detection: county ids become numbers) and saved as .xlsx
#   xls/       the same saved as old .xls (Excel 97-2003)
#   gb18030/   each CSV saved back from Calc as CSV in GB18030 with CRLF line ends, as Chinese Excel and WPS save
#   damaged/   what spreadsheets do: grades and sizes written as decimals (7.0), three student ids of 18 digits
#              (Calc keeps 15 and shows E+17), and empty rows at the end; saved as .xlsx
# Run from anywhere: bash tests/Pairing.Core.Excel.Tests/Fixtures/make-fixtures.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc-nogui" >&2; exit 1; }
# LibreOffice's profile goes into the scratch folder, not the user's.
soffice() { command soffice "-env:UserInstallation=file://$work/profile" "$@"; }

dotnet run --project "$root/src/Pairing.Cli" -- generate --xinjiang-students 504 --seed 12 --out "$work/roster" >/dev/null
rm -rf "$here/roster" "$here/xlsx" "$here/xls" "$here/gb18030" "$here/damaged"
mkdir -p "$here/roster" "$here/xlsx" "$here/xls" "$here/gb18030" "$here/damaged" "$work/damaged"
cp "$work/roster"/*.csv "$here/roster/"

# CSV import: comma, double quote, UTF-8 (76), from line 1.
utf8_in='CSV:44,34,76,1'
soffice --headless --infilter="$utf8_in" --convert-to xlsx --outdir "$here/xlsx" "$here/roster"/*.csv >/dev/null
soffice --headless --infilter="$utf8_in" --convert-to xls --outdir "$here/xls" "$here/roster"/*.csv >/dev/null
# CSV export from the .xlsx Calc saved (comma, double quote, UTF-8), then GB18030 with CRLF line ends: Calc 7.4's
# CSV filter token for GB18030 was not found (86-95 give other encodings), so iconv does the encoding and sed the
# line ends (Calc on Linux ends lines with LF); the quoting and number text are Calc's.
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/gb" "$here/xlsx"/*.xlsx >/dev/null
for f in "$work/gb"/*.csv; do iconv -f UTF-8 -t GB18030 "$f" | sed 's/\r*$/\r/' > "$here/gb18030/$(basename "$f")"; done

# The damage.
cp "$here/roster/counties.csv" "$here/roster/schools.csv" "$work/damaged/"
awk -F, 'BEGIN { OFS = "," } NR > 1 { $3 = $3 ".0"; $4 = $4 ".0" } { print }' "$here/roster/classes.csv" > "$work/damaged/classes.csv"
awk -F, 'BEGIN { OFS = "," } NR >= 2 && NR <= 4 { $1 = "65320112345678901" (NR - 2) } { print } END { print ",,,,,"; print ",,,,," }' \
  "$here/roster/students.csv" > "$work/damaged/students.csv"
soffice --headless --infilter="$utf8_in" --convert-to xlsx --outdir "$here/damaged" "$work/damaged"/*.csv >/dev/null
ls -l "$here"/*/
