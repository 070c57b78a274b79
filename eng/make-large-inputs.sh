#!/usr/bin/env bash
# Writes the large input files of docs/performance.md ("kam at real-world sizes") to OUTDIR:
#   accounts.csv      1,000,000 accounts                       (kam tier)
#   events.csv        ~1,000,000 events of ~50,000 opportunities (kam pipeline)
#   transactions.csv  ~1,000,000 purchases of 100,000 customers  (kam ltv)
#   deals.csv         200,000 deals, collections.csv ~1,000,000 receipts, people.csv 500 salespeople (kam pay)
# plus the default rule files of `kam init` (tier-policy.json, playbook.json, pay-plan.json).
# Deterministic: the same arguments give the same files. Extra arguments go to eng/make-large-inputs.py
# (e.g. --accounts 100000 for a smaller set). Needs python3 and a built kam (dotnet build -c Release), or KAM=path.
set -euo pipefail
if [[ $# -lt 1 ]]; then
  echo "usage: $0 OUTDIR [--accounts N] [--events N] [--transactions N] [--customers N] [--deals N] [--collections N]" >&2
  exit 1
fi
out=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
kam=${KAM:-$root/src/Kam.Cli/bin/Release/net10.0/kam}
if [[ ! -x $kam ]]; then
  echo "$0: $kam not found; build first (dotnet build Kam.Core.sln -c Release) or set KAM" >&2
  exit 1
fi
mkdir -p "$out"
rules=$(mktemp -d)
trap 'rm -rf "$rules"' EXIT
"$kam" init "$rules" >/dev/null
cp "$rules/tier-policy.json" "$rules/playbook.json" "$rules/pay-plan.json" "$out/"
python3 "$root/eng/make-large-inputs.py" "$out" "$out/playbook.json" "$@"
ls -l "$out"
