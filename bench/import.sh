#!/usr/bin/env bash
# Import benchmark: 1,000,000-row CSV (valid, and with 5% invalid rows) through the real import path,
# against the floor of a plain COPY; then a search loop's latency alone and beside a 200,000-row import into the
# register that has persons (its p99). Usage, from the repository root: bash bench/import.sh [-Drows=N]
# [-Donly=reader: only the search loop beside the 200,000-row import]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime
mkdir -p bench/results
out="bench/results/import-$(date +%Y%m%d-%H%M%S).txt"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), heap -Xmx512m" | tee "$out"
java -Xmx512m -Duser.timezone=Asia/Shanghai "$@" -cp "target/classes:$(cat target/classpath.txt)" \
    bench/ImportBench.java 2>&1 | grep --line-buffered -E "^(files|floor|import|heap|reader)|Import [0-9]+:|written in" | tee -a "$out"
