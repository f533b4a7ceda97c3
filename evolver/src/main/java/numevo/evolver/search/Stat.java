package numevo.evolver.search;

/**
 * The counters of a generation: the one definition of the statistics schema. {@link Tally} (an
 * island's counters), {@link GenerationStats} (a generation's, summed over islands), the history
 * tables and the run store's columns, and the progress line all derive from this list: a new
 * counter is one new constant here.
 *
 * <p>The counts add up: {@code PROPOSED == CACHE_HITS + DUPLICATE_HITS + MISSES + UNCACHED}, and
 * {@code SCORED == MISSES + UNCACHED + AUDITS}. Full scorings of a generation: {@code SCORED +
 * TUNING_SCORINGS}.
 */
public enum Stat {
  /** New candidates (offspring without fitness) the evaluator received. */
  PROPOSED("proposed", "new candidates the evaluator received", true),
  /** Candidates answered by the equivalence cache, audited ones included. */
  CACHE_HITS(
      "cache_hits", "candidates answered by the equivalence cache (audited ones included)", true),
  /** Candidates with the hash of an earlier candidate of the same generation and island. */
  DUPLICATE_HITS(
      "duplicate_hits",
      "candidates with the hash of an earlier candidate of the generation, answered by its score",
      true),
  /** Candidates looked up and not found, then scored. */
  MISSES("misses", "candidates looked up and not found, then scored", false),
  /** Candidates scored without a lookup (no hash). */
  UNCACHED("uncached", "candidates scored without a lookup (no functional hash)", false),
  /** Cache hits re-scored in full by the collision audit. */
  AUDITS("audits", "cache hits re-scored in full by the collision audit", true),
  /** Audits whose full score differed from the cached one. */
  FALSE_HITS("false_hits", "audits whose full score differed from the cached one", true),
  /** Full scorings of candidates. */
  SCORED("scored", "full scorings of candidates", true),
  /** Candidates whose error is infinite. */
  INVALID("invalid", "candidates whose error is infinite", false),
  /** Extra mutations of offspring that computed a known function. */
  REMUTATIONS("remutations", "extra mutations of offspring that computed a known function", true),
  /** Offspring kept although they still computed a known function after the last retry. */
  SAME_FUNCTION_KEPT(
      "same_function_kept", "offspring kept although they computed a known function", false),
  /** Individuals replaced because another of their population computed the same function. */
  DEDUPLICATED(
      "deduplicated",
      "individuals replaced: another of their population computed their function",
      true),
  /** Kernels whose constants were tuned. */
  TUNINGS("tunings", "kernels whose constants were tuned", true),
  /** Tunings that lowered the kernel's error. */
  TUNING_IMPROVEMENTS("tuning_improvements", "tunings that lowered the kernel's error", true),
  /** Scorings spent by constant tuning (not in {@link #SCORED}). */
  TUNING_SCORINGS("tuning_scorings", "scorings spent by constant tuning", true),
  /** Of the tuning scorings, those of the integer climb. */
  INT_TUNING_SCORINGS("int_tuning_scorings", "of the tuning scorings, the integer climb's", true);

  /** The number of counters. */
  public static final int COUNT = values().length;

  private final String column;
  private final String description;
  private final boolean progress;

  Stat(String column, String description, boolean progress) {
    this.column = column;
    this.description = description;
    this.progress = progress;
  }

  /** Whether the progress line shows this counter. */
  public boolean inProgress() {
    return progress;
  }

  /** The counter's name in prose: its column name with spaces. */
  public String label() {
    return column.replace('_', ' ');
  }

  /** The counter's name in tables and the run store: lower case, underscores. */
  public String column() {
    return column;
  }

  /** What the counter counts, one line. */
  public String description() {
    return description;
  }
}
