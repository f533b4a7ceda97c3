#!/usr/bin/env bash
# Exports every kernel of kernels/lmul-e4m3 and kernels/lmul-e5m2 (C and Java, next to the DSL
# file) and checks each exported C kernel with the independent exhaustive check
# kernels/lmul-check.c, printing one line per kernel: exact pairs and, on the core pairs, mean and
# max |relative error| and bias against the exact product.
# Usage: scripts/lmul-kernels.sh [--check-only]   (from the repository root; needs ./numevo and cc)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in kernels/lmul-e4m3 kernels/lmul-e5m2; do
  case $dir in
    *e4m3) fmt=E4M3FN ;;
    *e5m2) fmt=E5M2 ;;
  esac
  for k in "$dir"/*.kernel; do
    name=$(awk '$1 == "kernel" {print $2; exit}' "$k")
    if [ "${1:-}" != "--check-only" ]; then
      ./numevo export "$k" --lang c -o "$dir/$name.c" --force
      ./numevo export "$k" --lang java -o "$dir" --force
    fi
    cc -std=c99 -O2 -ffp-contract=off -DFMT_$fmt -DKERNEL="$name" -include "$dir/$name.c" \
      kernels/lmul-check.c -lm -o "$tmp/check"
    printf '%-40s %s\n' "$k" "$("$tmp/check")"
  done
done
