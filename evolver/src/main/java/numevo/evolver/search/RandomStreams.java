package numevo.evolver.search;

import java.util.SplittableRandom;

/**
 * The random generators of a search, one per island and generation (and one per migration), derived
 * from the run's seed alone. A generator is a function of (seed, stream, generation), so the state
 * of a search at a barrier needs no generator state: a resumed run draws exactly what the
 * uninterrupted run drew, whatever the batches of generations between barriers were.
 */
final class RandomStreams {
  /** The stream of migrations. */
  static final int MIGRATION = -1;

  private RandomStreams() {}

  /**
   * The generator of island {@code island} for generation {@code generation} (0: the first
   * population), or of the migration after generation {@code generation} for {@link #MIGRATION}.
   */
  static SplittableRandom of(long seed, int stream, long generation) {
    long h = mix(seed ^ 0x7365_6172_6368_5f73L);
    h = mix(h ^ (stream + 2L) * 0x9e37_79b9_7f4a_7c15L);
    h = mix(h ^ generation * 0xc2b2_ae3d_27d4_eb4fL);
    return new SplittableRandom(h);
  }

  /** SplitMix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
    return z ^ (z >>> 31);
  }
}
