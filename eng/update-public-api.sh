#!/usr/bin/env bash
# Brings src/Kam.Core/PublicAPI.Unshipped.txt in line with the code: builds the library, adds every symbol the
# PublicApiAnalyzers report as undeclared (RS0016) and drops every declared symbol that no longer exists (RS0017).
# Run it after changing the public API, then review the diff: the file is the record of what we promise.
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/Kam.Core/PublicAPI.Unshipped.txt
log=$(mktemp)
dotnet build src/Kam.Core/Kam.Core.csproj -f net10.0 --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u > "$log.add" || true
grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" "$log" | sort -u > "$log.del" || true
{
  echo '#nullable enable'
  { tail -n +2 "$file"; cat "$log.add"; } | grep -vxF -f "$log.del" | grep -v '^$' | LC_ALL=C sort -u
} > "$file.new"
mv "$file.new" "$file"
echo "public API: $(wc -l < "$log.add") added, $(wc -l < "$log.del") removed"
rm -f "$log" "$log.add" "$log.del"
