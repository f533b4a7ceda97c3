package numevo.evolver.alter;

/**
 * What a {@link ProgramMutator} did, counted since the last {@link #reset()}. Mutable; used by one
 * island's thread at a time.
 */
public final class MutationCounters {
  private long mutated;
  private long unchanged;
  private long remutations;
  private long sameFunctionKept;
  private long hashNanos;

  /** Counts one offspring mutated. */
  void mutated() {
    mutated++;
  }

  /** Counts one offspring no edit applied to (it stays its parent). */
  void unchanged() {
    unchanged++;
  }

  /** Counts one extra mutation of an offspring that computed a known function. */
  void remutation() {
    remutations++;
  }

  /** Counts one offspring still computing a known function after the last retry. */
  void sameFunctionKept() {
    sameFunctionKept++;
  }

  /** Adds time spent hashing. */
  void addHashNanos(long nanos) {
    hashNanos += nanos;
  }

  /** Nanoseconds spent hashing parents and offspring. */
  public long hashNanos() {
    return hashNanos;
  }

  /** Offspring mutated. */
  public long mutatedCount() {
    return mutated;
  }

  /** Offspring left as their parents because no edit applied. */
  public long unchangedCount() {
    return unchanged;
  }

  /** Extra mutations spent because an offspring computed a known function. */
  public long remutationCount() {
    return remutations;
  }

  /** Offspring kept although they still compute a known function. */
  public long sameFunctionKeptCount() {
    return sameFunctionKept;
  }

  /** Sets every counter to 0. */
  public void reset() {
    mutated = 0;
    unchanged = 0;
    remutations = 0;
    sameFunctionKept = 0;
    hashNanos = 0;
  }
}
