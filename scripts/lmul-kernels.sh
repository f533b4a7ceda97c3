#!/usr/bin/env bash
# Exports every kernel of kernels/lmul-e4m3, lmul-e5m2 and lmul-bf16 (C and Java, beside the DSL
# file), scores it with numevo (FP8: all 65,536 pairs; bf16: the target's stratified sample) and
# checks the exported C with the independent checks kernels/lmul-check.c (FP8, all pairs) and
# kernels/lmul-check-bf16.c (bf16, every mantissa pair; it prints the pairs and mismatches only).
# One line per kernel:
#   numevo: ops, energy (pJ, the target's model), exact fraction, core mean and max |rel. error|;
#   C check: exact pairs, core mean, max and bias (mean signed relative error); for bf16 the
#   mismatches over every mantissa pair, then kernels/lmul-core-bf16.c's core figures (all
#   16,384 mantissa pairs with both operands in [1, 2): exact pairs, mean, max and bias).
# Usage (from the repository root; needs ./numevo, python3 and cc):
#   scripts/lmul-kernels.sh            export, score and check
#   scripts/lmul-kernels.sh --check    score and check only (exports untouched)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in kernels/lmul-e4m3 kernels/lmul-e5m2 kernels/lmul-bf16; do
  case $dir in
    *e4m3) fmt=E4M3FN target=lmul-e4m3 ;;
    *e5m2) fmt=E5M2 target=lmul-e5m2 ;;
    *bf16) fmt=BF16 target=lmul-bf16 ;;
  esac
  for k in "$dir"/*.kernel; do
    name=$(awk '$1 == "kernel" {print $2; exit}' "$k")
    if [ "${1:-}" != "--check" ]; then
      ./numevo export "$k" --lang c -o "$dir/$name.c" --force
      ./numevo export "$k" --lang java -o "$dir" --force
    fi
    score=$(./numevo score "$k" --target "$target" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("%2d ops %.1f pJ exact %6.2f%% core mean %.3f%% max %.2f%%" % (d["ops"], d["cost"],
      100 * d["exact_fraction"], 100 * d["core_mean_rel_err"], 100 * d["core_max_rel_err"]))')
    if [ $fmt = BF16 ]; then
      # bfloat16: every mantissa pair at many exponents (126M pairs, about 5 s of CPU)
      cc -std=c99 -O2 -ffp-contract=off -DKERNEL="$name" -include "$dir/$name.c" \
        kernels/lmul-check-bf16.c -lm -o "$tmp/check"
      cc -std=c99 -O2 -ffp-contract=off -DKERNEL="$name" -include "$dir/$name.c" \
        kernels/lmul-core-bf16.c -lm -o "$tmp/core"
    else
      cc -std=c99 -O2 -ffp-contract=off -DFMT_$fmt -DKERNEL="$name" -include "$dir/$name.c" \
        kernels/lmul-check.c -lm -o "$tmp/check"
    fi
    check=$("$tmp/check" | tail -n 1)
    [ $fmt = BF16 ] && check="$check | core: $("$tmp/core")"
    printf '%-18s %-22s %s | C: %s\n' "$dir" "$name" "$score" "$check"
  done
done
