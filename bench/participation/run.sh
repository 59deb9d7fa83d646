#!/usr/bin/env bash
# Public consultation page under load (issue 18): one page with 500 published comments and their
# responses, read by wrk for 30 s at about 200 requests a second (page.lua paces the connections),
# then as fast as the connections go. Starts the app (Release) on a throwaway SQLite data folder.
# Also prints the page's size as sent (gzip and Brotli).
# Usage: bench/participation/run.sh [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-4}
threads=$(( connections < 2 ? connections : 2 ))
data=$(mktemp -d)
dotnet build -c Release src/FinanceBuilder.Web -v q -nologo >/dev/null
# Plain http on loopback: cookies (the form's antiforgery cookie) are not Secure-only here.
env FinanceBuilder__DataDirectory=$data FinanceBuilder__LoadDemoWorkspace=false FinanceBuilder__Catalogue__PublicRequestsPerMinute=1000000 \
    FinanceBuilder__Cookies__Secure=false Logging__LogLevel__Default=Warning \
    ASPNETCORE_URLS=http://127.0.0.1:5078 dotnet run -c Release --no-build --no-launch-profile --project src/FinanceBuilder.Web >"$data/app.log" 2>&1 &
app=$!
trap 'pkill -P $app 2>/dev/null || true; kill $app 2>/dev/null || true; sleep 1; rm -rf "$data"' EXIT
until curl -s -o /dev/null http://127.0.0.1:5078/health; do kill -0 $app 2>/dev/null || { cat "$data/app.log"; exit 1; }; sleep 1; done
# /health answers before the migrations are applied: wait for the table too.
until python3 -c "import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute('select 1 from public_consultations')" "$data/financebuilder.db" 2>/dev/null; do sleep 1; done
page=$(python3 bench/participation/seed.py "$data/financebuilder.db" 500)
url="http://127.0.0.1:5078/consult/$page"
for warm in $(seq 1 50); do curl -s -o /dev/null "$url"; done
printf 'page size: %s bytes gzip, %s bytes br\n' \
    "$(curl -s -H 'Accept-Encoding: gzip' "$url" | wc -c)" "$(curl -s -H 'Accept-Encoding: br' "$url" | wc -c)"
echo "paced at 200/s ($connections connections, 30 s):"
FB_RATE=200 FB_CONNECTIONS=$connections wrk -t"$threads" -c"$connections" -d30s -H 'Accept-Encoding: br' -s bench/participation/page.lua "$url" | tail -1
echo "unpaced ($connections connections, 30 s):"
FB_RATE=1000000 FB_CONNECTIONS=$connections wrk -t"$threads" -c"$connections" -d30s -H 'Accept-Encoding: br' -s bench/participation/page.lua "$url" | tail -1
