package numevo.evolver.search;

import java.time.Duration;

/**
 * Where a search spent its time, summed over islands (so with parallel islands the sum exceeds the
 * elapsed time). Hashing and scoring are measured as the wall time of their parallel phases on each
 * island; the rest of an island's step is Jenetics (selection, alteration bookkeeping) and the
 * edits. Not deterministic; not part of any comparison.
 *
 * @param elapsed wall time of the whole search
 * @param islandSteps the islands' generation steps, summed
 * @param hashing functional hashing, in the evaluator and in the mutator's same-function check
 * @param scoring full scoring of candidates
 * @param tuning constant tuning (its scorings included)
 */
public record Timings(
    Duration elapsed, Duration islandSteps, Duration hashing, Duration scoring, Duration tuning) {

  /** {@code islandSteps - hashing - scoring - tuning}: Jenetics and the program edits. */
  public Duration engine() {
    return islandSteps.minus(hashing).minus(scoring).minus(tuning);
  }

  /** The shares of hashing, scoring, tuning and the rest, as percentages of the islands' steps. */
  public String shares() {
    double total = Math.max(1, islandSteps.toNanos());
    return String.format(
        java.util.Locale.ROOT,
        "hashing %.1f%%, scoring %.1f%%, tuning %.1f%%, Jenetics and edits %.1f%%",
        100 * hashing.toNanos() / total,
        100 * scoring.toNanos() / total,
        100 * tuning.toNanos() / total,
        100 * engine().toNanos() / total);
  }
}
