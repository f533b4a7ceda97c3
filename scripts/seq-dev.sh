#!/usr/bin/env bash
# Runs `numevo search seq` from scratch on every sequence of a table like dev.tsv and prints one
# line per sequence: id, name, verdict, held-out terms predicted, the recurrence, seconds.
#
#   scripts/seq-dev.sh [TABLE] [TIME] [OUTDIR] [extra search flags...]
#
# TABLE defaults to ../shared/data/sequences/dev.tsv, TIME to 60s, OUTDIR to
# /tmp/numevo-seq-dev; each run's output (progress, front, verdict) is kept in OUTDIR/ID.txt and
# its --out directory in OUTDIR/ID/. Sequences run one after another (each search uses every core).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TABLE="${1:-$ROOT/../shared/data/sequences/dev.tsv}"
TIME="${2:-60s}"
OUT="${3:-/tmp/numevo-seq-dev}"
shift $(( $# < 3 ? $# : 3 ))
mkdir -p "$OUT"
"$ROOT/numevo" --version >/dev/null 2>&1 || "$ROOT/numevo" --help >/dev/null
printf 'id\tname\tverdict\theld_out\trecurrence\tseconds\n'
grep -v '^#' "$TABLE" | while IFS=$'\t' read -r id name offset terms; do
  [ -n "$id" ] || continue
  start=$(date +%s.%N)
  # Each search is a stored run (OUTDIR/runs/ID) and exports its front to OUTDIR/ID, both
  # replaced when the script runs again.
  rm -rf "$OUT/runs/$id"
  "$ROOT/numevo" search seq --data "$TABLE" --id "$id" --time "$TIME" --out "$OUT/$id" --force \
    --run-dir "$OUT/runs/$id" "$@" > "$OUT/$id.txt" 2>&1 || true
  end=$(date +%s.%N)
  verdict=$(sed -n 's/^verdict: //p' "$OUT/$id.txt" | head -n1)
  heldout=$(sed -n 's/^  held-out terms predicted: //p' "$OUT/$id.txt" | head -n1)
  formula=$(sed -n '/^best recurrence/{n;s/^  //p}' "$OUT/$id.txt" | head -n1)
  printf '%s\t%s\t%s\t%s\t%s\t%.0f\n' "$id" "$name" "${verdict:-error, see $OUT/$id.txt}" \
    "$heldout" "$formula" "$(echo "$end - $start" | bc)"
done
