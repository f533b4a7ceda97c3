package numevo.evolver.search;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a search spent its time, summed over islands (so with parallel islands the sum exceeds the
 * elapsed time). Each phase is timed once per island and generation ({@code System.nanoTime} around
 * the phase, or Jenetics' own phase durations), never per candidate, so the accounting costs
 * nothing measurable. Phases that run in parallel inside an island (hashing, scoring, tuning) count
 * their wall time on that island. Not deterministic; not part of any comparison.
 *
 * @param elapsed wall time of the whole search
 * @param islandSteps the islands' generation steps, summed: the total the shares refer to
 * @param selection Jenetics' offspring and survivor selection; for the Pareto objective this is
 *     where NSGA-II's non-dominated ranking and crowding distances are computed
 * @param alteration Jenetics' alterers without their hashing: the program edits (mutation,
 *     crossover, re-mutation of known functions) and Jenetics' bookkeeping around them
 * @param hashing functional hashing, in the evaluator and in the mutator's same-function check
 * @param scoring full scorings of candidates on the training sample (cache misses, uncached and
 *     audited candidates)
 * @param tuning constant tuning (its scorings included)
 */
public record Timings(
    Duration elapsed,
    Duration islandSteps,
    Duration selection,
    Duration alteration,
    Duration hashing,
    Duration scoring,
    Duration tuning) {

  /** No time at all. */
  public static final Timings ZERO =
      new Timings(
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO);

  /** These times and {@code o}'s added up, phase by phase (a run resumed after another). */
  public Timings plus(Timings o) {
    return new Timings(
        elapsed.plus(o.elapsed),
        islandSteps.plus(o.islandSteps),
        selection.plus(o.selection),
        alteration.plus(o.alteration),
        hashing.plus(o.hashing),
        scoring.plus(o.scoring),
        tuning.plus(o.tuning));
  }

  /**
   * The rest of the islands' steps: Jenetics' age filter (and the random kernels replacing old
   * individuals), the evaluator's cache lookups, fitness and front updates, the deduplication of
   * functions, and Jenetics' glue between phases.
   */
  public Duration other() {
    return islandSteps
        .minus(selection)
        .minus(alteration)
        .minus(hashing)
        .minus(scoring)
        .minus(tuning);
  }

  /** {@code selection + alteration}: the time spent in Jenetics' own phases, edits included. */
  public Duration engine() {
    return selection.plus(alteration);
  }

  /** The shares of each phase, as percentages of the islands' steps, on one line. */
  public String shares() {
    return String.format(
        Locale.ROOT,
        "selection %.1f%%, alteration %.1f%%, hashing %.1f%%, scoring %.1f%%, tuning %.1f%%,"
            + " other %.1f%%",
        share(selection),
        share(alteration),
        share(hashing),
        share(scoring),
        share(tuning),
        share(other()));
  }

  /** A phase's time as a percentage of the islands' steps. */
  public double share(Duration phase) {
    return 100.0 * phase.toNanos() / Math.max(1, islandSteps.toNanos());
  }

  /**
   * The phases as tab-separated lines {@code phase, seconds, percent of the islands' steps}, with a
   * header line; the last two lines are the islands' total and the elapsed wall time.
   */
  public String table() {
    StringBuilder b = new StringBuilder("phase\tseconds\tpercent\n");
    row(b, "selection", selection);
    row(b, "alteration", alteration);
    row(b, "hashing", hashing);
    row(b, "scoring", scoring);
    row(b, "tuning", tuning);
    row(b, "other", other());
    row(b, "island_steps", islandSteps);
    b.append(String.format(Locale.ROOT, "elapsed\t%.3f\t\n", elapsed.toNanos() / 1e9));
    return b.toString();
  }

  private void row(StringBuilder b, String name, Duration d) {
    b.append(String.format(Locale.ROOT, "%s\t%.3f\t%.1f\n", name, d.toNanos() / 1e9, share(d)));
  }
}
