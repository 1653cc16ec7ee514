#!/usr/bin/env bash
# Record linkage benchmark (issue 16): a register of 1,000,000 persons with 2% planted duplicates of every kind
# and look-alikes (twins, namesakes); a whole-register linkage run through the API with the app's heap at 1 GB:
# time, comparisons, precision of AUTO, recall of AUTO+REVIEW, the floor of reading the register, and the entry
# duplicate check's p99. Usage, from the repository root: bash bench/linkage.sh [-Dpersons=N]
# [-Dweights=standard,estimated: a second run with weights estimated by EM from the register and adopted]
# [-Dkeep=DIR: keep the register and its truth in DIR; a later run with the same DIR measures on it without building]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime
mkdir -p bench/results
out="bench/results/linkage-$(date +%Y%m%d-%H%M%S).txt"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), heap -Xmx1g" | tee "$out"
java -Xmx1g -Duser.timezone=Asia/Shanghai "$@" -cp "target/classes:$(cat target/classpath.txt)" \
    bench/LinkageBench.java 2>&1 | grep --line-buffered -E "^(register|floor|run|quality|look|recall|entry|weights)|linkage run|Exception|Error|at org" | tee -a "$out"
