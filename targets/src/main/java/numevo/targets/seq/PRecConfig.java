package numevo.targets.seq;

/**
 * The P-recursive guesser's settings: it looks for {@code sum_{i=0..r} P_i(n) a(n-i) = 0} with
 * {@code 1 <= r <= maxOrder} and every {@code P_i} of degree at most {@code d <= maxDegree}.
 *
 * @param maxOrder the largest order r, in {@code [1, 8]}
 * @param maxDegree the largest degree d, in {@code [0, 8]}
 * @param spare how many equations beyond the {@code (r+1)(d+1) - 1} that fix a solution up to scale
 *     the training terms must give: {@code train - r >= (r+1)(d+1) - 1 + spare}; at least 0
 * @param primes how many primes below 2^31 the modular runs use, in {@code [1, 12]}
 * @param rejectCommonFactors whether a solution whose {@code P_i} share a factor in {@code n} must
 *     still hold with that factor divided out. Such a factor vanishes at some integer {@code n} and
 *     there switches the equation off, so {@code (n - 9) a(n) = (n - 9) a(n-1)} "fits" a sequence
 *     that is constant except for one jump at {@code n = 9}. On, such masked fits are rejected (and
 *     genuine ones reduced); off, they are accepted as found.
 */
public record PRecConfig(
    int maxOrder, int maxDegree, int spare, int primes, boolean rejectCommonFactors) {
  public PRecConfig {
    if (maxOrder < 1 || maxOrder > 8 || maxDegree < 0 || maxDegree > 8 || spare < 0) {
      throw new IllegalArgumentException(
          "need maxOrder in [1, 8], maxDegree in [0, 8], spare >= 0; got "
              + maxOrder
              + ", "
              + maxDegree
              + ", "
              + spare);
    }
    if (primes < 1 || primes > Modular.PRIMES.length) {
      throw new IllegalArgumentException(
          "primes must be in [1, " + Modular.PRIMES.length + "], got " + primes);
    }
  }

  /**
   * Order and degree up to 3, four spare equations (the protocol of sequences.md), six primes,
   * masked fits rejected.
   */
  public static PRecConfig defaults() {
    return new PRecConfig(3, 3, 4, 6, true);
  }

  /** The same with masked fits accepted or rejected. */
  public PRecConfig withRejectCommonFactors(boolean reject) {
    return new PRecConfig(maxOrder, maxDegree, spare, primes, reject);
  }
}
