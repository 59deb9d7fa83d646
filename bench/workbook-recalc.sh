#!/usr/bin/env bash
# Checks that the budget workbook's formulas compute the figures it caches: every cached value
# is removed, LibreOffice Calc recalculates the workbook (structured references and all), and
# each sheet is compared, as CSV, with the same sheet read with its cached values.
# Needs LibreOffice Calc (apt-get install libreoffice-calc-nogui). Not part of ./test.sh:
# LibreOffice is too heavy to install for the suite; run it after changing the workbook.
#   bench/workbook-recalc.sh path/to/budget.xlsx [more.xlsx ...]
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 budget.xlsx ..." >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Two LibreOffice profiles: one recalculates OOXML files on load (0, always), one never does
# (1) and so shows the cached values.
for mode in 0 1; do
  mkdir -p "$work/profile$mode/user"
  cat > "$work/profile$mode/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>$mode</value></prop></item>
</oor:items>
XCU
done
csv='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
status=0
for file in "$@"; do
  name=$(basename "$file" .xlsx)
  cp "$file" "$work/$name-cached.xlsx"
  python3 - "$file" "$work/$name-computed.xlsx" <<'PY'
import re, sys, zipfile
source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename.startswith("xl/worksheets/"):
            data = re.sub(rb"(</f>)<v>[^<]*</v>", rb"\1", data)
        zout.writestr(item, data)
PY
  # All sheets, one CSV each (filter option token 12 = -1), UTF-8, numbers as shown.
  soffice -env:UserInstallation="file://$work/profile1" --headless --convert-to "$csv" --outdir "$work/csv" "$work/$name-cached.xlsx" >/dev/null 2>&1
  soffice -env:UserInstallation="file://$work/profile0" --headless --convert-to "$csv" --outdir "$work/csv" "$work/$name-computed.xlsx" >/dev/null 2>&1
  sheets=0
  same=1
  for cached in "$work/csv/$name-cached-"*.csv; do
    computed=${cached/-cached-/-computed-}
    sheets=$((sheets + 1))
    if ! cmp -s "$cached" "$computed"; then
      echo "DIFFERS: $file, sheet ${cached##*-cached-}"; { diff "$cached" "$computed" || true; } | head -10; status=1; same=0
    fi
  done
  [ "$sheets" -gt 0 ] || { echo "LibreOffice read no sheet of $file (is libreoffice-calc installed?)"; status=1; continue; }
  [ "$same" -eq 1 ] && echo "ok: $file — $sheets sheets, every formula computes its cached value"
done
exit $status
