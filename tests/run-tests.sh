#!/usr/bin/env bash
# Runs the given (already built) test projects one after the other, each bounded in time, and prints
# per-project counts and, as the very last line, "N passed, M failed" summed from the TRX files.
# A project that crashes or leaves no TRX counts as one failure. Exit status 1 when anything failed.
# usage: tests/run-tests.sh CONFIGURATION PROJECT.csproj...
set -u
configuration=$1
shift
results=artifacts/test-results
per_project_timeout=${TEST_TIMEOUT:-900}
rm -rf "$results"
mkdir -p "$results"

counter() { # counter NAME TRX -> the value of attribute NAME of <Counters>, 0 when absent
    grep -o '<Counters [^>]*>' "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0
}

total_passed=0
total_failed=0
summary=()
for project in "$@"; do
    name=$(basename "$project" .csproj)
    echo "=== $name"
    timeout --kill-after=30 "$per_project_timeout" \
        dotnet test "$project" -c "$configuration" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
        --results-directory "$results" --blame-hang-timeout 5m
    rc=$?
    trx="$results/$name.trx"
    if [ -f "$trx" ]; then
        passed=$(counter passed "$trx")
        failed=$(( $(counter failed "$trx") + $(counter error "$trx") + $(counter timeout "$trx") + $(counter aborted "$trx") ))
        note=""
        if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
            failed=1
            note=" (test run exited with $rc)"
        fi
    else
        passed=0
        failed=1
        note=" (no results: test run exited with $rc)"
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    summary+=("$name: $passed passed, $failed failed$note")
done

echo
echo "=== results (TRX files in $results)"
for line in "${summary[@]}"; do
    echo "$line"
done
echo "$total_passed passed, $total_failed failed" | tee "$results/summary.txt"
[ "$total_failed" -eq 0 ]
