#!/usr/bin/env bash
# Runs a command and samples the resident set size of its process every INTERVAL seconds.
#
#   scripts/rss-sample.sh INTERVAL TSV COMMAND [ARGS...]
#
# Writes TSV with a header and one line per sample: seconds since start, rss_kb (from
# `ps -o rss=`). The command runs in the background with its output left as it is; use it with
# ./numevo (which execs java, so its process id is the JVM's). Ends when the command ends, with
# its exit code.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 INTERVAL TSV COMMAND [ARGS...]" >&2; exit 2; }
interval="$1"; tsv="$2"; shift 2
"$@" &
pid=$!
start=$(date +%s)
printf 'seconds\trss_kb\n' > "$tsv"
while kill -0 "$pid" 2>/dev/null; do
  rss=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || true)
  [ -n "$rss" ] && printf '%d\t%s\n' "$(( $(date +%s) - start ))" "$rss" >> "$tsv"
  sleep "$interval"
done
wait "$pid"
