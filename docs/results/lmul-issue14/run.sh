#!/usr/bin/env bash
# issue 14 increment 3: short searches, one after another (the machine is shared).
set -u
cd /tmp/lmul/search
export NUMEVO_RUNS=/tmp/lmul/search/runs
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar /tmp/lmul/search/numevo.jar"
K=kernels
T=${T:-3m}
run() { # name, args...
  local name=$1; shift
  echo "=== $name: numevo search $* --time $T --out out-$name  (start $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"
  $J search "$@" --time $T --out out-$name > log-$name.txt 2>&1
  echo "exit $? (end $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"
  tail -40 log-$name.txt
}
run e4-scratch lmul-e4m3
run e4-baselines lmul-e4m3 --seed-from @baselines
run e4-blocks lmul-e4m3 --seed-from $K/lmul-e4m3/mitchell17_e4m3fn.kernel $K/lmul-e4m3/corr19_e4m3fn.kernel $K/lmul-e4m3/table25_e4m3fn.kernel
run e4-exact lmul-e4m3 --max-size 64 --seed-from $K/lmul-e4m3/exact_int_e4m3fn.kernel $K/lmul-e4m3/mitchell17_e4m3fn.kernel
run e5-blocks lmul-e5m2 --seed-from $K/lmul-e5m2/mitchell18_e5m2.kernel $K/lmul-e5m2/table24_e5m2.kernel
run e5-exact lmul-e5m2 --max-size 64 --seed-from $K/lmul-e5m2/exact_int_e5m2.kernel $K/lmul-e5m2/mitchell18_e5m2.kernel
echo ALL DONE
