#!/usr/bin/env bash
# Runs the JMH benchmarks (docs/benchmarks.md) and prints each figure beside its budget.
#
#   bench/run.sh                           every benchmark, the profile's short default run
#   bench/run.sh -f 1 -wi 5 -i 10 decode   any JMH arguments instead (options, then a regex)
#
# JMH's own log goes to target/jmh-run.log and its results to target/jmh-result.csv. Exit status 1
# when the build or JMH fails; a figure over its budget is reported, not failed (one short run on a
# busy machine is not a verdict).
set -euo pipefail
cd "$(dirname -- "$0")/.."

log=target/jmh-run.log
csv=target/jmh-result.csv
mkdir -p target
rm -f "$csv"

mvn_args=(-B -q -Pbench test-compile exec:exec)
if [ "$#" -gt 0 ]; then
    mvn_args+=("-Djmh.args=$*")
fi
echo "running the benchmarks on $(nproc) cores (JMH's log: $log) ..."
if ! ./mvnw "${mvn_args[@]}" >"$log" 2>&1; then
    # What JMH or javac said, without Maven's stack trace of the failed exec.
    grep -v -E '^[[:space:]]+at |^\[(INFO|WARNING)\]|^\[ERROR\] *($|To see|Re-run|For more|\[Help)|^org\.apache\.commons\.exec' \
        "$log" | tail -n 20 >&2
    echo "bench/run.sh: the benchmark run failed; the whole log is in $log" >&2
    exit 1
fi
if [ ! -s "$csv" ]; then
    tail -n 20 "$log" >&2
    echo "bench/run.sh: JMH wrote no results (did the regex match a benchmark?)" >&2
    exit 1
fi

grep -m1 '^# VM version:' "$log" || true
# Budgets in microseconds, from ARCHITECTURE §11. "derived": §11 gives 1 s of CPU for 10,000
# controllers (100 us each, everything included), so these must be a small share of it.
awk -F, '
    function budget(name) {
        if (name ~ /DlpDecodeBenchmark\.decode$/) return 1000
        if (name ~ /DlpDecodeBenchmark\.decodeAndTargets$/) return 102400
        if (name ~ /TidBenchmark\./) return 100
        return 0
    }
    function source(name) {
        return name ~ /DlpDecodeBenchmark\.decode$/ ? "§11" : "§11, derived"
    }
    function unquote(s) { gsub(/"/, "", s); return s }
    { sub(/\r$/, "") }
    NR == 1 { next }
    {
        name = unquote($1); sub(/^org\.nvmexpress\.discoverd\.bench\./, "", name)
        b = budget(name); from = source(name)
        param = ""
        for (i = 8; i <= NF; i++) param = param (i > 8 ? "," : "") unquote($i)
        if (param ~ /traddr=[0-9.]+;/) name = name " (IPv4)"
        else if (param ~ /traddr=[^;]*:/) name = name " (IPv6)"
        else if (param != "") name = name " (" param ")"
        score = $5 + 0; err = unquote($6); unit = unquote($7)
        figure = sprintf("%.1f +- %s", score, err == "NaN" ? "n/a" : sprintf("%.1f", err + 0))
        if (unit != "us/op" || b == 0) {
            printf "%-46s %18s %-6s %-28s %s\n", name, figure, unit, "-", "-"
            next
        }
        verdict = score <= b ? sprintf("%.1f%%", 100 * score / b) : "OVER BUDGET"
        printf "%-46s %18s %-6s %-28s %s\n", name, figure, unit, sprintf("<= %d us (%s)", b, from), verdict
    }
    BEGIN { printf "%-46s %18s %-6s %-28s %s\n", "benchmark", "figure (99.9% CI)", "unit", "budget", "used" }
' "$csv"
