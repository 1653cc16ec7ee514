#!/usr/bin/env bash
# Renkou register benchmark. Usage, from the repository root: bash bench/run.sh [-Dquick=true]
#  1. start-up time of the packaged app on a database that already holds the demo town (cold JVM), until the
#     first authenticated request (HTTP Basic admin/admin123, GET /api/v1/areas) succeeds;
#  2. with 1,000,000 persons in the register: exact ID lookup and a filtered name-prefix search through the
#     HTTP API, p50 and p99 latency at 1 and 32 concurrent clients.
# Results are printed and kept in bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime
mkdir -p bench/results
out="bench/results/register-$(date +%Y%m%d-%H%M%S).txt"
data=$(mktemp -d /tmp/renkou-bench-startup-XXXX)
port=18931

start_app() {
  java -jar target/renkou.jar --server.port=$port --renkou.data-dir="$data" --renkou.demo=true \
      > "$data/app.log" 2>&1 &
  app=$!
  # ready for users, not only listening: the first authenticated request succeeds
  until curl -sf -u admin:admin123 "http://127.0.0.1:$port/api/v1/areas" > /dev/null; do
    kill -0 $app 2>/dev/null || { cat "$data/app.log"; exit 1; }
    sleep 0.1
  done
}

start_app   # first start: creates the database and loads the demo town
kill $app; wait $app || true
t0=$(date +%s.%N)
start_app   # second start: the demo town is already there
t1=$(date +%s.%N)
kill $app; wait $app || true
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
  printf 'start-up with the demo town loaded (java -jar until the first authenticated request succeeds): %.1f s\n' "$(awk "BEGIN {print $t1 - $t0}")"
} | tee "$out"
rm -rf "$data"

java -Xmx4g -Duser.timezone=Asia/Shanghai "$@" -cp "target/classes:$(cat target/classpath.txt)" \
    bench/RegisterBench.java | grep --line-buffered -v "^\s*$" | tee -a "$out"
