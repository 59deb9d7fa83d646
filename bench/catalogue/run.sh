#!/usr/bin/env bash
# Catalogue load (issue 16): search and action page over 100,000 published actions on SQLite.
# Starts the app (Release) on a throwaway data folder, fills it with bench/catalogue/seed.py, then
# runs wrk for 30 s on the searches (search.lua) and on one action's page (page.lua).
# Usage: bench/catalogue/run.sh [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-4}
threads=$(( connections < 2 ? connections : 2 ))
data=$(mktemp -d)
dotnet build -c Release src/FinanceBuilder.Web -v q -nologo >/dev/null
FinanceBuilder__DataDirectory=$data FinanceBuilder__LoadDemoWorkspace=false FinanceBuilder__Catalogue__PublicRequestsPerMinute=1000000 \
  ASPNETCORE_URLS=http://127.0.0.1:5077 dotnet run -c Release --no-build --no-launch-profile --project src/FinanceBuilder.Web >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$data"' EXIT
until curl -s -o /dev/null http://127.0.0.1:5077/health; do kill -0 $app 2>/dev/null || { cat "$data/app.log"; exit 1; }; sleep 1; done
python3 bench/catalogue/seed.py "$data/financebuilder.db" 100000
id=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select lower(Id) from published_actions limit 1 offset 5000').fetchone()[0])" "$data/financebuilder.db")
for warm in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:5077/actions?q=solar"; curl -s -o /dev/null "http://127.0.0.1:5077/actions/$id"; done
echo "search ($connections connections, 30 s):"
wrk -t"$threads" -c"$connections" -d30s -s bench/catalogue/search.lua http://127.0.0.1:5077 | tail -1
echo "action page ($connections connections, 30 s):"
wrk -t"$threads" -c"$connections" -d30s -s bench/catalogue/page.lua "http://127.0.0.1:5077/actions/$id" | tail -1
