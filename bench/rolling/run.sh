#!/usr/bin/env bash
# Rolling restart (issue 19): two nodes on one PostgreSQL behind HAProxy (deploy/haproxy.cfg), a
# fixed-rate client saving proposals (through the API, and as the wizard autosaves its form) and
# reading pages for 60 s (bench/rolling/client.py), while
# node 1 then node 2 are stopped (SIGTERM: not ready, drain, stop) and started again. Counts the
# 5xx and unanswered requests the client saw, and checks that every acknowledged save is stored.
# Needs haproxy and PostgreSQL (Debian packages). Usage: [FB_DRAIN=seconds, default 4] bench/rolling/run.sh [seconds] [rate/s]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
rate=${2:-40}
work=$(mktemp -d /tmp/fb-rolling.XXXXXX)
run_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    run_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

run_pg "$pg_bin/initdb" -D "$work/pg" -U fb --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-p 55499 -k $work -c listen_addresses=127.0.0.1" start >/dev/null
dotnet build -c Release src/FinanceBuilder.Web -v q -nologo >/dev/null
dll=$PWD/src/FinanceBuilder.Web/bin/Release/net10.0/FinanceBuilder.Web.dll

node_pid=()
# The client signs in as the first administrator, a platform administrator: two-step sign-in,
# which the app asks of them by default, is switched off for this bench (it measures restarts).
start_node() {
    local n=$1
    mkdir -p "$work/node$n"
    (cd "$work/node$n" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:510$n \
        ConnectionStrings__Postgres="Host=127.0.0.1;Port=55499;Username=fb;Database=postgres" \
        FinanceBuilder__Cookies__Secure=false FinanceBuilder__LoadDemoWorkspace=false FinanceBuilder__PublicUrl=http://127.0.0.1:5100 \
        FinanceBuilder__Shutdown__DrainSeconds=${FB_DRAIN:-4} FinanceBuilder__SignIn__PostsPerMinute=100000 \
        FinanceBuilder__TwoFactor__RequiredForPlatformAdmins=false \
        dotnet "$dll" >>"$work/node$n.log" 2>&1) &
    node_pid[$n]=$!
    pids+=("${node_pid[$n]}")
}
ready() { curl -sf -o /dev/null "http://127.0.0.1:510$1/health/ready"; }
wait_ready() { for _ in $(seq 1 120); do ready "$1" && return 0; sleep 0.25; done; echo "node $1 not ready" >&2; cat "$work/node$1.log" >&2; exit 1; }

start_node 1; wait_ready 1
start_node 2; wait_ready 2
haproxy -f deploy/haproxy.cfg -db >"$work/haproxy.log" 2>&1 &
pids+=($!)
sleep 3

# The first administrator, through the set-up link node 1 printed on its console.
link=$(grep -o 'http://127.0.0.1:5100/account/setup/[A-Za-z0-9_-]*' "$work/node1.log" | tail -n 1)
cookie=$(python3 - "$link" <<'PY'
import http.client, re, sys, urllib.parse, http.cookies
url = urllib.parse.urlparse(sys.argv[1])
c = http.client.HTTPConnection(url.hostname, url.port)
c.request("GET", url.path); r = c.getresponse(); page = r.read().decode()
jar = http.cookies.SimpleCookie(); [jar.load(v) for k, v in r.getheaders() if k.lower() == "set-cookie"]
m = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page)
assert m, (sys.argv[1], r.status, page[:500])
token = m.group(1)
body = urllib.parse.urlencode({"__RequestVerificationToken": token, "organisationName": "Commune de banc d'essai", "kind": "Municipality",
    "displayName": "Bench", "email": "bench@rolling.test", "password": "a long phrase for the rolling bench"})
c.request("POST", url.path, body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(f"{k}={m.value}" for k, m in jar.items())})
r = c.getresponse(); r.read()
[jar.load(v) for k, v in r.getheaders() if k.lower() == "set-cookie"]
assert r.status == 302, r.status
print("; ".join(f"{k}={m.value}" for k, m in jar.items() if m.value))
PY
)
ids=()
for i in 1 2 3 4; do
    ids+=("$(curl -sf -H "Cookie: $cookie" -H 'Content-Type: application/json' -d '{"schemaVersion":1,"basics":{"title":"Rolling restart"}}' \
        http://127.0.0.1:5100/api/proposals | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')")
done

python3 bench/rolling/client.py http://127.0.0.1:5100 "$cookie" "$seconds" "$rate" "${ids[@]}" >"$work/result.json" &
client=$!
restart() {
    local n=$1 t0
    t0=$(date +%s.%N)
    kill -TERM "${node_pid[$n]}"; wait "${node_pid[$n]}" 2>/dev/null || true
    printf 'node %s stopped after %.1f s; ' "$n" "$(echo "$(date +%s.%N) - $t0" | bc)"
    start_node "$n"; wait_ready "$n"
    printf 'ready again after %.1f s\n' "$(echo "$(date +%s.%N) - $t0" | bc)"
}
sleep $(( seconds / 4 )); restart 1
sleep $(( seconds / 4 )); restart 2
wait $client
cat "$work/result.json"
echo "proxy log lines with 5xx: $(grep -cE ' 5[0-9][0-9] ' "$work/haproxy.log" || true)"
grep -E ' 5[0-9][0-9] ' "$work/haproxy.log" | head -5 || true
