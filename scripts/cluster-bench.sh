#!/usr/bin/env bash
# Scorings per second with 1, 2, 3 cluster members (coordinator and workers on loopback, one
# thread each), back to back, against one process on 1 and 2 threads; CPU seconds of all the
# processes of each; whether every front equals the one-process front. G=generations (120).
set -u
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
# Copy the jar to /tmp first: a rebuild during the measurement would break it.
JAR=${JAR:-runs/target/numevo.jar}
FL=(-XX:+UseParallelGC -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
G=${G:-120}
ARGS=(search exp2 --islands 6 --population 100 --generations $G --seed 1 --progress 1000)
OUT=${1:?usage: scripts/cluster-bench.sh OUTDIR}
mkdir -p $OUT; rm -rf $OUT/runs
summ() { echo "== $1"; grep -E "^stopped|^scorings|^cluster: [0-9]" $OUT/$1.log; cat $OUT/$1*.cpu | awk '{u+=$1; s+=$2} END {printf "cpu seconds (user+sys, all its processes): %.1f\n", u+s}'; }
/usr/bin/time -f "%U %S" -o $OUT/plain1.cpu $J "${FL[@]}" -jar $JAR "${ARGS[@]}" --threads 1 --run-dir $OUT/runs/plain1 > $OUT/plain1.log 2>&1; summ plain1
for m in 1 2 3; do
  /usr/bin/time -f "%U %S" -o $OUT/cluster$m.cpu $J "${FL[@]}" -jar $JAR "${ARGS[@]}" --threads 1 --run-dir $OUT/runs/cluster$m --cluster --port 16801 --cluster-name bench --min-members $m > $OUT/cluster$m.log 2>&1 &
  C=$!
  sleep 3
  PIDS=()
  for ((w = 1; w < m; w++)); do
    /usr/bin/time -f "%U %S" -o $OUT/cluster$m-w$w.cpu $J "${FL[@]}" -jar $JAR worker --join 127.0.0.1:16801 --port $((16810 + 10 * w)) --cluster-name bench --threads 1 > $OUT/worker$m-$w.log 2>&1 &
    PIDS+=($!)
  done
  wait $C
  for p in "${PIDS[@]}"; do pkill -TERM -P $p; done
  wait
  summ cluster$m
done
/usr/bin/time -f "%U %S" -o $OUT/plain2.cpu $J "${FL[@]}" -jar $JAR "${ARGS[@]}" --threads 2 --run-dir $OUT/runs/plain2 > $OUT/plain2.log 2>&1; summ plain2
for r in cluster1 cluster2 cluster3 plain2; do
  diff <(sed -n '/^Pareto/,/^baselines/p' $OUT/plain1.log) <(sed -n '/^Pareto/,/^baselines/p' $OUT/$r.log) >/dev/null && echo "$r: front identical to plain1" || echo "$r: FRONT DIFFERS"
done
