#!/usr/bin/env bash
# Kill/resume the hard way: a search is killed with SIGKILL at random moments, resumed each time,
# and must end exactly as an uninterrupted run of the same options.
#
#   scripts/kill-resume.sh [-k KILLS] [-g GENERATIONS] [-s SEED] [-m MAX_MS] [-r RANDOM_SEED]
#                          [-d WORKDIR] [-- extra search flags...]
#
# Defaults: 10 kills, exp2 for 200 generations (10-25 s on a shared 2-core machine), seed 1,
# WORKDIR /tmp/numevo-kill-resume (emptied first). It runs the reference REF=WORKDIR/ref without
# interruption, then the same search in WORKDIR/run, killing the JVM (kill -9) and running
# `numevo resume` again, KILLS times, then one last resume to the end. A third of the kills come
# 0.3 s to MAX_MS (3000) after the start (the JVM's start, before the manifest, the store or the
# first checkpoint: the resume starts over), the others within a second after the process stored
# one more generation (mid-search: the resume continues from its last checkpoint). After
# each kill the store must pass SQLite's integrity check and hold at least the generations it
# held before (none lost). At the end `numevo replay RUN` must exit 0 and every generation
# column except elapsed_ms, the front and the discoveries (without times) must equal REF's.
# A kill before the run's manifest exists leaves no run: the search is started again.
# Exit 0 when all is identical, 1 on any difference. Needs the sqlite3 command
# (apt-get install sqlite3). It builds nothing itself: ./numevo builds its jar if sources changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NUMEVO="$ROOT/numevo"
KILLS=10
GENS=200
MAXMS=3000
SEED=1
RSEED=$$
WORK=/tmp/numevo-kill-resume
while getopts "k:g:s:m:r:d:" o; do
  case "$o" in
    k) KILLS="$OPTARG" ;;
    g) GENS="$OPTARG" ;;
    s) SEED="$OPTARG" ;;
    m) MAXMS="$OPTARG" ;;
    r) RSEED="$OPTARG" ;;
    d) WORK="$OPTARG" ;;
    *) sed -n '2,20p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
command -v sqlite3 >/dev/null || { echo "kill-resume: needs sqlite3 (apt-get install sqlite3)" >&2; exit 2; }

fail() { echo "kill-resume: FAILED: $*" >&2; exit 1; }
RANDOM=$RSEED
rm -rf "$WORK"
mkdir -p "$WORK"
REF="$WORK/ref"
RUN="$WORK/run"
LOG="$WORK/log.txt"
OPTS=(exp2 --generations "$GENS" --seed "$SEED" --checkpoint-every 0 --progress 100 "$@")

"$NUMEVO" --version >/dev/null # builds the jar now if needed, not while timing kills
t0=$(date +%s.%N)
"$NUMEVO" search "${OPTS[@]}" --run-dir "$REF" >"$WORK/ref.txt" 2>&1 || fail "the reference run failed: see $WORK/ref.txt"
t1=$(date +%s.%N)
printf 'kill-resume: reference run of %s generations took %.1f s (random seed %s)\n' \
  "$GENS" "$(echo "$t1 - $t0" | bc)" "$RSEED"

q() { sqlite3 -batch "$1/run.db" "$2"; }
# The last stored generation (0 while the store or its tables do not exist yet).
stored() {
  if [ -f "$RUN/run.db" ] && [ "$(q "$RUN" "SELECT count(*) FROM sqlite_master WHERE name = 'generations'")" = 1 ]; then
    q "$RUN" "SELECT coalesce(max(generation), 0) FROM generations"
  else
    echo 0
  fi
}

# Starts the run (search if there is no run yet, else resume) in the background; sets PID.
# The launcher execs java, so $! is the JVM's pid once it has started.
start() {
  if [ -f "$RUN/manifest.json" ]; then
    echo "== resume" >>"$LOG"
    "$NUMEVO" resume "$RUN" --checkpoint-every 0 --progress 100 >>"$LOG" 2>&1 &
    resumes=$((resumes + 1))
  else
    echo "== search" >>"$LOG"
    rm -rf "$RUN"
    "$NUMEVO" search "${OPTS[@]}" --run-dir "$RUN" >>"$LOG" 2>&1 &
  fi
  PID=$!
}

# Whether the process runs (an ended one stays a zombie until waited for).
alive() { ps -o stat= -p "$PID" 2>/dev/null | grep -qv Z; }

kills=0
resumes=0
restarts=0
before=0
finished=0
start
attempt=0
while [ "$kills" -lt "$KILLS" ]; do
  attempt=$((attempt + 1))
  if [ $((attempt % 3)) -eq 1 ]; then
    # Any moment from the start: JVM start, before the manifest, the store, the first checkpoint.
    ms=$((300 + (RANDOM * 32768 + RANDOM) % (MAXMS - 299)))
    when="after $ms ms"
  else
    # A moment while it searches: once it has stored one more generation, within a second.
    while alive && [ "$(stored 2>/dev/null || echo 0)" -le "$before" ]; do
      sleep 0.1
    done
    ms=$((RANDOM % 1000))
    when="$ms ms after a new generation was stored"
  fi
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  what=$(ps -o comm= -p "$PID" || true)
  kill -9 "$PID" 2>/dev/null || true
  rc=0
  wait "$PID" 2>/dev/null || rc=$?
  if [ "$rc" -ne 137 ]; then
    # It had ended before the kill: finished (0) or failed.
    [ "$rc" -eq 0 ] || fail "numevo exited with $rc before it was killed: $(grep -v WARNING "$LOG" | tail -n1)"
    finished=1
    break
  fi
  kills=$((kills + 1))
  if [ -f "$RUN/run.db" ]; then
    check=$(q "$RUN" "PRAGMA integrity_check" 2>&1) || fail "after kill $kills the store is unreadable: $check"
    [ "$check" = ok ] || fail "after kill $kills the store is corrupt: $check"
  fi
  now=$(stored)
  [ "$now" -ge "$before" ] || fail "after kill $kills the store holds $now generations, before $before"
  printf 'kill %d %s (%s): %d generations stored\n' "$kills" "$when" "${what:-gone}" "$now"
  echo "== killed $when ($what), $now generations stored" >>"$LOG"
  [ -f "$RUN/manifest.json" ] || restarts=$((restarts + 1))
  before=$now
  start
done
if [ "$finished" -eq 0 ]; then
  wait "$PID" || fail "the last resume failed: see $LOG"
fi
[ -f "$RUN/manifest.json" ] || fail "no run in $RUN"

[ "$(q "$RUN" "SELECT value FROM meta WHERE key = 'status'")" = finished ] || fail "the run's status is not finished"
"$NUMEVO" replay "$RUN" >"$WORK/replay.txt" 2>&1 || fail "numevo replay: $(tail -n1 "$WORK/replay.txt")"
cols=$(q "$REF" "SELECT group_concat(name, ', ') FROM pragma_table_info('generations') WHERE name <> 'elapsed_ms'")
q "$REF" "SELECT $cols FROM generations ORDER BY generation" >"$WORK/ref.gen"
q "$RUN" "SELECT $cols FROM generations ORDER BY generation" >"$WORK/run.gen"
n=$(wc -l <"$WORK/ref.gen")
[ "$n" -eq "$GENS" ] || fail "the reference holds $n generations, not $GENS"
diff -q "$WORK/ref.gen" "$WORK/run.gen" >/dev/null || fail "generations differ: diff $WORK/ref.gen $WORK/run.gen"
FRONT="SELECT position, cost, error, generation, island, kernel FROM front ORDER BY position"
[ "$(q "$REF" "$FRONT")" = "$(q "$RUN" "$FRONT")" ] || fail "the fronts differ"
FOUND="SELECT generation, island, cost, error, kernel FROM discoveries ORDER BY id"
[ "$(q "$REF" "$FOUND")" = "$(q "$RUN" "$FOUND")" ] || fail "the discoveries differ"
echo "kill-resume: $(tail -n1 "$WORK/replay.txt")"
echo "kill-resume: $kills kills, resumed $resumes times$([ "$restarts" -eq 0 ] || echo " ($restarts of the kills came before the run existed: its search was started again)"), all generations identical ($n generations, front identical)"
