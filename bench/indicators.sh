#!/usr/bin/env bash
# Renkou indicator benchmark. Usage, from the repository root: bash bench/indicators.sh
# Builds a county of 30 towns and 1,000,000 persons and times every indicator for every area of the county,
# one town's dashboard, and the floor (one GROUP BY over the persons table), then the county's target assessment;
# --assessment times only the floor and the assessment (source by source). Results go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime
mkdir -p bench/results
out="bench/results/indicators-$(date +%Y%m%d-%H%M%S).txt"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)" | tee "$out"
java -Xmx4g -Duser.timezone=Asia/Shanghai -cp "target/classes:$(cat target/classpath.txt)" \
    bench/IndicatorBench.java "$@" | grep --line-buffered -v "^\s*$" | tee -a "$out"
