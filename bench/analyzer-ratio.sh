#!/usr/bin/env bash
# The analyzer's speed against a plain scan, in alternating JMH forks: each pair runs
# AnalyzerBench.scan and a check benchmark in forks of their own (each compiled for its own
# work, as a plain scan and a check are in use), one right after the other, in alternating order,
# and compares the two of a pair. Shared cores drift by a third within an hour; the pair's ratio
# cancels most of that, where JMH's own blocks of forks (all scans, then all checks) cannot.
# Prints each pair (ms per trace, ratio, check events per second) and the medians.
# Usage: bench/analyzer-ratio.sh [PAIRS] [REPEAT] [CHECK]
#   PAIRS default 5; REPEAT: the workload runs of AnalyzerBench's trace (default 800, ~4.9 M events);
#   CHECK: checkAll (default, one thread) or checkAllReadAhead (decoding on a second thread, as
#   hbtrace check runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs="${1:-5}"
repeat="${2:-800}"
bench="${3:-checkAll}"
case "$bench" in
  checkAll | checkAllReadAhead) ;;
  *) echo "analyzer-ratio.sh: unknown check benchmark '$bench' (checkAll, checkAllReadAhead)" >&2; exit 2 ;;
esac
cd "$root"
. bench/lib.sh
[ -f bench/target/benchmarks.jar ] || mvn -B -q -DskipTests -Dspotless.check.skip=true package
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# one fork of one benchmark; prints its score (ms per trace)
fork() {
  java -jar bench/target/benchmarks.jar "AnalyzerBench.$1\$" -p repeat="$repeat" -f 1 -wi 5 -i 10 \
    -rf csv -rff "$out/$1.csv" > "$out/$1.log" 2>&1
  awk -F, 'NR == 2 { print $5 }' "$out/$1.csv"
}

echo "AnalyzerBench, scan and $bench, $pairs alternating pairs of forks"
printf '%-5s %10s %12s %9s %12s\n' pair "scan ms" "check ms" "× scan" "M events/s"
scans=()
checks=()
ratios=()
n=""
for i in $(seq "$pairs"); do
  if [ $((i % 2)) = 1 ]; then
    scan=$(fork scan)
    check=$(fork "$bench")
  else
    check=$(fork "$bench")
    scan=$(fork scan)
  fi
  # the trace's event count, as AnalyzerBench prints it at setup (every fork reads the same trace)
  [ -n "$n" ] \
    || n=$(sed -n 's/.*\[AnalyzerBench\] trace of \([0-9,]*\) events.*/\1/p' "$out/scan.log" | tr -d ,)
  scans+=("$scan")
  checks+=("$check")
  ratios+=("$(awk -v s="$scan" -v c="$check" 'BEGIN { print c / s }')")
  awk -v i="$i" -v s="$scan" -v c="$check" -v n="$n" \
    'BEGIN { printf "%-5s %10.1f %12.1f %9.2f %12.1f\n", i, s, c, c / s, n / c / 1e3 }'
done
awk -v s="$(median "${scans[@]}")" -v c="$(median "${checks[@]}")" \
  -v r="$(median "${ratios[@]}")" -v n="$n" \
  'BEGIN { printf "%-5s %10.1f %12.1f %9.2f %12.1f   (ratio: median of the pairs)\n", "med", s, c, r, n / c / 1e3 }'
echo "events: $n"
