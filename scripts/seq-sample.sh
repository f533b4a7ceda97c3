#!/usr/bin/env bash
# Runs `numevo search seq` on a fixed sample of an OEIS stripped-format file and prints one line per
# sequence: id, terms, the search's verdict, the best classical solver's held-out count (from the
# baseline rows of the same run), seconds.
#
#   scripts/seq-sample.sh FILE N SEED TIME OUTDIR [extra search flags...]
#
# The sample: the sequences with at least 30 terms, ordered by the MD5 of "SEED:ID", the first N.
# Each run's output is kept in OUTDIR/ID.txt; runs are stored in OUTDIR/runs/ID.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILE="$1"; N="$2"; SEED="$3"; TIME="$4"; OUT="$5"
shift 5
mkdir -p "$OUT"
# OUTDIR/sample.tsv is reused if it is there (the same FILE, N and SEED give the same sample).
if [ ! -s "$OUT/sample.tsv" ]; then
  awk -F, '{ c = 0; for (i = 2; i <= NF; i++) if ($i != "") c++ }
    c >= 30 { sub(/ +$/, "", $1); print $1 "\t" c }' "$FILE" |
    while IFS=$'\t' read -r id n; do
      printf '%s\t%s\t%s\n' "$(printf '%s:%s' "$SEED" "$id" | md5sum | cut -c1-16)" "$id" "$n"
    done | sort | awk -v n="$N" 'NR <= n' | cut -f2,3 > "$OUT/sample.tsv.tmp"
  mv "$OUT/sample.tsv.tmp" "$OUT/sample.tsv"
fi
printf 'id\tterms\tverdict\tbest_solver_held_out\tseconds\n'
while IFS=$'\t' read -r id n; do
  start=$(date +%s.%N)
  rm -rf "$OUT/runs/$id"
  "$ROOT/numevo" search seq --data "$FILE" --id "$id" --time "$TIME" --run-dir "$OUT/runs/$id" \
    "$@" > "$OUT/$id.txt" 2>&1 || true
  end=$(date +%s.%N)
  verdict=$(sed -n '/^verdict: /{s/^verdict: //p; q}' "$OUT/$id.txt")
  # Baseline rows: "<cost> <ops> <train> <loss> <check> exh <k>/<h> <solver>: <kernel>".
  solver=$(sed -n '/^baselines:/,/^check:/p' "$OUT/$id.txt" |
    grep -o ' [0-9]*/[0-9]* [a-z-]*:' | sort -t/ -k1,1nr | sed -n '1{s/^ //; s/:$//; p}' || true)
  printf '%s\t%s\t%s\t%s\t%.0f\n' "$id" "$n" "${verdict:-error, see $OUT/$id.txt}" \
    "${solver:-none}" "$(echo "$end - $start" | bc)"
done < "$OUT/sample.tsv"
