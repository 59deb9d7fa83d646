#!/usr/bin/env bash
# What one autosave costs (issue 12): proposal parses and rule-catalogue runs per request (meter
# FinanceBuilder.Pipeline), mean time and bytes allocated, for a text step, the mitigation
# calculator and the budget, plus opening those pages and building a package. The real app runs
# in memory on its own SQLite database (bench/FinanceBuilder.Bench/AutosaveProbe.cs); requests go
# one at a time, so the times are a single user's, not a load test (bench/openload/run.sh is).
# Usage: bench/autosave/run.sh [requests per row]   (default 200)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/FinanceBuilder.Bench -c Release -v q -nologo >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) $(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | xargs) MHz; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet run -c Release --no-build --project bench/FinanceBuilder.Bench -- autosave "${1:-200}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
