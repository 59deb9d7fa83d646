#!/usr/bin/env bash
# Load run against a Release build of the app on loopback, fresh SQLite database each time.
# Bounded: each wrk run lasts 20 s and targets 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
data=$(mktemp -d)
dotnet build src/FinanceBuilder.Web -c Release -v q -nologo >/dev/null
FinanceBuilder__DataDirectory="$data" FinanceBuilder__LoadDemoWorkspace=false ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning dotnet src/FinanceBuilder.Web/bin/Release/net10.0/FinanceBuilder.Web.dll --urls http://127.0.0.1:5099 &
app=$!
trap 'kill $app; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -fs http://127.0.0.1:5099/health >/dev/null && break; sleep 0.2; done
echo "== import (POST /api/proposals, 160 KB sample)"
wrk -t2 -c8 -d20s --latency -s bench/load/import.lua http://127.0.0.1:5099/api/proposals -- samples/mitigation-tamale-solar-led.json
id=$(curl -fs http://127.0.0.1:5099/api/proposals?pageSize=1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "== read (GET /api/proposals/{id})"
wrk -t2 -c8 -d20s --latency http://127.0.0.1:5099/api/proposals/$id
# Wizard pages of the imported sample (the largest page kinds), compressed as a browser asks.
for page in "" /mitigation /budget /indicators /check-answers; do
    echo "== wizard GET /proposals/{id}$page"
    wrk -t2 -c8 -d10s --latency -H "Accept-Encoding: br" "http://127.0.0.1:5099/proposals/$id$page"
    echo "   page weight (br): $(curl -fs -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://127.0.0.1:5099/proposals/$id$page") bytes"
done
echo "== health"
wrk -t2 -c8 -d10s --latency http://127.0.0.1:5099/health
echo "RSS after the runs: $(ps -o rss= -p $app) KiB"
