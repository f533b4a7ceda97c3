package numevo.hashing.cache;

import numevo.hashing.Hash128;

/**
 * Told of every false hit the collision audit finds, for logging the colliding pair. Called outside
 * the cache's lock, on the thread that ran the audit; must be thread-safe.
 *
 * @param <V> the fitness type
 * @param <R> the representative type
 */
@FunctionalInterface
public interface FalseHitListener<V, R> {

  /**
   * Reports one false hit.
   *
   * @param key the shared hash
   * @param stored the representative stored under {@code key}
   * @param storedFitness its fitness
   * @param candidate the candidate that hit
   * @param candidateFitness the candidate's fitness, scored in full
   */
  void falseHit(Hash128 key, R stored, V storedFitness, R candidate, V candidateFitness);
}
