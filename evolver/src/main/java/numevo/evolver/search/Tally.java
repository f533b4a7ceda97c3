package numevo.evolver.search;

/**
 * The counters of one island during one generation, and the time it spent, folded into {@link
 * GenerationStats} and {@link Timings}. Mutable; used by one island's thread at a time.
 */
final class Tally {
  long proposed;
  long cacheHits;
  long duplicateHits;
  long misses;
  long uncached;
  long audits;
  long falseHits;
  long scored;
  long invalid;
  long deduplicated;
  long tunings;
  long tuningImprovements;
  long tuningEvaluations;
  long intTuningEvaluations;

  // Time, in nanoseconds: measured once per phase and generation, never per candidate.
  long stepNanos;
  long selectNanos;
  long alterNanos;
  long hashNanos;
  long scoreNanos;
  long tuneNanos;

  /** A copy, to keep a generation's values while the island runs the next. */
  Tally copy() {
    Tally t = new Tally();
    t.proposed = proposed;
    t.cacheHits = cacheHits;
    t.duplicateHits = duplicateHits;
    t.misses = misses;
    t.uncached = uncached;
    t.audits = audits;
    t.falseHits = falseHits;
    t.scored = scored;
    t.invalid = invalid;
    t.deduplicated = deduplicated;
    t.tunings = tunings;
    t.tuningImprovements = tuningImprovements;
    t.tuningEvaluations = tuningEvaluations;
    t.intTuningEvaluations = intTuningEvaluations;
    t.stepNanos = stepNanos;
    t.selectNanos = selectNanos;
    t.alterNanos = alterNanos;
    t.hashNanos = hashNanos;
    t.scoreNanos = scoreNanos;
    t.tuneNanos = tuneNanos;
    return t;
  }

  void reset() {
    proposed = 0;
    cacheHits = 0;
    duplicateHits = 0;
    misses = 0;
    uncached = 0;
    audits = 0;
    falseHits = 0;
    scored = 0;
    invalid = 0;
    deduplicated = 0;
    tunings = 0;
    tuningImprovements = 0;
    tuningEvaluations = 0;
    intTuningEvaluations = 0;
    stepNanos = 0;
    selectNanos = 0;
    alterNanos = 0;
    hashNanos = 0;
    scoreNanos = 0;
    tuneNanos = 0;
  }
}
