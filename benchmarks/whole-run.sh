#!/bin/bash
# Issue 27's whole-process figures: the naive reader (baseline), `pairing check` and `pairing match`, alternating,
# ROUNDS rounds, each a process of its own under /usr/bin/time (wall, user+system CPU, peak resident set).
# Usage: benchmarks/whole-run.sh ROSTER [ROUNDS]   (ROSTER: 1000000 | other:1027007 | a folder)
# Builds both in Release first; run it alone on the machine.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
roster=${1:?roster}; rounds=${2:-3}
dotnet build -c Release "$here/src/Pairing.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$here/benchmarks/Pairing.Benchmarks" -v q -nologo >/dev/null
bench="$here/benchmarks/Pairing.Benchmarks/bin/Release/net10.0/Pairing.Benchmarks.dll"
cli="$here/src/Pairing.Cli/bin/Release/net10.0/pairing.dll"
folder=$(dotnet "$bench" measure folder "$roster")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "roster $folder; load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  /usr/bin/time -f "naive  wall %e s  cpu %U+%S s  peak %M KB" timeout 600 dotnet "$bench" measure naive "$folder" >/dev/null
  /usr/bin/time -f "check  wall %e s  cpu %U+%S s  peak %M KB" timeout 600 dotnet "$cli" check "$folder" >/dev/null
  rm -rf "$out/result"
  /usr/bin/time -f "match  wall %e s  cpu %U+%S s  peak %M KB" timeout 600 dotnet "$cli" match "$folder" --out "$out/result" >/dev/null
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
