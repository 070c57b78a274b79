#!/usr/bin/env bash
# Mutation testing of the money, stage and model logic with Stryker.NET (see docs/mutation-testing.md).
#
#   eng/mutation.sh [Compensation|Stages|ValueModels|all] ...   (default: all; several scopes share one run)
#
# It
#   1. restores dotnet-stryker from the local tool manifest (.config/dotnet-tools.json);
#   2. runs Stryker once, mutating only src/Kam.Core/<folder>/** of the scope(s) and running only the capability's
#      tests (a test-case filter on the test namespaces), with the settings of eng/stryker/stryker-config.json (MTP
#      runner, per-test coverage, concurrency 1, break threshold 85). "all" is one run over the three folders: one
#      build and one mutated compilation instead of three;
#   3. reads the JSON report and prints, per scope, killed / survived / timeout / no coverage / compile errors and
#      the score (detected ÷ (detected + survived + no coverage), as Stryker counts it);
#   4. proves the setup is live, per scope: fails if no mutant was killed, and plants a mutant of its own (one
#      operator flipped in a copy of the library, built apart from the worktree) and fails unless the capability's
#      tests catch it;
#   5. fails if a scope's score is under 85.
# Only the .NET SDK is needed (plus bash and coreutils). Environment:
#   KAM_STRYKER_CONCURRENCY  Stryker's test-run concurrency (default 1: the machine is shared; 2 on a quiet 2-core box).
#   KAM_MUTATION_BREAK       the score under which the run fails (default 85).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="$root/eng/stryker/stryker-config.json"
break_at="${KAM_MUTATION_BREAK:-85}"
out_root="$root/StrykerOutput"
test_bin="$root/tests/Kam.Core.Tests/bin/Release/net10.0"

usage() {
    echo "usage: eng/mutation.sh [Compensation|Stages|ValueModels|all] ..." >&2
    exit 1
}

# The settings of one scope: what to mutate, which tests to run, and the mutant planted to prove the setup is live
# (a file of the library, a text that occurs in it exactly once, and what replaces it).
scope_settings() {
    case "$1" in
        Compensation)
            folder='Compensation'
            namespace='Kam.Core.Tests.Compensation'
            plant_file='src/Kam.Core/Compensation/PayCalculator.cs'
            plant_from='var monthlyQuota = payee.AnnualQuota.Amount / 12m;'
            plant_to='var monthlyQuota = payee.AnnualQuota.Amount * 12m;'
            ;;
        Stages)
            folder='Stages'
            namespace='Kam.Core.Tests.Stages'
            plant_file='src/Kam.Core/Stages/StageExtensions.cs'
            plant_from='<= 2 => FunnelState.Search,'
            plant_to='<= 3 => FunnelState.Search,'
            ;;
        ValueModels)
            folder='Value/Models'
            namespace='Kam.Core.Tests.Value.Models'
            plant_file='src/Kam.Core/Value/Models/Numerics/SpecialFunctions.cs'
            plant_from='shift -= 1.0 / x;'
            plant_to='shift += 1.0 / x;'
            ;;
        *) usage ;;
    esac
}

# Counts, per scope folder, the mutants of each status in a Stryker JSON report. The report is one line of JSON: the
# file keys ("…/src/Kam.Core/<folder>/….cs":{) and the mutants' "status" fields come in document order, so each
# status belongs to the file key last seen. Prints "folder killed survived timeout nocoverage compileerror ignored".
tally() {
    grep -o -E '"[^"]*/src/Kam\.Core/[^"]*\.cs":\{|"status": *"[A-Za-z]+"' "$1" | awk -v folder="$2" '
        /^"[^"]*\.cs":\{$/ { inside = index($0, "/src/Kam.Core/" folder "/") > 0; next }
        inside { sub(/^"status": *"/, ""); sub(/"$/, ""); n[$0]++ }
        END { printf "%d %d %d %d %d %d\n", n["Killed"], n["Survived"], n["Timeout"], n["NoCoverage"], n["CompileError"], n["Ignored"] }'
}

# Runs the capability's tests against a copy of the library with one operator flipped; fails unless a test fails.
plant() {
    local scope="$1" dir="$out_root/planted-$1"
    rm -rf "$dir"
    mkdir -p "$dir/src"
    cp "$root/global.json" "$root/Directory.Build.props" "$root/Directory.Packages.props" "$dir/"
    cp -r "$root/src/Kam.Core" "$dir/src/"
    rm -rf "$dir/src/Kam.Core/bin" "$dir/src/Kam.Core/obj"
    local file="$dir/$plant_file" text
    text="$(<"$file")"
    if [[ "$text" != *"$plant_from"* ]]; then
        echo "mutation: the planted mutant's text '$plant_from' is no longer in $plant_file; update scope_settings in eng/mutation.sh" >&2
        return 1
    fi
    printf '%s\n' "${text/"$plant_from"/"$plant_to"}" >"$file"
    echo "mutation: planting '$plant_to' in a copy of $plant_file"
    if ! dotnet build "$dir/src/Kam.Core/Kam.Core.csproj" -c Release -f net10.0 -o "$dir/lib" -nologo -v quiet >"$dir/build.log" 2>&1; then
        echo "mutation: the planted copy does not build; see $dir/build.log" >&2
        return 1
    fi
    cp -r "$test_bin" "$dir/tests"
    cp "$dir/lib/Kam.Core.dll" "$dir/tests/Kam.Core.dll"
    local status=0 failed
    "$dir/tests/Kam.Core.Tests" -namespace "$namespace" -noColor >"$dir/tests.log" 2>&1 || status=$?
    failed="$(grep -o 'Failed: [0-9]*' "$dir/tests.log" | tail -1 | grep -o '[0-9]*$' || true)"
    if [[ "$status" -eq 0 || -z "$failed" || "$failed" -eq 0 ]]; then
        echo "mutation: FAIL: the $scope tests did not catch the planted mutant (exit $status, failed ${failed:-?}); see $dir/tests.log" >&2
        return 1
    fi
    echo "mutation: the planted mutant was caught ($failed failing $scope tests)"
    rm -rf "$dir"
}

# Checks one scope of a report: prints its counts and score, plants its mutant, applies the threshold.
check_scope() {
    local report="$1" scope="$2"
    scope_settings "$scope"
    local killed survived timeout nocov compile ignored detected valid score
    read -r killed survived timeout nocov compile ignored < <(tally "$report" "$folder")
    detected=$((killed + timeout))
    valid=$((detected + survived + nocov))
    score=0
    if [[ "$valid" -gt 0 ]]; then
        score="$(((detected * 10000 / valid + 5) / 10))"
        score="$((score / 10)).$((score % 10))"
    fi
    echo "mutation: $scope: score ${score}% - killed $killed, survived $survived, timeout $timeout, no coverage $nocov (compile errors $compile, ignored $ignored)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scope" "$score" "$killed" "$survived" "$timeout" "$nocov" "$compile" "$ignored" >>"$out_root/scores.tsv"

    if [[ "$killed" -eq 0 ]]; then
        echo "mutation: FAIL: $scope: no mutant was killed - the runner never activated a mutant; a broken setup, not a score" >&2
        return 1
    fi

    plant "$scope" || return 1

    if ((detected * 100 < break_at * valid)); then
        echo "mutation: FAIL: $scope: score ${score}% is under the break threshold of ${break_at}%" >&2
        return 1
    fi
}

scopes=()
for arg in "${@:-all}"; do
    case "$arg" in
        all) scopes+=(Compensation Stages ValueModels) ;;
        Compensation | Stages | ValueModels) scopes+=("$arg") ;;
        *) usage ;;
    esac
done
name="$(IFS=+; echo "${*:-all}")"

cd "$root"
dotnet tool restore >/dev/null
mkdir -p "$out_root"
out="$out_root/$name"
rm -rf "$out" "$out_root/scores.tsv"

args=()
filter=''
for scope in "${scopes[@]}"; do
    scope_settings "$scope"
    args+=(--mutate "**/$folder/**/*.cs")
    filter="${filter:+$filter|}FullyQualifiedName~$namespace."
done
echo "mutation: mutating ${args[*]} with the tests matching $filter"

# While Stryker runs, the test folder holds the instrumented library (every mutant compiled in, none active) and
# the original beside it as Kam.Core.dll.stryker-unchanged: keep a copy of that folder for the baseline check below.
instrumented="$out_root/instrumented"
rm -rf "$instrumented"
# A run that was interrupted leaves the original library aside (and maybe the instrumented one in its place): put it
# back first, or the watcher below would take the stale pair for this run's and copy a folder being rebuilt.
if [[ -f "$test_bin/Kam.Core.dll.stryker-unchanged" ]]; then
    echo "mutation: restoring the library an interrupted run left aside ($test_bin/Kam.Core.dll.stryker-unchanged)"
    mv -f "$test_bin/Kam.Core.dll.stryker-unchanged" "$test_bin/Kam.Core.dll"
fi
(
    # Stryker first moves the original aside, then (after mutating and compiling) puts the instrumented one in place.
    until [[ -f "$test_bin/Kam.Core.dll.stryker-unchanged" && -f "$test_bin/Kam.Core.dll" ]] &&
        ! cmp -s "$test_bin/Kam.Core.dll" "$test_bin/Kam.Core.dll.stryker-unchanged"; do
        sleep 2
    done
    sleep 5
    cp -r "$test_bin" "$instrumented.partial" && mv "$instrumented.partial" "$instrumented"
) &
watcher=$!

# Stryker's project analysis (Buildalyzer) sometimes fails at once with "Could not find build environment" on a busy
# machine (it reads `dotnet --info` under a time limit); nothing has been built or moved by then, so try again.
mkdir -p "$out_root"
for attempt in 1 2 3; do
    status=0
    (
        cd "$root/tests/Kam.Core.Tests"
        dotnet tool run dotnet-stryker -- \
            --config-file "$config" \
            "${args[@]}" \
            --test-case-filter "$filter" \
            --concurrency "${KAM_STRYKER_CONCURRENCY:-1}" \
            --output "$out" \
            --skip-version-check
    ) 2>&1 | tee "$out_root/stryker-console.log" || status=$?
    if [[ "$status" -ne 0 && "$attempt" -lt 3 ]] && grep -q "Could not find build environment" "$out_root/stryker-console.log"; then
        echo "mutation: Stryker could not analyze the project (\"Could not find build environment\"); trying again ($((attempt + 1)) of 3)" >&2
        sleep 15
        continue
    fi
    break
done

kill "$watcher" 2>/dev/null || true
wait "$watcher" 2>/dev/null || true

# The instrumented baseline: the scopes' tests must pass against the instrumented library with no mutant active (in
# Stryker's coverage mode, as during its coverage capture). A test that fails there records coverage only up to where
# it fails, and every mutant it reaches is "killed" by it: a broken setup, not a score. (Code that passes a value as
# both the receiver and an out argument of one call did exactly this to Stages: see docs/mutation-testing.md.)
baseline() {
    if [[ ! -x "$instrumented/Kam.Core.Tests" ]]; then
        echo "mutation: FAIL: no copy of the instrumented test folder was taken; cannot check the instrumented baseline" >&2
        return 1
    fi
    local ns=() scope
    for scope in "${scopes[@]}"; do
        scope_settings "$scope"
        ns+=(-namespace "$namespace")
    done
    local rc=0 failed
    STRYKER_COVERAGE_FILE="baseline-$$.txt" "$instrumented/Kam.Core.Tests" "${ns[@]}" -noColor >"$out_root/baseline.log" 2>&1 || rc=$?
    rm -f "${TMPDIR:-/tmp}"/baseline-$$*.txt
    failed="$(grep -o 'Failed: [0-9]*' "$out_root/baseline.log" | tail -1 | grep -o '[0-9]*$' || true)"
    if [[ "$rc" -ne 0 || "${failed:-x}" != 0 ]]; then
        echo "mutation: FAIL: ${failed:-?} test(s) fail against the instrumented library with no mutant active; see $out_root/baseline.log" >&2
        grep '\[FAIL\]' "$out_root/baseline.log" | head -20 >&2 || true
        return 1
    fi
    echo "mutation: the instrumented baseline passes (the scopes' tests, no mutant active)"
    rm -rf "$instrumented"
}

report="$out/reports/mutation-report.json"
if [[ ! -f "$report" ]]; then
    echo "mutation: FAIL: Stryker wrote no JSON report (exit $status); see its log above" >&2
    exit 1
fi

failures=0
baseline || failures=$((failures + 1))
for scope in "${scopes[@]}"; do
    check_scope "$report" "$scope" || failures=$((failures + 1))
done

echo "mutation: report $report"
echo "mutation: scope, score %, killed, survived, timeout, no coverage, compile errors, ignored:"
cat "$out_root/scores.tsv"
if [[ "$failures" -gt 0 ]]; then
    echo "mutation: $failures scope(s) failed" >&2
    exit 1
fi
