#!/usr/bin/env bash
# Analyzer memory and speed on a long real trace: records the generic/418 workload with the agent
# until the trace holds about EVENTS events (default 100 M), then checks it with every check in a
# 1 GiB heap, next to a plain scan (summary) of the same trace, reporting time and peak RSS.
# Usage: bench/analyzer-scale.sh [EVENTS] [DIR]   (DIR default: a new temporary directory)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-100000000}"
dir="${2:-$(mktemp -d)}"
cd "$root"
[ -f analyzer/target/hbtrace.jar ] && [ -f agent/target/hbtrace-agent.jar ] && [ -f sample-fs/target/sample-fs.jar ] \
  || mvn -B -q -DskipTests -Dspotless.check.skip=true package
# about 6,300 events per run of dio-invalidate-cache -w -b 1024 -n 8 -i 4 with the built-in spec
# (measured)
runs=$(( events / 6300 + 1 ))
trace="$dir/trace"
echo "recording $runs runs into $trace"
rm -rf "$trace"
/usr/bin/time -f "record: %e s" java -javaagent:agent/target/hbtrace-agent.jar=out="$trace" \
  -jar sample-fs/target/sample-fs.jar dio-invalidate-cache --variant pre-fix -w -b 1024 -n 8 -i 4 \
  --repeat "$runs" --seed 1 | tail -1 || true   # exit 1 when the workload saw corruption
du -sh "$trace"
echo "plain scan (summary), 1 GiB heap:"
export HBTRACE_JAVA_OPTS=-Xmx1g # and the launcher's own JVM options
/usr/bin/time -f "scan: %e s, peak RSS %M KiB" ./hbtrace summary "$trace" | grep -E "^events"
echo "all checks, 1 GiB heap:"
/usr/bin/time -f "check: %e s, peak RSS %M KiB" ./hbtrace check "$trace" | tail -1
