package numevo.evolver.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import numevo.hashing.cache.CacheStats;

/**
 * What one generation did, summed over the islands. Every field is a deterministic function of the
 * configuration and seed (nothing here depends on timing or threads), so two runs can be compared
 * field by field: this is what a replay compares.
 *
 * @param generation the generation, from 1
 * @param counts the counters of {@link Stat}, indexed by {@link Stat#ordinal()} (copied)
 * @param frontSize kernels on the run's Pareto front after this generation
 * @param bestError the smallest error on the front after this generation ({@code +Inf} if empty)
 * @param cache the islands' equivalence caches after this generation, summed
 * @param populationDigests a digest of each island's population after this generation (programs,
 *     ages and fitness), in island order (copied)
 */
public record GenerationStats(
    long generation,
    List<Long> counts,
    int frontSize,
    double bestError,
    CacheStats cache,
    List<Long> populationDigests) {

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException if {@code counts} does not have one value per {@link Stat}
   */
  public GenerationStats {
    counts = List.copyOf(counts);
    if (counts.size() != Stat.COUNT) {
      throw new IllegalArgumentException(
          "expected " + Stat.COUNT + " counts, got " + counts.size());
    }
    Objects.requireNonNull(cache, "cache");
    populationDigests = List.copyOf(populationDigests);
  }

  /** A counter's value. */
  public long get(Stat s) {
    return counts.get(s.ordinal());
  }

  /** Full scorings of this generation: candidates scored and constant tuning's scorings. */
  public long scorings() {
    return get(Stat.SCORED) + get(Stat.TUNING_SCORINGS);
  }

  /**
   * These counts and {@code later}'s added up, with {@code later}'s generation, front, cache and
   * digests: what the generations since a progress line did.
   *
   * @param later the stats of a later generation (or of several, summed)
   * @return the sums
   */
  public GenerationStats plus(GenerationStats later) {
    List<Long> sums = new ArrayList<>(Stat.COUNT);
    for (int i = 0; i < Stat.COUNT; i++) {
      sums.add(counts.get(i) + later.counts.get(i));
    }
    return new GenerationStats(
        later.generation,
        sums,
        later.frontSize,
        later.bestError,
        later.cache,
        later.populationDigests);
  }

  /** A one-line summary for progress output. */
  public String summary() {
    return summary(generation);
  }

  /**
   * A one-line summary of generations {@code from} to this one, whose counts this holds (see {@link
   * #plus}): the counters {@link Stat#inProgress()} marks, the front's size and best error.
   *
   * @param from the first generation summed
   * @return the line
   */
  public String summary(long from) {
    StringBuilder b =
        new StringBuilder(
            from == generation ? "gen " + generation : "gens " + from + "-" + generation);
    String sep = ": ";
    for (Stat s : Stat.values()) {
      if (s.inProgress()) {
        b.append(sep).append(s.label()).append(' ').append(get(s));
        sep = ", ";
      }
    }
    b.append(String.format(Locale.ROOT, ", front %d, best error %.6g", frontSize, bestError));
    return b.toString();
  }

  /** The names of the columns of {@link #row()}: generation, each counter, front and cache. */
  public static List<String> columns() {
    List<String> c = new ArrayList<>();
    c.add("generation");
    for (Stat s : Stat.values()) {
      c.add(s.column());
    }
    c.add("front_size");
    c.add("best_error");
    c.add("cache_entries");
    c.add("cache_evictions");
    return List.copyOf(c);
  }

  /** This generation's values in the order of {@link #columns()}, as text (doubles exactly). */
  public List<String> row() {
    List<String> r = new ArrayList<>();
    r.add(Long.toString(generation));
    for (long v : counts) {
      r.add(Long.toString(v));
    }
    r.add(Integer.toString(frontSize));
    r.add(Double.toString(bestError));
    r.add(Integer.toString(cache.entries()));
    r.add(Long.toString(cache.evictions()));
    return r;
  }
}
