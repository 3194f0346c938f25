#!/usr/bin/env bash
# Runs the JMH benchmarks (docs/benchmarks.md) and prints each figure beside its budget.
#
#   bench/jmh.sh                           every benchmark, the profile's short default run
#   bench/jmh.sh -f 1 -wi 5 -i 10 decode   any JMH arguments instead (options, then a regex)
#   bench/jmh.sh --footprint [RUNS] [--restart-plan]
#                                          not JMH: the 10,000-controller reconcile's first pass in
#                                          fresh JVMs with the launcher's options (CPU, heap grown)
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

footprint=false
mvn_args=(-B -q -Pbench test-compile exec:exec)
if [ "${1:-}" = --footprint ]; then
    footprint=true
    shift
    log=target/footprint-run.log
    mvn_args+=("-Dbench.command=org.nvmexpress.discoverd.bench.ReconcileFootprint $*")
elif [ "$#" -gt 0 ]; then
    mvn_args+=("-Djmh.args=$*")
fi
echo "running the benchmarks on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (log: $log) ..."
if ! ./mvnw "${mvn_args[@]}" >"$log" 2>&1; then
    # What JMH or javac said, without Maven's stack trace of the failed exec.
    grep -v -E '^[[:space:]]+at |^\[(INFO|WARNING)\]|^\[ERROR\] *($|To see|Re-run|For more|\[Help)|^org\.apache\.commons\.exec' \
        "$log" | tail -n 20 >&2
    echo "bench/jmh.sh: the benchmark run failed; the whole log is in $log" >&2
    exit 1
fi
if [ "$footprint" = true ]; then
    grep '^# ' "$log" || true
    # Budgets from ARCHITECTURE §11, derived ones as for the JMH figures below (docs/benchmarks.md).
    awk '
        function budget(name) {
            if (name == "cold.firstPass.processCpu") return "1000 ms (§11)"
            if (name == "cold.load.processCpu") return "200 ms (§11, derived)"
            if (name == "cold.build.processCpu" || name == "cold.plan.EMPTY.processCpu") return "100 ms (§11, derived)"
            if (name == "cold.plan.RESTART.processCpu") return "100 ms (§11, derived)"
            if (name == "grown.config+desiredSet+plan") return "20 MiB (§11)"
            return ""
        }
        BEGIN { printf "%-34s %10s %21s %-5s %-22s %s\n", "figure", "median", "range", "unit", "budget", "used" }
        $1 == "figure" {
            b = budget($2); verdict = "-"
            if (b != "") {
                limit = b + 0
                verdict = $3 <= limit ? sprintf("%.1f%%", 100 * $3 / limit) : sprintf("OVER BUDGET (x%.1f)", $3 / limit)
                b = "<= " b
            } else {
                b = "-"
            }
            printf "%-34s %10s %21s %-5s %-22s %s\n", $2, $3, $4 " - " $5, $6, b, verdict
        }
    ' "$log"
    exit 0
fi
if [ ! -s "$csv" ]; then
    tail -n 20 "$log" >&2
    echo "bench/jmh.sh: JMH wrote no results (did the regex match a benchmark?)" >&2
    exit 1
fi

grep -m1 '^# VM version:' "$log" || true
# Budgets in microseconds, from ARCHITECTURE §11. "derived": §11 gives 1 s of CPU for 10,000
# controllers (100 us each, everything included), so these must be a small share of it; the
# reconcile's parts split that second (docs/benchmarks.md): the configuration loaded 200 ms, the
# desired set built 100 ms, the plan 100 ms, leaving 600 ms for discovery and the D-Bus calls
# (discovery's 100 ms: the first walk of 100 pages, a walk again; 1 ms for one page's change).
awk -F, '
    function budget(name) {
        if (name ~ /DlpDecodeBenchmark\.decode$/) return 1000
        if (name ~ /DlpDecodeBenchmark\.decodeAndTargets$/) return 102400
        if (name ~ /TidBenchmark\./) return 100
        if (name ~ /ReconcileBenchmark\.wholePath$/) return 1000000
        if (name ~ /ReconcileBenchmark\.load$/) return 200000
        if (name ~ /ReconcileBenchmark\.(build|plan|indexedLookups)$/) return 100000
        return 0
    }
    function source(name) {
        return name ~ /DlpDecodeBenchmark\.decode$|ReconcileBenchmark\.wholePath$/ ? "§11" : "§11, derived"
    }
    # A figure in microseconds, whatever the unit JMH reports it in; -1 for other units.
    function micros(score, unit) {
        if (unit == "us/op") return score
        if (unit == "ms/op") return score * 1000
        if (unit == "ns/op") return score / 1000
        if (unit == "s/op") return score * 1000000
        return -1
    }
    function show(us, unit) {
        return unit == "ms/op" ? sprintf("%d ms", us / 1000) : sprintf("%d us", us)
    }
    function unquote(s) { gsub(/"/, "", s); return s }
    { sub(/\r$/, "") }
    NR == 1 { next }
    {
        name = unquote($1); sub(/^org\.nvmexpress\.discoverd\.bench\./, "", name)
        b = budget(name); from = source(name)
        param = ""
        for (i = 8; i <= NF; i++) if (unquote($i) != "") param = param (param != "" ? "," : "") unquote($i)
        # Discovery: budgets for the 100 x 100 fabric of §11 only (docs/benchmarks.md, "Discovery").
        if (name ~ /^DiscoveryBenchmark\./) {
            b = 0; from = "§11, derived"
            if (param == "100x100" && name ~ /\.(firstWalk|referralChange)$/) b = 100000
            if (param == "100x100" && name ~ /\.changeNotice$/) b = 1000
        }
        if (param ~ /traddr=[0-9.]+;/) name = name " (IPv4)"
        else if (param ~ /traddr=[^;]*:/) name = name " (IPv6)"
        else if (param != "") name = name " (" param ")"
        score = $5 + 0; err = unquote($6); unit = unquote($7)
        figure = sprintf("%.1f +- %s", score, err == "NaN" ? "n/a" : sprintf("%.1f", err + 0))
        us = micros(score, unit)
        if (us < 0 || b == 0) {
            printf "%-46s %18s %-6s %-28s %s\n", name, figure, unit, "-", "-"
            next
        }
        verdict = us <= b ? sprintf("%.1f%%", 100 * us / b) : sprintf("OVER BUDGET (x%.1f)", us / b)
        printf "%-46s %18s %-6s %-28s %s\n", name, figure, unit, sprintf("<= %s (%s)", show(b, unit), from), verdict
    }
    BEGIN { printf "%-46s %18s %-6s %-28s %s\n", "benchmark", "figure (99.9% CI)", "unit", "budget", "used" }
' "$csv"
