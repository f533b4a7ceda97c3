package numevo.evolver.search;

/**
 * What one generation did, summed over the islands. Every field is a deterministic function of the
 * configuration and seed (nothing here depends on timing or threads), so two runs can be compared
 * field by field.
 *
 * <p>The counts add up: {@code proposed == cacheHits + duplicateHits + misses + uncached}, and
 * {@code scored == misses + uncached + audits}. Full scorings of the generation: {@code scored +
 * tuningEvaluations}.
 *
 * @param generation the generation, from 1
 * @param proposed new candidates (offspring without fitness) the evaluator received
 * @param cacheHits candidates answered by the equivalence cache, audited ones included
 * @param duplicateHits candidates with the hash of an earlier candidate of the same generation and
 *     island, answered by its score
 * @param misses candidates looked up and not found, then scored
 * @param uncached candidates scored without a lookup: no hash (invalid on the probes, or hashing
 *     off or bypassed for exact-int kernels)
 * @param audits cache hits re-scored in full by the collision audit
 * @param falseHits audits whose full score differed from the cached one
 * @param scored full scorings made
 * @param invalid candidates whose error is infinite
 * @param remutations extra mutations of offspring that computed a known function (their parent's or
 *     one in the island's cache)
 * @param sameFunctionKept offspring kept although they still computed a known function after the
 *     last retry
 * @param deduplicated individuals replaced because another in their island's population computed
 *     the same function (at no higher cost)
 * @param tunings kernels whose constants were tuned
 * @param tuningImprovements tunings that lowered the kernel's error
 * @param tuningEvaluations scorings spent by constant tuning (not in {@code scored})
 * @param intTuningEvaluations of those, the scorings of the integer climb
 * @param frontSize kernels on the run's Pareto front after this generation
 * @param bestError the smallest error on the front after this generation ({@code +Inf} if empty)
 */
public record GenerationStats(
    long generation,
    long proposed,
    long cacheHits,
    long duplicateHits,
    long misses,
    long uncached,
    long audits,
    long falseHits,
    long scored,
    long invalid,
    long remutations,
    long sameFunctionKept,
    long deduplicated,
    long tunings,
    long tuningImprovements,
    long tuningEvaluations,
    long intTuningEvaluations,
    int frontSize,
    double bestError) {

  /**
   * These counts and {@code later}'s added up, with {@code later}'s generation, front size and best
   * error: what the generations since a progress line did.
   *
   * @param later the stats of a later generation (or of several, summed)
   * @return the sums
   */
  public GenerationStats plus(GenerationStats later) {
    return new GenerationStats(
        later.generation,
        proposed + later.proposed,
        cacheHits + later.cacheHits,
        duplicateHits + later.duplicateHits,
        misses + later.misses,
        uncached + later.uncached,
        audits + later.audits,
        falseHits + later.falseHits,
        scored + later.scored,
        invalid + later.invalid,
        remutations + later.remutations,
        sameFunctionKept + later.sameFunctionKept,
        deduplicated + later.deduplicated,
        tunings + later.tunings,
        tuningImprovements + later.tuningImprovements,
        tuningEvaluations + later.tuningEvaluations,
        intTuningEvaluations + later.intTuningEvaluations,
        later.frontSize,
        later.bestError);
  }

  /** A one-line summary for progress output. */
  public String summary() {
    return summary(generation);
  }

  /**
   * A one-line summary of generations {@code from} to this one, whose counts this holds (see {@link
   * #plus}).
   *
   * @param from the first generation summed
   * @return the line
   */
  public String summary(long from) {
    String gens = from == generation ? "gen " + generation : "gens " + from + "-" + generation;
    return String.format(
        java.util.Locale.ROOT,
        gens
            + ": proposed %d, scored %d, cache hits %d (+%d dup), false hits %d/%d audited,"
            + " remutated %d, deduplicated %d, tuned %d (%d better, %d scorings, %d on"
            + " integers), front %d,"
            + " best error %.6g",
        proposed,
        scored,
        cacheHits,
        duplicateHits,
        falseHits,
        audits,
        remutations,
        deduplicated,
        tunings,
        tuningImprovements,
        tuningEvaluations,
        intTuningEvaluations,
        frontSize,
        bestError);
  }
}
