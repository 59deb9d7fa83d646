#!/usr/bin/env bash
# Peak memory of the app while a first administrator sets up, attaches one PDF of the given size
# to a sample's annex 2 and downloads the package that carries it (issue 15). Each size runs on a
# fresh app and data folder; the growth of the peak resident set (VmHWM) over the started app is
# what the upload, its inspection and storage, and the streamed package cost.
# Usage (from the repository root): bench/annex-upload/measure.sh 5 25
set -euo pipefail
dotnet build src/FinanceBuilder.Web -v q >/dev/null
for mb in "$@"; do
    data=$(mktemp -d); pdf="$data/annex.pdf"; log="$data/app.log"
    python3 - "$pdf" "$mb" <<'PY'
import random, sys
path, mb = sys.argv[1], int(sys.argv[2])
random.seed(mb)
filler = ''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(mb * 1024 * 1024 - 2000))
objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", f"<< /Length {len(filler)} >>\nstream\n{filler}\nendstream"]
out, offsets = "%PDF-1.7\n", []
for i, o in enumerate(objs):
    offsets.append(len(out)); out += f"{i+1} 0 obj\n{o}\nendobj\n"
x = len(out)
out += f"xref\n0 {len(objs)+1}\n0000000000 65535 f \n" + ''.join(f"{o:010d} 00000 n \n" for o in offsets)
out += f"trailer\n<< /Size {len(objs)+1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n"
open(path, 'wb').write(out.encode('latin1'))
PY
    FinanceBuilder__DataDirectory="$data" dotnet run --no-build --project src/FinanceBuilder.Web >"$log" 2>&1 &
    until grep -q "Now listening" "$log"; do sleep 1; done; sleep 3
    pid=$(pgrep -f "src/FinanceBuilder.Web/bin/Debug/net10.0/FinanceBuilder.Web" | head -1)
    before=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
    start=$(date +%s.%N)
    python3 bench/annex-upload/journey.py "$pdf" "$log" >/dev/null
    end=$(date +%s.%N)
    after=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
    printf '%s MB: journey %.1f s, peak RSS %d MB -> %d MB (+%d MB)\n' "$mb" "$(echo "$end - $start" | bc)" $((before/1024)) $((after/1024)) $(((after-before)/1024))
    kill "$pid"; wait 2>/dev/null || true; rm -rf "$data"
done
