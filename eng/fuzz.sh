#!/usr/bin/env bash
# Coverage-guided fuzzing of kam's readers with AFL++ and SharpFuzz.
#
#   eng/fuzz.sh TARGET [SECONDS]     fuzz one reader (default 1800 s), then replay every crash and hang it saved
#   eng/fuzz.sh all [SECONDS]        every target in turn, SECONDS each
#   eng/fuzz.sh TARGET --replay      replay the saved findings of an earlier run only
#
# TARGET: accounts | events | deals | collections | people | transactions | invoices | payments (the CSV readers, each through its kam
# command) | tier-policy | playbook | pay-plan (the rule files).
#
# Each input is written to the target's file and run through the whole `kam` command in-process; exit codes 0, 1
# and 2 are answers, anything else (an exception escaping kam, exit 70) is a finding. The harness is
# eng/fuzz/Kam.Fuzz; kam.dll, Kam.Core.dll and CsvHelper.dll are instrumented with SharpFuzz. The seed corpus is
# kam init's example file plus the head of kam init --sample's file.
#
# Needs: the .NET SDK and AFL++ (Debian: apt-get install afl++; installed here when run as root). Writes only under
# artifacts/fuzz/. Prints "fuzz TARGET: N execs, C crashes, H hangs" per target and exits 1 if any finding replays.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

targets=(accounts events deals collections people transactions invoices payments tier-policy playbook pay-plan)
target=${1:-}
seconds=${2:-1800}
if [ -z "$target" ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
if [ "$target" = all ]; then
  status=0
  for t in "${targets[@]}"; do "$0" "$t" "$seconds" || status=1; done
  exit $status
fi
if [[ ! " ${targets[*]} " =~ " $target " ]]; then
  echo "unknown target '$target'; one of: ${targets[*]} all" >&2
  exit 2
fi

root=artifacts/fuzz
bin=$root/bin        # instrumented: what AFL++ runs
plain=$root/plain    # the same build uninstrumented: prepares the seeds, replays findings
tools=$root/tools
data=$root/data
findings=$root/findings/$target

if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

# Publish when the sources changed, and instrument the assemblies under test (never the harness or SharpFuzz).
stamp=$root/.published
if [ ! -f "$stamp" ] || [ -n "$(find src eng/fuzz -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' \) -print -quit)" ]; then
  rm -rf "$bin" "$plain"
  dotnet publish eng/fuzz/Kam.Fuzz/Kam.Fuzz.csproj -c Release -o "$plain" -p:UseAppHost=false >/dev/null
  cp -r "$plain" "$bin"
  for dll in kam.dll Kam.Core.dll CsvHelper.dll; do
    "$tools/sharpfuzz" "$bin/$dll" >/dev/null
  done
  dotnet "$plain/Kam.Fuzz.dll" prepare "$data"
  touch "$stamp"
fi


if [ "$seconds" != "--replay" ]; then
  if ! command -v afl-fuzz >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
    else
      echo "afl-fuzz not found: install AFL++ (Debian: sudo apt-get install afl++)" >&2
      exit 2
    fi
  fi

  rm -rf "$findings"
  mkdir -p "$findings"

  # dotnet itself is not instrumented (SharpFuzz instruments the managed code): skip AFL's binary check.
  export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
  dict=(-x eng/fuzz/kam.dict)
  case "$target" in
    tier-policy|playbook|pay-plan) [ -f /usr/share/afl/dictionaries/json.dict ] && dict+=(-x /usr/share/afl/dictionaries/json.dict) ;;
  esac
  echo "fuzz $target: ${seconds} s, seeds in $data/seeds/$target, findings in $findings"
  afl-fuzz -i "$data/seeds/$target" -o "$findings" -t 10000 -m none -V "$seconds" "${dict[@]}" -- dotnet "$bin/Kam.Fuzz.dll" "$target" "$data" \
    > "$findings/afl.log" 2>&1 || { echo "afl-fuzz failed; the end of its log:"; tail -20 "$findings/afl.log"; exit 2; }
fi

stats=$findings/default/fuzzer_stats
[ -f "$stats" ] || { echo "no fuzzer_stats in $findings: run eng/fuzz.sh $target first" >&2; exit 2; }
value() { awk -F' *: *' -v k="$1" '$1 == k {print $2}' "$stats"; }
echo "fuzz $target: $(value execs_done) execs in $(value run_time) s ($(value execs_per_sec)/s), $(value corpus_count) corpus entries, $(value saved_crashes) crashes, $(value saved_hangs) hangs"

mapfile -t saved < <(find "$findings/default/crashes" "$findings/default/hangs" -type f ! -name README.txt 2>/dev/null)
if [ "${#saved[@]}" -gt 0 ]; then
  echo "replaying ${#saved[@]} saved inputs:"
  dotnet "$plain/Kam.Fuzz.dll" "$target" "$data" --replay "${saved[@]}"
fi
