package numevo.evolver.search;

import java.util.Arrays;

/**
 * The counters of one island during one generation ({@link Stat}), and the time it spent, folded
 * into {@link GenerationStats} and {@link Timings}. Mutable; used by one island's thread at a time.
 */
final class Tally {
  private final long[] counts = new long[Stat.COUNT];

  // Time, in nanoseconds: measured once per phase and generation, never per candidate.
  long stepNanos;
  long selectNanos;
  long alterNanos;
  long hashNanos;
  long scoreNanos;
  long tuneNanos;

  /** Adds {@code n} to a counter. */
  void add(Stat s, long n) {
    counts[s.ordinal()] += n;
  }

  /** Adds one to a counter. */
  void inc(Stat s) {
    counts[s.ordinal()]++;
  }

  /** A counter's value. */
  long get(Stat s) {
    return counts[s.ordinal()];
  }

  /** Adds every counter into {@code sums}, indexed by {@link Stat#ordinal()}. */
  void addTo(long[] sums) {
    for (int i = 0; i < counts.length; i++) {
      sums[i] += counts[i];
    }
  }

  /** A copy, to keep a generation's values while the island runs the next. */
  Tally copy() {
    Tally t = new Tally();
    System.arraycopy(counts, 0, t.counts, 0, counts.length);
    t.stepNanos = stepNanos;
    t.selectNanos = selectNanos;
    t.alterNanos = alterNanos;
    t.hashNanos = hashNanos;
    t.scoreNanos = scoreNanos;
    t.tuneNanos = tuneNanos;
    return t;
  }

  void reset() {
    Arrays.fill(counts, 0);
    stepNanos = 0;
    selectNanos = 0;
    alterNanos = 0;
    hashNanos = 0;
    scoreNanos = 0;
    tuneNanos = 0;
  }
}
