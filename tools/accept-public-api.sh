#!/usr/bin/env bash
# Adds every symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt, and
# removes every one they report as gone (RS0017), so that a deliberate change to the public surface is one command
# and still a visible diff. Usage:
#   tools/accept-public-api.sh src/Pairing.Core
set -euo pipefail
project=${1:?usage: tools/accept-public-api.sh PROJECT_DIR}
api="$project/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$project" -v q -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
python3 - "$log" "$api" <<'PY'
import re, sys
log, api = sys.argv[1], sys.argv[2]
found, gone = set(), set()
for line in open(log, encoding='utf-8', errors='replace'):
    m = re.search(r"RS0016: Symbol '(.+?)' is not part of the declared public API", line)
    if m:
        found.add(m.group(1))
    m = re.search(r"RS0017: Symbol '(.+?)' is part of the declared API, but is either not public or could not be found", line)
    if m:
        gone.add(m.group(1))
lines = [l.rstrip('\n') for l in open(api, encoding='utf-8')]
head, body = lines[0], set(l for l in lines[1:] if l)
body |= found
body -= gone
open(api, 'w', encoding='utf-8').write('\n'.join([head] + sorted(body, key=lambda s: s.lstrip('~').replace('static ', '').replace('override ', '').replace('const ', '').replace('abstract ', '').replace('virtual ', '').lower())) + '\n')
print(f"{len(found)} symbol(s) added to and {len(gone)} removed from {api}")
PY
rm -f "$log"
