#!/usr/bin/env bash
# Join and failover times: a coordinator and one worker start a search (exp2, 6 islands of 100,
# one thread each); a second worker joins after JOIN_AFTER seconds; the first worker is killed
# with SIGKILL KILL_AFTER seconds after the join. Prints the wall-clock times of the join, the
# kill, and the coordinator's event lines (member joined / runs islands / left / islands rebuilt),
# its summary, and whether the front equals a one-process run's (run first). G=generations (300).
set -u
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=${JAR:-runs/target/numevo.jar}
FL=(-XX:+UseParallelGC -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
  --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)
G=${G:-300}; JOIN_AFTER=${JOIN_AFTER:-20}; KILL_AFTER=${KILL_AFTER:-20}
ARGS=(search exp2 --islands 6 --population 100 --generations $G --seed 1 --progress 1 --threads 1 --rank none)
OUT=${1:?usage: scripts/cluster-events.sh OUTDIR}
mkdir -p $OUT
grep -q "^stopped" $OUT/plain.log 2>/dev/null || { rm -rf $OUT/runs/plain; $J "${FL[@]}" -jar $JAR "${ARGS[@]}" --run-dir $OUT/runs/plain > $OUT/plain.log 2>&1; }
rm -rf $OUT/runs/cluster
$J "${FL[@]}" -jar $JAR "${ARGS[@]}" --run-dir $OUT/runs/cluster --cluster --port 16901 --cluster-name events --min-members 2 > $OUT/cluster.log 2>&1 &
C=$!
sleep 2
$J "${FL[@]}" -jar $JAR worker --join 127.0.0.1:16901 --port 16910 --cluster-name events --threads 1 > $OUT/worker1.log 2>&1 &
W1=$!
until grep -q "gens " $OUT/cluster.log; do sleep 0.5; done
sleep $JOIN_AFTER
echo "worker 2 started: $(date -u +%FT%T.%NZ)"
$J "${FL[@]}" -jar $JAR worker --join 127.0.0.1:16901 --port 16920 --cluster-name events --threads 1 > $OUT/worker2.log 2>&1 &
W2=$!
until grep -q "runs islands" $OUT/cluster.log; do sleep 0.5; done
sleep $KILL_AFTER
echo "worker 1 killed (SIGKILL): $(date -u +%FT%T.%NZ)"
kill -KILL $W1
wait $C
kill -TERM $W2; wait
grep -E "^cluster|^shared|^stopped" $OUT/cluster.log | grep -v coordinating
diff <(sed -n "/^Pareto/,/^baselines/p" $OUT/plain.log) <(sed -n "/^Pareto/,/^baselines/p" $OUT/cluster.log) >/dev/null && echo "front identical to one process" || echo "FRONT DIFFERS"
