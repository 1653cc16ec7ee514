#!/usr/bin/env bash
# Exchange benchmark: 10,000 requests from node A to node B and their feedback, on loopback.
# Usage, from the repository root: bash bench/exchange.sh [-Dmessages=N]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime
mkdir -p bench/results
out="bench/results/exchange-$(date +%Y%m%d-%H%M%S).txt"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)" | tee "$out"
java -Xmx2g -Duser.timezone=Asia/Shanghai "$@" -cp "target/classes:$(cat target/classpath.txt)" \
    bench/ExchangeBench.java 2>&1 | grep --line-buffered -E "^queued" | tee -a "$out"
