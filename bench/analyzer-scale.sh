#!/usr/bin/env bash
# Analyzer memory and speed on a long real trace: records the generic/418 workload with the agent
# until the trace holds about EVENTS events (default 100 M), then checks it with every check in a
# 1 GiB heap, next to a plain scan (summary) of the same trace, both through the hbtrace launcher
# as a user runs them: PAIRS alternating pairs (default 3; shared cores drift, so each check is
# compared with the scan next to it), reporting time and peak RSS per pair and the medians.
# Usage: bench/analyzer-scale.sh [EVENTS] [DIR] [PAIRS]
#   DIR default: a new temporary directory; a DIR that holds a trace/ from an earlier run is reused.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-100000000}"
dir="${2:-$(mktemp -d)}"
pairs="${3:-3}"
cd "$root"
. bench/lib.sh
[ -f analyzer/target/hbtrace.jar ] && [ -f agent/target/hbtrace-agent.jar ] && [ -f sample-fs/target/sample-fs.jar ] \
  || mvn -B -q -DskipTests -Dspotless.check.skip=true package
trace="$dir/trace"
if [ -f "$dir/recorded" ]; then
  echo "reusing $trace"
else
  # about 6,300 events per run of dio-invalidate-cache -w -b 1024 -n 8 -i 4 with the built-in
  # spec (measured)
  runs=$(( events / 6300 + 1 ))
  echo "recording $runs runs into $trace"
  rm -rf "$trace"
  /usr/bin/time -f "record: %e s" java -javaagent:agent/target/hbtrace-agent.jar=out="$trace" \
    -jar sample-fs/target/sample-fs.jar dio-invalidate-cache --variant pre-fix -w -b 1024 -n 8 -i 4 \
    --repeat "$runs" --seed 1 | tail -1 || true   # exit 1 when the workload saw corruption
  touch "$dir/recorded"
fi
du -sh "$trace/"

export HBTRACE_JAVA_OPTS=-Xmx1g # and the launcher's own JVM options
./hbtrace --version > /dev/null # the launcher builds what changed now, not inside a timing
timing="$(mktemp)"
summary="$(mktemp)"
trap 'rm -f "$timing" "$summary"' EXIT
echo "summary and check alternating, 1 GiB heap"
printf '%-5s %10s %10s %9s %12s %14s\n' pair "scan s" "check s" "× scan" "M events/s" "peak RSS MiB"
scans=()
checks=()
for i in $(seq "$pairs"); do
  /usr/bin/time -f "%e %M" -o "$timing" ./hbtrace summary "$trace" > "$summary"
  read -r scan _ < <(tail -1 "$timing")
  n=$(sed -n 's/^events *\([0-9,]*\).*/\1/p' "$summary" | tr -d ,)
  # exit 1: findings (the pre-fix trace has them), and time's last line holds the figures
  /usr/bin/time -f "%e %M" -o "$timing" ./hbtrace check "$trace" > /dev/null || true
  read -r check rss < <(tail -1 "$timing")
  scans+=("$scan")
  checks+=("$check")
  awk -v i="$i" -v s="$scan" -v c="$check" -v n="$n" -v r="$rss" \
    'BEGIN { printf "%-5s %10.2f %10.2f %9.2f %12.1f %14.0f\n", i, s, c, c / s, n / c / 1e6, r / 1024 }'
done
ms=$(median "${scans[@]}")
mc=$(median "${checks[@]}")
awk -v s="$ms" -v c="$mc" -v n="$n" \
  'BEGIN { printf "%-5s %10.2f %10.2f %9.2f %12.1f\n", "med", s, c, c / s, n / c / 1e6 }'
echo "events: $n"
