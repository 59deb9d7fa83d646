#!/usr/bin/env bash
# An agency's batch (issue 21): 100 proposals validated, then packaged, by ./financebuilder, with
# the total time and the peak memory (maximum resident set, GNU time) of each run. Compared in the
# same run: the batch with --jobs 1 and --jobs N (the cores), and the way a script did it before
# batch existed, one process per proposal (validate only, and package for the first 20: a process
# per file costs the start-up each time).
# The 100 proposals are the samples and the real projects of samples/, copied in turn under
# distinct names. Needs GNU time (Debian package 'time').
# Usage: bench/cli/run.sh [proposals]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./financebuilder --help >/dev/null   # builds the program once, outside the measures
mkdir -p "$work/in"
mapfile -t sources < <(ls samples/*.json samples/real/*.json)
for i in $(seq 1 "$count"); do
    src=${sources[$(( (i - 1) % ${#sources[@]} ))]}
    cp "$src" "$work/in/$(printf '%03d' "$i")-$(basename "$src")"
done
cores=$(nproc)
echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "proposals: $count ($(du -sh "$work/in" | cut -f1) of JSON, ${#sources[@]} distinct)"

# One measured run: its wall time, peak memory and the summary line's counts.
measure() {
    local label=$1; shift
    local out="$work/out.txt" stats="$work/time.txt"
    /usr/bin/time -f '%e %M' -o "$stats" "$@" >"$out" 2>"$work/err.txt" || true
    # GNU time puts "Command exited with non-zero status N" first when a run exits non-zero.
    read -r seconds kb < <(tail -n 1 "$stats")
    printf '%-44s %8.1f s %8.0f MB   %s\n' "$label" "$seconds" "$((kb / 1024))" "$(tail -n 1 "$out" | cut -c1-90)"
}

measure "validate, batch, --jobs 1" ./financebuilder validate "$work/in" --jobs 1
measure "validate, batch, --jobs $cores" ./financebuilder validate "$work/in" --jobs "$cores"
measure "validate, batch, --jobs $cores, jsonl" ./financebuilder validate "$work/in" --jobs "$cores" --format jsonl
measure "validate, one process per proposal" bash -c 'for f in "$1"/in/*.json; do ./financebuilder validate "$f" >/dev/null || true; done; echo "one process per proposal"' _ "$work"
rm -rf "$work/pk"
measure "package, batch, --jobs 1" ./financebuilder package "$work/in" --out "$work/pk" --jobs 1
rm -rf "$work/pk"
measure "package, batch, --jobs $cores" ./financebuilder package "$work/in" --out "$work/pk" --jobs "$cores"
echo "written: $(find "$work/pk" -name '*.zip' | wc -l) zips, $(du -sh "$work/pk" | cut -f1)"
rm -rf "$work/pk"
measure "package, one process per proposal (20)" bash -c 'for f in $(ls "$1"/in/*.json | head -n 20); do ./financebuilder package "$f" --out "$1/pk/$(basename "$f" .json)" >/dev/null || true; done; echo "one process per proposal (20 of them)"' _ "$work"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
