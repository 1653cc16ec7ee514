#!/usr/bin/env bash
# Renkou verification-round benchmark. Usage, from the repository root: bash bench/verification.sh
# With 1,000,000 persons in the register: 50 phones (grid workers signed in, each with its own session) send
# 200 visits each at once in batches of 50 (all applied, none twice; p50/p99 of a batch; the floor of one phone
# alone); the round's figures for the town after that; the worklist of a grid of 500 households / 1,500
# persons served, and downloaded and stored in IndexedDB by the phone page in headless chromium.
# Results are printed and kept in bench/results/. Selenium (a test dependency) drives chromium, hence the
# test-scope classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath-test.txt \
    -Dmdep.includeScope=test
mkdir -p bench/results
out="bench/results/verification-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
  echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out"
java -Xmx4g -Duser.timezone=Asia/Shanghai -cp "target/classes:$(cat target/classpath-test.txt)" \
    bench/VerificationBench.java "$@" 2>&1 | grep --line-buffered -v "^\s*$" | grep --line-buffered -v " WARN \| INFO " | tee -a "$out"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
