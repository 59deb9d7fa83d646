#!/usr/bin/env bash
# Load run against a Release build of the app on loopback, fresh SQLite database each time.
# Bounded: each wrk run lasts 10-20 s and targets 127.0.0.1 only.
# Every page and API needs a signed-in person (issue 6): the script makes one the way an
# operator does — `create-admin` prints a one-time link, the setup page behind it creates the
# account and signs it in — and wrk sends that session cookie. Plain http on loopback, so the
# cookies are not Secure-only (FinanceBuilder:Cookies:Secure=false) and have no __Host- prefix.
# Usage: bench/load/run.sh [task-list]   (task-list: only the task-list page and the sign-in timing)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }
only=${1:-all}
base=http://127.0.0.1:5099
data=$(mktemp -d)
jar=$(mktemp)
dotnet build src/FinanceBuilder.Web -c Release -v q -nologo >/dev/null
app_dll=src/FinanceBuilder.Web/bin/Release/net10.0/FinanceBuilder.Web.dll
export FinanceBuilder__DataDirectory="$data" FinanceBuilder__LoadDemoWorkspace=false ASPNETCORE_ENVIRONMENT=Production \
  FinanceBuilder__Cookies__Secure=false Logging__LogLevel__Default=Warning
dotnet "$app_dll" --urls $base >/dev/null &
app=$!
trap 'kill $app; rm -rf "$data" "$jar"' EXIT
for _ in $(seq 100); do curl -fs $base/health >/dev/null && break; sleep 0.2; done

# ---- a signed-in editor: create-admin's one-time link, then the setup form ----------------
email=bench@load.test
password="a long benchmark passphrase"
link=$(dotnet "$app_dll" create-admin $email | grep -o 'http[^ ]*/account/setup/[A-Za-z0-9_-]*' | head -1)
[ -n "$link" ] || { echo "create-admin printed no link" >&2; exit 1; }
setup_path=/account/setup/${link##*/account/setup/}
token() { python3 -c 'import html,re,sys; print(html.unescape(re.search(r"name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", sys.stdin.read()).group(1)))'; }
af=$(curl -fs -c "$jar" -b "$jar" "$base$setup_path" | token)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "$base$setup_path" \
  --data-urlencode "organisationName=Bench municipality" --data-urlencode "kind=Municipality" \
  --data-urlencode "displayName=Bench" --data-urlencode "email=$email" --data-urlencode "password=$password" \
  --data-urlencode "__RequestVerificationToken=$af")
session=$(awk '$6 == "fb-session" { print $7 }' "$jar")
[ "$status" = 302 ] && [ -n "$session" ] || { echo "setup answered $status without a session" >&2; exit 1; }
cookie="Cookie: fb-session=$session"
echo "signed in as $email (session cookie ${#session} bytes)"

sign_in_timing() {
  # 50 sign-ins, each a new browser (a fresh cookie jar): GET the form, then time the POST.
  echo "== sign-in (POST /account/sign-in, 50 sign-ins one after another)"
  local times=()
  for _ in $(seq 50); do
    local j; j=$(mktemp)
    local t; t=$(curl -fs -c "$j" -b "$j" $base/account/sign-in | token)
    times+=("$(curl -s -o /dev/null -c "$j" -b "$j" -w '%{http_code} %{time_total}' $base/account/sign-in \
      --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "__RequestVerificationToken=$t")")
    rm -f "$j"
  done
  printf '%s\n' "${times[@]}" | python3 -c '
import sys, math
rows = [l.split() for l in sys.stdin if l.strip()]
ok = sum(1 for s, _ in rows if s == "302")
ms = sorted(float(t) * 1000 for _, t in rows)
pct = lambda p: ms[max(0, math.ceil(p * len(ms)) - 1)]
print(f"   {ok}/{len(rows)} signed in (302); p50 {pct(0.5):.0f} ms, p95 {pct(0.95):.0f} ms, max {ms[-1]:.0f} ms")'
}

if [ "$only" != task-list ]; then
  echo "== import (POST /api/proposals, 160 KB sample)"
  wrk -t2 -c8 -d20s --latency -H "$cookie" -s bench/load/import.lua $base/api/proposals -- samples/mitigation-tamale-solar-led.json
else
  curl -fs -o /dev/null -H "$cookie" -H 'Content-Type: application/json' --data-binary @samples/mitigation-tamale-solar-led.json $base/api/proposals
fi
id=$(curl -fs -H "$cookie" "$base/api/proposals?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
if [ "$only" = task-list ]; then pages=(""); else
  echo "== read (GET /api/proposals/{id})"
  wrk -t2 -c8 -d20s --latency -H "$cookie" $base/api/proposals/$id
  pages=("" /mitigation /budget /indicators /check-answers)
fi
# Wizard pages of the imported sample (the largest page kinds), compressed as a browser asks.
for page in "${pages[@]}"; do
    echo "== wizard GET /proposals/{id}$page (signed in)"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$base/proposals/$id$page")
    [ "$code" = 200 ] || { echo "GET /proposals/{id}$page answered $code, not 200" >&2; exit 1; }
    wrk -t2 -c8 -d10s --latency -H "$cookie" -H "Accept-Encoding: br" "$base/proposals/$id$page"
    echo "   page weight (br): $(curl -fs -H "$cookie" -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$base/proposals/$id$page") bytes"
done
sign_in_timing
if [ "$only" != task-list ]; then
  echo "== health"
  wrk -t2 -c8 -d10s --latency $base/health
fi
echo "RSS after the runs: $(ps -o rss= -p $app) KiB"
