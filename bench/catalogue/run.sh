#!/usr/bin/env bash
# Catalogue load (issue 16): search and action page over 100,000 published actions, then the time
# and the app's peak memory of the whole-catalogue exports (IATI XML, the data package's tables).
# Starts the app (Release) on a throwaway data folder — or, with FB_BENCH_POSTGRES set to an admin
# connection string ("Host=127.0.0.1;Port=25432;Username=fbtest;Database=postgres"), on a throwaway
# PostgreSQL database — fills it with bench/catalogue/seed.py, then runs wrk for 30 s on the
# searches (search.lua) and on one action's page (page.lua).
# Usage: bench/catalogue/run.sh [connections, default 4]
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-4}
threads=$(( connections < 2 ? connections : 2 ))
data=$(mktemp -d)
dotnet build -c Release src/FinanceBuilder.Web -v q -nologo >/dev/null
settings=(FinanceBuilder__DataDirectory=$data FinanceBuilder__LoadDemoWorkspace=false FinanceBuilder__Catalogue__PublicRequestsPerMinute=1000000)
if [ -n "${FB_BENCH_POSTGRES:-}" ]; then
    kv() { echo "$FB_BENCH_POSTGRES" | tr ';' '\n' | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
    database=fb_bench_$$
    admin="host=$(kv Host) port=$(kv Port) user=$(kv Username) dbname=$(kv Database)"
    psql "$admin" -q -c "CREATE DATABASE $database"
    dsn="host=$(kv Host) port=$(kv Port) user=$(kv Username) dbname=$database"
    settings+=("ConnectionStrings__Postgres=Host=$(kv Host);Port=$(kv Port);Username=$(kv Username);Database=$database")
    echo "database: PostgreSQL ($database)"
else
    echo "database: SQLite ($data/financebuilder.db)"
fi
start_app() {
    env "${settings[@]}" ASPNETCORE_URLS=http://127.0.0.1:5077 dotnet run -c Release --no-build --no-launch-profile --project src/FinanceBuilder.Web >>"$data/app.log" 2>&1 &
    app=$!
    until curl -s -o /dev/null http://127.0.0.1:5077/health; do kill -0 $app 2>/dev/null || { cat "$data/app.log"; exit 1; }; sleep 1; done
}
start_app
cleanup() {
    pkill -P $app 2>/dev/null || true; kill $app 2>/dev/null || true; sleep 1
    [ -n "${database:-}" ] && psql "$admin" -q -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
    rm -rf "$data"
}
trap cleanup EXIT
if [ -n "${database:-}" ]; then
    python3 bench/catalogue/seed.py --postgres "$dsn" 100000
    # What autovacuum does after a bulk load: statistics, and the GIN index's pending entries merged.
    psql "$dsn" -q -c "VACUUM ANALYZE"
    id=$(psql "$dsn" -tA -c 'select "Id" from published_actions order by "Id" limit 1 offset 5000')
else
    python3 bench/catalogue/seed.py "$data/financebuilder.db" 100000
    # At its next start the app makes the search index with its own stems (CatalogueIndex.RepairAsync)
    # and the table's statistics (PRAGMA optimize, Data/SqliteStatistics.cs).
    pkill -P $app 2>/dev/null || true; kill $app; wait $app 2>/dev/null || true
    started=$(date +%s.%N)
    start_app
    echo "search index rebuilt at start: $(grep -o 'rebuilt for [0-9]* actions in [0-9.]* s' "$data/app.log") (start to healthy $(echo "$(date +%s.%N) - $started" | bc | cut -c1-5) s)"
    id=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select lower(Id) from published_actions limit 1 offset 5000').fetchone()[0])" "$data/financebuilder.db")
fi
for warm in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:5077/actions?q=solar"; curl -s -o /dev/null "http://127.0.0.1:5077/actions/$id"; done
echo "search ($connections connections, 30 s):"
wrk -t"$threads" -c"$connections" -d30s -s bench/catalogue/search.lua http://127.0.0.1:5077 | tail -1
echo "action page ($connections connections, 30 s):"
wrk -t"$threads" -c"$connections" -d30s -s bench/catalogue/page.lua "http://127.0.0.1:5077/actions/$id" | tail -1

# The exports: each downloaded once; the app's peak resident memory (VmHWM) read before and after.
server=$(pgrep -P $app -f FinanceBuilder.Web || echo $app)
peak() { awk '/VmHWM/ {printf "%d", $2/1024}' /proc/$server/status; }
echo "exports (peak memory of the app before → after, MB):"
for url in /open-data/iati.xml /open-data/actions.csv /open-data/funding.csv /open-data/indicators.csv /open-data/projets-territoire.csv; do
    before=$(peak)
    result=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "http://127.0.0.1:5077$url")
    printf '  %-34s %6.2f s %8.1f MB   peak %s → %s MB\n' "$url" "${result% *}" "$(echo "${result#* } / 1048576" | bc -l)" "$before" "$(peak)"
done
