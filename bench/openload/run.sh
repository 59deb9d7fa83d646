#!/usr/bin/env bash
# Open-loop mixed load (issue 12): autosaves and wizard page reads at fixed rates against a
# Release build of the app on loopback, fresh SQLite database in its own data directory.
# Latency counts from each request's scheduled time (no coordinated omission, unlike wrk).
# Bounded: a warm-up and one measured run (defaults 30 s + 60 s), 127.0.0.1 only. The warm-up
# covers the JIT, which keeps compiling for about 15 s after a start under this load (set
# OPENLOAD_WARMUP=10 to see a measured minute that begins while it still does).
# Usage: bench/openload/run.sh [autosaves/s] [reads/s] [seconds] [proposals]   (defaults 150 50 60 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
autosaves=${1:-150} reads=${2:-50} seconds=${3:-60} proposals=${4:-20}
port=5098
base=http://127.0.0.1:$port
data=$(mktemp -d /tmp/fb-openload.XXXXXX)
dotnet build src/FinanceBuilder.Web -c Release -v q -nologo >/dev/null
dotnet build bench/FinanceBuilder.OpenLoad -c Release -v q -nologo >/dev/null
app_dll=src/FinanceBuilder.Web/bin/Release/net10.0/FinanceBuilder.Web.dll
tool_dll=bench/FinanceBuilder.OpenLoad/bin/Release/net10.0/FinanceBuilder.OpenLoad.dll
# Plain http on loopback: cookies without Secure/__Host- (as bench/load/run.sh).
export FinanceBuilder__DataDirectory="$data" FinanceBuilder__LoadDemoWorkspace=false ASPNETCORE_ENVIRONMENT=Production \
  FinanceBuilder__Cookies__Secure=false Logging__LogLevel__Default=Warning
dotnet "$app_dll" --urls $base >"$data/server.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do curl -fs $base/health >/dev/null && break; sleep 0.2; done
curl -fs $base/health >/dev/null || { echo "server did not start:" >&2; cat "$data/server.log" >&2; exit 1; }

link=$(dotnet "$app_dll" create-admin bench@openload.test | grep -o 'http[^ ]*/account/setup/[A-Za-z0-9_-]*' | head -1)
[ -n "$link" ] || { echo "create-admin printed no link" >&2; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) $(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | xargs) MHz; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_before=$(ps -o times= -p $app | xargs)
/usr/bin/time -f "generator: %U s user + %S s system CPU" dotnet "$tool_dll" --base $base --setup "/account/setup/${link##*/account/setup/}" --sample samples/mitigation-tamale-solar-led.json \
  --proposals "$proposals" --autosaves "$autosaves" --reads "$reads" --seconds "$seconds" --warmup "${OPENLOAD_WARMUP:-30}" --timeout 5
cpu_after=$(ps -o times= -p $app | xargs)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); server RSS $(ps -o rss= -p $app) KiB; server CPU during the warm-up and the run: $((cpu_after - cpu_before)) s"
if grep -q '^fail:' "$data/server.log"; then
  echo "server log: $(grep -c '^fail:' "$data/server.log") failures; exceptions by type:"
  grep -o '^ *[A-Za-z.]*Exception' "$data/server.log" | sort | uniq -c | sort -rn | head -5
fi
