package numevo.targets.seq;

/**
 * The Berlekamp-Massey solver's settings.
 *
 * @param spare how many training terms beyond {@code 2L} a recurrence of order {@code L} needs: it
 *     must be over-determined, not merely fitted; at least 0
 * @param primes how many primes below 2^31 the modular runs use, in {@code [1, 12]}; their product
 *     bounds the coefficients that can be reconstructed (6 primes: numerators and denominators up
 *     to about 2^92)
 */
public record BmConfig(int spare, int primes) {
  public BmConfig {
    if (spare < 0 || primes < 1 || primes > Modular.PRIMES.length) {
      throw new IllegalArgumentException(
          "need spare >= 0 and primes in [1, "
              + Modular.PRIMES.length
              + "]; got "
              + spare
              + ", "
              + primes);
    }
  }

  /** Two spare terms (the protocol of sequences.md), six primes. */
  public static BmConfig defaults() {
    return new BmConfig(2, 6);
  }
}
