#!/usr/bin/env bash
# Runs every test of FinanceBuilder, the same way on a laptop and in CI:
#   1. installs what the tests need when it is missing (PostgreSQL server, Chromium, the
#      document fonts, poppler's pdfinfo and Node.js, with apt; the SHACL check's npm packages);
#   2. starts a throwaway PostgreSQL cluster on a free loopback port (stopped on exit);
#   3. restores, checks formatting, builds;
#   4. runs the whole suite on SQLite, and again on PostgreSQL (the web tests but for the classes
#      that open no database, and the browser tests), in three lanes side by side.
# It prints "N passed, N failed" at the end and exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '\n== %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "test.sh: need root (or sudo) to run: $*" >&2; return 1; fi
}

# --- 1. What the tests need ------------------------------------------------------------------
if ! command -v dotnet >/dev/null; then
    echo "test.sh: the .NET 10 SDK is required (https://dot.net); it is not on PATH." >&2
    exit 1
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
    say "Installing PostgreSQL (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# The browser tests drive the system's Chromium (Debian package 'chromium'); Playwright never
# downloads a browser. FB_CHROMIUM may name another binary.
if [ -z "${FB_CHROMIUM:-}" ] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
    say "Installing Chromium for the browser tests (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The documents use the system's fonts (design D5): Liberation Sans, metric-compatible with the
# Arial GCF asks for, DejaVu Sans for the characters it lacks (Arabic, Hebrew, ☒) and Symbola for
# emoji. The PDF tests and golden files are laid out with them, so the same fonts are on every
# machine that runs the tests.
if [ ! -d /usr/share/fonts/truetype/liberation ] || [ ! -d /usr/share/fonts/truetype/liberation2 ] || [ ! -d /usr/share/fonts/truetype/dejavu ] \
    || ! ls /usr/share/fonts/truetype/ancient-scripts/Symbola* >/dev/null 2>&1; then
    say "Installing the document fonts (apt: fonts-liberation, fonts-liberation2, fonts-dejavu-core, fonts-symbola)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-liberation fonts-liberation2 fonts-dejavu-core fonts-symbola >/dev/null
fi

# The tagged-PDF tests read the structure tree back with poppler's pdfinfo (-struct-text).
if ! command -v pdfinfo >/dev/null; then
    say "Installing poppler-utils for the tagged-PDF tests (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

# The DCAT-AP export is checked against the profile's SHACL shapes by a small Node.js program
# (tests/tools/shacl); its packages come from the npm registry, pinned by its package-lock.json.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    say "Installing Node.js for the SHACL check (apt)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d tests/tools/shacl/node_modules ]; then
    say "Installing the SHACL check's packages (npm ci)"
    npm ci --prefix tests/tools/shacl --no-audit --no-fund --loglevel=error
fi

# --- 2. A throwaway PostgreSQL cluster --------------------------------------------------------
# PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres' user.
pg_dir=$(mktemp -d /tmp/fb-pg.XXXXXX)
# From /: the postgres user may not enter the clone (a mktemp -d folder is private to root).
run_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))

cleanup() {
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}
trap cleanup EXIT

say "Starting PostgreSQL on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U fbtest --auth=trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 1; }
# fsync off: the cluster lives for one test run; durability is not what it tests.
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; exit 1; }
postgres_cs="Host=127.0.0.1;Port=$pg_port;Username=fbtest;Database=postgres;Pooling=true"

# --- 3. Restore, format check, build -------------------------------------------------------------
say "Restore and build"
dotnet restore FinanceBuilder.sln --verbosity quiet
# Layout (whitespace) here, in seconds; the style and analyzer rules are the build's own
# (EnforceCodeStyleInBuild, warnings as errors): a full `dotnet format --verify-no-changes`
# compiled the solution a second time for them (a minute on two cores).
dotnet format whitespace FinanceBuilder.sln --verify-no-changes --verbosity quiet \
    || { echo "test.sh: code layout differs; run 'dotnet format FinanceBuilder.sln' and commit." >&2; exit 1; }
dotnet build FinanceBuilder.sln --no-restore --configuration Release --verbosity quiet -nologo

# --- 4. Tests -------------------------------------------------------------------------------------
log=$(mktemp)
status=0
# A test run that is killed or crashes prints no summary line ("Passed!  - …" or "Failed!  - …")
# for its assembly: each run must print one, or the whole run fails.
summaries() { grep -cE '^(Passed|Failed)! +- ' "$1" || true; }
export FB_ARTIFACTS="$PWD/artifacts"
stage=$(mktemp)
side=$(mktemp)
# One test project, its output kept in $2 (and shown when $3 is "show").
run_tests() {
    local project=$1 out=$2 show=$3; shift 3
    if [ "$show" = show ]; then
        dotnet test "$project" --no-build --configuration Release "$@" 2>&1 | tee "$out" || return 1
    else
        dotnet test "$project" --no-build --configuration Release "$@" >"$out" 2>&1 || return 1
    fi
}
check_ran() {
    [ "$(summaries "$1")" -ge 1 ] || { echo "test.sh: $2 reported no result" >&2; status=1; }
    cat "$1" >> "$log"
}

# Three lanes on two cores (bench/RESULTS.md, "Test suite time"). The web tests on PostgreSQL
# wait on the database as much as they compute, and the browser tests on Chromium: the web tests
# on PostgreSQL, the browser tests on SQLite and the browser tests on PostgreSQL start together;
# the web tests on SQLite (which keep both cores busy) follow the browser tests on SQLite in their
# lane, and the engine's short run last.
# Each project is named below: a new one must be added here too.
[ "$(ls tests/*/*.Tests.csproj | wc -l)" -eq 3 ] || { echo "test.sh: a test project was added or removed; name it in section 4" >&2; exit 1; }

say "Web tests and browser tests on PostgreSQL, beside the browser tests on SQLite, then the web tests on SQLite and the engine's"
lane=$(mktemp)
(
    lane_status=0
    run_tests tests/FinanceBuilder.Browser.Tests "$side" quiet || lane_status=1
    # All but the few tests of what only several nodes on PostgreSQL do (Database=PostgresOnly).
    run_tests tests/FinanceBuilder.Web.Tests "$side.sqlite" quiet --filter "Database!=PostgresOnly" || lane_status=1
    run_tests tests/FinanceBuilder.Templates.Tests "$side.templates" quiet || lane_status=1
    echo "$lane_status" >"$lane"
) &
lane_pid=$!
# The browser tests again, their server on PostgreSQL, checking what the pages do: how they look
# (axe, screenshots) is the same on either database and checked on the SQLite pass.
(
    FB_TEST_POSTGRES="$postgres_cs" FB_BROWSER_LOOKS=off FB_ARTIFACTS="$PWD/artifacts/postgres" run_tests tests/FinanceBuilder.Browser.Tests "$side.browser-pg" quiet || exit 1
) &
browser_pg_pid=$!
# Every web test runs on both databases, except the few whose subject exists on SQLite alone
# (its WAL mode, its FTS5 search table), marked Database=SqliteOnly, and those that open no
# database at all (Database=None: a second pass would test nothing new; DatabaseTraitTests
# checks that they do not).
FB_TEST_POSTGRES="$postgres_cs" run_tests tests/FinanceBuilder.Web.Tests "$stage" show --filter "Database!=SqliteOnly&Database!=None" || status=1
check_ran "$stage" "the web tests on PostgreSQL"
wait "$browser_pg_pid" || status=1
wait "$lane_pid" || status=1
[ "$(cat "$lane")" = 0 ] || status=1
say "Browser tests on PostgreSQL"
cat "$side.browser-pg"
check_ran "$side.browser-pg" "the browser tests on PostgreSQL"
say "Browser tests on SQLite"
cat "$side"
check_ran "$side" "the browser tests on SQLite"
say "Web tests on SQLite"
cat "$side.sqlite"
check_ran "$side.sqlite" "the web tests on SQLite"
say "Engine (Templates) tests"
cat "$side.templates"
check_ran "$side.templates" "the engine's tests"
rm -f "$stage" "$side" "$side.sqlite" "$side.templates" "$side.browser-pg" "$lane"

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
