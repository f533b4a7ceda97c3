package numevo.evolver.search;

import java.util.List;
import java.util.function.ToLongFunction;
import numevo.evolver.fitness.FrontEntry;
import numevo.hashing.cache.CacheStats;

/**
 * What a search found and did.
 *
 * @param front the run's Pareto front, by increasing cost
 * @param history the statistics of every generation this call ran, in order (a resumed search's
 *     start after its state)
 * @param caches the final statistics of each island's equivalence cache
 * @param evaluations full scorings made
 * @param stopReason which limit stopped the search
 * @param timings where the time went (not deterministic; accumulated over resumes)
 * @param generation the generations run in all, resumed ones included
 */
public record SearchResult(
    List<FrontEntry> front,
    List<GenerationStats> history,
    List<CacheStats> caches,
    long evaluations,
    String stopReason,
    Timings timings,
    long generation) {

  /** Copies the lists. */
  public SearchResult {
    front = List.copyOf(front);
    history = List.copyOf(history);
    caches = List.copyOf(caches);
  }

  /**
   * The sum of one per-generation counter over the whole run, e.g. {@code
   * total(GenerationStats::scored)}.
   */
  public long total(ToLongFunction<GenerationStats> counter) {
    long sum = 0;
    for (GenerationStats g : history) {
      sum += counter.applyAsLong(g);
    }
    return sum;
  }

  /** The number of generations run in all ({@link #generation()}). */
  public long generations() {
    return generation;
  }

  /** The smallest error on the front, {@code +Inf} if empty. */
  public double bestError() {
    return front.stream()
        .mapToDouble(e -> e.fitness().error())
        .min()
        .orElse(Double.POSITIVE_INFINITY);
  }
}
