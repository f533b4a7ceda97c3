package numevo.hashing;

/**
 * SplitMix64 (Steele, Lea and Flood 2014), written out here so that probe points, and hence every
 * hash, are the same on every JDK: the JDK's generators may change their bounded-draw algorithms.
 * Not thread-safe.
 */
final class SplitMix64 {
  private static final long GOLDEN = 0x9e37_79b9_7f4a_7c15L;

  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += GOLDEN);
    z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
    return z ^ (z >>> 31);
  }

  /** Uniform in {@code [0, 1)}, 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean nextBoolean() {
    return nextLong() < 0;
  }

  /** Uniform in {@code [0, bound)} for {@code bound > 0}, by rejection (no modulo bias). */
  long nextLong(long bound) {
    long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
    long r;
    do {
      r = nextLong() >>> 1;
    } while (r >= limit);
    return r % bound;
  }

  /** Uniform in {@code [lo, hi]}, inclusive, for {@code lo <= hi} within the int range. */
  int nextInt(int lo, int hi) {
    return (int) (lo + nextLong((long) hi - lo + 1));
  }
}
