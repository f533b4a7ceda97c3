#!/usr/bin/env bash
# issue 14, building blocks: plain search vs +partial-product mutation, +fragment splice, staged
# (normal pairs first), same seeds and generations. Usage: run.sh FMT(e4|e5|bf) SEED GENS [VARIANT...]
# Runs from /tmp/fp8 with a copy of the jar (numevo.jar; JAR=... for another) and of kernels/,
# ScoreFront.java beside it. The recorded runs (docs/RESULTS.md) used the jar of commit cb2ed79
# (xplain, xstaged: 7b2296a) and the kernels of 1c18df2 (exact_int_e5m2 then had 49 ops):
#   mkdir -p /tmp/fp8 && cp runs/target/numevo.jar docs/results/lmul-fp8/{run.sh,ScoreFront.java} /tmp/fp8
#   git archive 1c18df2 kernels | tar -x -C /tmp/fp8
#   for s in 1 2 3; do /tmp/fp8/run.sh e4 $s 40; /tmp/fp8/run.sh e5 $s 40; done
#   JAR=numevo.jar /tmp/fp8/run.sh e4 1 40 xplain xstaged
#   python3 docs/results/lmul-fp8/summarize.py /tmp/fp8
set -u
cd /tmp/fp8
export NUMEVO_RUNS=/tmp/fp8/runs
J="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx2g -XX:+UseParallelGC -jar /tmp/fp8/${JAR:-numevo.jar}"
S="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp /tmp/fp8/numevo.jar ScoreFront.java"
fmt=$1; seed=$2; G=$3; shift 3
K=kernels
case $fmt in
  e4) T=lmul-e4m3; SEEDS="$K/lmul-e4m3/mitchell17_e4m3fn.kernel $K/lmul-e4m3/corr19_e4m3fn.kernel $K/lmul-e4m3/exact_int_e4m3fn.kernel" ;;
  e5) T=lmul-e5m2; SEEDS="$K/lmul-e5m2/mitchell18_e5m2.kernel $K/lmul-e5m2/exact_int_e5m2.kernel" ;;
  bf) T=lmul-bf16; SEEDS="$K/lmul-bf16/mitchell18_bf16.kernel $K/lmul-bf16/offset18_bf16.kernel $K/lmul-bf16/exact_int_bf16.kernel" ;;
esac
run() { # name, args...
  local name=$1; shift
  rm -rf out-$name
  local t0=$(date +%s)
  echo "=== $name: numevo search $T --seed $seed $* --out out-$name (start $(date -u +%T), load $(cut -d' ' -f1 /proc/loadavg))"
  $J search $T --seed $seed "$@" --out out-$name > log-$name.txt 2>&1
  echo "exit $? after $(( $(date +%s) - t0 )) s (load $(cut -d' ' -f1 /proc/loadavg)); $(grep -m1 '^stopped' log-$name.txt)"
}
for v in "${@:-plain partial splice staged}"; do
  for variant in $v; do
    n=$fmt-$variant-s$seed
    case $variant in
      plain) run $n --seed-from $SEEDS --generations $G ;;
      partial) run $n --seed-from $SEEDS --generations $G --mutation partial=1 ;;
      splice) run $n --seed-from $SEEDS --generations $G --mutation splice=1 ;;
      staged)
        run $n-stage1 --seed-from $SEEDS --generations $((G / 2)) --train normal
        run $n --seed-from $SEEDS out-$n-stage1/front*.kernel --generations $((G - G / 2)) ;;
      # The same with the exactness term in the loss (--loss exact): ties rounded to even count.
      xplain) run $n --seed-from $SEEDS --generations $G --loss exact ;;
      xpartial) run $n --seed-from $SEEDS --generations $G --loss exact --mutation partial=1 ;;
      xsplice) run $n --seed-from $SEEDS --generations $G --loss exact --mutation splice=1 ;;
      xstaged)
        run $n-stage1 --seed-from $SEEDS --generations $((G / 2)) --train normal --loss exact
        run $n --seed-from $SEEDS out-$n-stage1/front*.kernel --generations $((G - G / 2)) --loss exact ;;
    esac
    $S $T out-$n | tee score-$n.txt | tail -1
  done
done
