#!/usr/bin/env bash
# Produces the detection table of analyzer/README.md: every variant recorded with the agent,
# each workload run checked on its own. Usage: bench/detection-rates.sh [RUNS [CRASH_POINTS]]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ ! -f bench/target/benchmarks.jar ] || [ ! -f agent/target/hbtrace-agent.jar ] || [ ! -f sample-fs/target/sample-fs.jar ]; then
  mvn -B -q -DskipTests -Dspotless.check.skip=true package
fi
exec java -Xmx2g \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED \
  -Dhbtrace.home="$root" \
  -cp bench/target/benchmarks.jar io.hbtrace.bench.DetectionRates "$@"
