#!/usr/bin/env bash
# Scorings per second with 1, 2, 3 cluster members (coordinator and workers on loopback, one
# thread each), back to back, against one process on 1 and 2 threads; the 1- and 3-member runs
# again with shared scores (--shared-cache, off by default); CPU seconds of all the processes of
# each; the coordinator's traffic and shared-scores lines; whether every front equals the
# one-process front. G=generations (1200: estimated 4-5 minutes in all on a quiet 2-core machine,
# about 10 at load 7-15).
set -u
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
# Copy the jar to /tmp first: a rebuild during the measurement would break it.
JAR=${JAR:-runs/target/numevo.jar}
FL=(-XX:+UseParallelGC -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
G=${G:-1200}
# --rank none: the final ranking runs on the coordinator alone and is not what this measures.
ARGS=(search exp2 --islands 6 --population 100 --generations $G --seed 1 --progress 1000 --rank none)
OUT=${1:?usage: scripts/cluster-bench.sh OUTDIR}
mkdir -p $OUT; rm -rf $OUT/runs $OUT/*.cpu
summ() { echo "== $1 (load $(cut -d' ' -f1 /proc/loadavg) at the end)"; grep -E "^stopped|^scorings|^cache|^cluster|^shared" $OUT/$1.log | grep -v "coordinating member"; cat $OUT/$1.cpu $(ls $OUT/$1-w*.cpu 2>/dev/null) | awk '{u+=$1; s+=$2} END {printf "cpu seconds (user+sys, all its processes): %.1f\n", u+s}'; }
cluster() { # NAME MEMBERS [more search flags]
  local name=$1 m=$2; shift 2
  /usr/bin/time -f "%U %S" -o $OUT/$name.cpu $J "${FL[@]}" -jar $JAR "${ARGS[@]}" --threads 1 --run-dir $OUT/runs/$name --cluster --port 16801 --cluster-name bench --min-members $m "$@" > $OUT/$name.log 2>&1 &
  local C=$!
  sleep 3
  local PIDS=()
  for ((w = 1; w < m; w++)); do
    /usr/bin/time -f "%U %S" -o $OUT/$name-w$w.cpu $J "${FL[@]}" -jar $JAR worker --join 127.0.0.1:16801 --port $((16810 + 10 * w)) --cluster-name bench --threads 1 > $OUT/$name-worker$w.log 2>&1 &
    PIDS+=($!)
  done
  wait $C
  for p in "${PIDS[@]}"; do pkill -TERM -P $p; done
  wait
  summ $name
}
/usr/bin/time -f "%U %S" -o $OUT/plain1.cpu $J "${FL[@]}" -jar $JAR "${ARGS[@]}" --threads 1 --run-dir $OUT/runs/plain1 > $OUT/plain1.log 2>&1; summ plain1
cluster cluster1 1
cluster cluster1-shared 1 --shared-cache
cluster cluster2 2
cluster cluster3 3
cluster cluster3-shared 3 --shared-cache
/usr/bin/time -f "%U %S" -o $OUT/plain2.cpu $J "${FL[@]}" -jar $JAR "${ARGS[@]}" --threads 2 --run-dir $OUT/runs/plain2 > $OUT/plain2.log 2>&1; summ plain2
for r in cluster1 cluster1-shared cluster2 cluster3 cluster3-shared plain2; do
  diff <(sed -n '/^Pareto/,/^baselines/p' $OUT/plain1.log) <(sed -n '/^Pareto/,/^baselines/p' $OUT/$r.log) >/dev/null && echo "$r: front identical to plain1" || echo "$r: FRONT DIFFERS"
done
# Scorings per second relative to one process on one thread.
base=$(grep -E '^scorings' $OUT/plain1.log | sed 's/.*= \([0-9,]*\)\/s$/\1/' | tr -d ,)
for r in plain1 cluster1 cluster1-shared cluster2 cluster3 cluster3-shared plain2; do
  s=$(grep -E '^scorings' $OUT/$r.log | sed 's/.*= \([0-9,]*\)\/s$/\1/' | tr -d ,)
  awk -v r=$r -v s=$s -v b=$base 'BEGIN {printf "%-16s %8d scorings/s  %.2fx one process\n", r, s, s / b}'
done
