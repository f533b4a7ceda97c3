#!/usr/bin/env bash
# core figures of every front kernel of a search output dir: ops, pJ, exact %, core mean/max %
d=$1; t=$2   # usage: front.sh OUTDIR TARGET (a numevo search --out directory)
for k in $d/front*.kernel; do
  /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar /tmp/lmul/search/numevo.jar score $k --target $t --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("%-28s %2d ops %.1f pJ loss %.4f exact %6.2f%% core mean %.3f%% max %.2f%% special %d" % (sys.argv[1].split("/")[-1], d["ops"], d["cost"], d["loss"], 100*d["exact_fraction"], 100*d["core_mean_rel_err"], 100*d["core_max_rel_err"], d["special_mismatches"]))' $k
done
