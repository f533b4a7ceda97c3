package numevo.runs.exec;

import java.util.Locale;
import numevo.evolver.search.IslandConfig;
import numevo.evolver.search.SearchResult;
import numevo.evolver.search.Stat;
import numevo.evolver.search.Timings;
import numevo.runs.cli.Plural;

/**
 * How fast a search went, in the terms of issue 6: what was counted, per second, and where the time
 * went. Three counts are kept apart because they differ by an order of magnitude:
 *
 * <ul>
 *   <li>candidates proposed: new kernels (offspring, replacements) the evaluator received;
 *   <li>of those, answered by the cache (hits and same-generation duplicates: no scoring) or scored
 *       in full;
 *   <li>scorings: full evaluations of a kernel on the training sample and measurements of its
 *       error, by the search (its scored candidates) and by constant tuning (each constant vector
 *       tried is one scoring). The "candidates scored per second" is this rate.
 * </ul>
 *
 * @param result the search's result
 * @param points the training sample's size
 * @param sample what one scoring measures on, for the text (e.g. "the 1024 training points")
 * @param islands the islands and threads
 * @param loadBefore the machine's 1-minute load average when the search started (NaN if unknown)
 * @param loadAfter the same when it ended
 */
record Throughput(
    SearchResult result,
    int points,
    String sample,
    IslandConfig islands,
    double loadBefore,
    double loadAfter) {

  static Throughput of(
      SearchResult result,
      int points,
      String sample,
      IslandConfig islands,
      double loadBefore,
      double loadAfter) {
    return new Throughput(result, points, sample, islands, loadBefore, loadAfter);
  }

  double seconds() {
    return result.timings().elapsed().toNanos() / 1e9;
  }

  long proposed() {
    return result.total(g -> g.get(Stat.PROPOSED));
  }

  long answeredByCache() {
    return result.total(
        g -> g.get(Stat.CACHE_HITS) - g.get(Stat.AUDITS) + g.get(Stat.DUPLICATE_HITS));
  }

  long scored() {
    return result.total(g -> g.get(Stat.SCORED));
  }

  long tuningScorings() {
    return result.total(g -> g.get(Stat.TUNING_SCORINGS));
  }

  long scorings() {
    return scored() + tuningScorings();
  }

  private double perSecond(long count) {
    return count / Math.max(1e-9, seconds());
  }

  /** The human-readable summary, several lines, each ending in a newline. */
  String text() {
    Timings t = result.timings();
    return String.format(
        Locale.ROOT,
        "stopped (%s) after %s in %.1f s (%s on %s; load average"
            + " %.1f at the start, %.1f at the end)%n"
            + "candidates: %,d proposed = %,.0f/s; %,d answered by the cache (no scoring), %,d"
            + " scored%n"
            + "scorings (one kernel evaluated and measured on %s): %,d of"
            + " candidates + %,d by constant tuning = %,d = %,.0f/s%n"
            + "time (the islands' steps, %.1f s summed over islands): %s%n",
        result.stopReason(),
        Plural.of(result.generations(), "generation"),
        seconds(),
        Plural.of(islands.islands(), "island"),
        Plural.of(islands.threads(), "thread"),
        loadBefore,
        loadAfter,
        proposed(),
        perSecond(proposed()),
        answeredByCache(),
        scored(),
        sample,
        scored(),
        tuningScorings(),
        scorings(),
        perSecond(scorings()),
        t.islandSteps().toNanos() / 1e9,
        t.shares());
  }

  /** The figures as tab-separated {@code key, value} lines with a header line. */
  String tsv() {
    StringBuilder b = new StringBuilder("key\tvalue\n");
    put(b, "stop_reason", result.stopReason());
    put(b, "seconds", String.format(Locale.ROOT, "%.3f", seconds()));
    put(b, "generations", result.generations());
    put(b, "islands", islands.islands());
    put(b, "threads", islands.threads());
    put(b, "training_points", points);
    put(b, "load_average_start", String.format(Locale.ROOT, "%.2f", loadBefore));
    put(b, "load_average_end", String.format(Locale.ROOT, "%.2f", loadAfter));
    put(b, "proposed", proposed());
    put(b, "answered_by_cache", answeredByCache());
    put(b, "scored", scored());
    put(b, "tuning_scorings", tuningScorings());
    put(b, "scorings", scorings());
    put(b, "proposed_per_s", String.format(Locale.ROOT, "%.0f", perSecond(proposed())));
    put(b, "scored_per_s", String.format(Locale.ROOT, "%.0f", perSecond(scored())));
    put(b, "scorings_per_s", String.format(Locale.ROOT, "%.0f", perSecond(scorings())));
    Timings t = result.timings();
    put(b, "share_selection", pct(t, t.selection()));
    put(b, "share_alteration", pct(t, t.alteration()));
    put(b, "share_hashing", pct(t, t.hashing()));
    put(b, "share_scoring", pct(t, t.scoring()));
    put(b, "share_tuning", pct(t, t.tuning()));
    put(b, "share_other", pct(t, t.other()));
    return b.toString();
  }

  private static String pct(Timings t, java.time.Duration d) {
    return String.format(Locale.ROOT, "%.1f", t.share(d));
  }

  private static void put(StringBuilder b, String key, Object value) {
    b.append(key).append('\t').append(value).append('\n');
  }
}
