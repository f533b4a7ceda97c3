package numevo.targets.seq;

/**
 * What {@link RecurrenceFitter} tries: polynomial forms ({@link RecurrenceForm#polynomial}) of
 * order up to {@code maxOrder} with constant coefficients and up to {@code maxPolyOrder} with
 * coefficients of degree {@code 1 .. maxDegree}; quadratic forms ({@link RecurrenceForm#quadratic})
 * without divisor reading up to {@code maxQuadraticTerms} earlier terms and with a divisor {@code
 * a(n-k)} for {@code 2 <= k <= maxDivisorLag}. A form is tried only if the training terms give
 * {@code spare} equations beyond the {@code unknowns - 1} that fix a solution up to scale.
 *
 * @param maxOrder the largest order of a constant-coefficient form, in {@code [1, 32]}
 * @param maxPolyOrder the largest order of a form with polynomial coefficients, in {@code [1, 8]}
 * @param maxDegree the largest degree in {@code n}, in {@code [0, 8]}
 * @param maxQuadraticTerms the most earlier terms of a quadratic form without divisor, in {@code
 *     [0, 6]} (0: none)
 * @param maxDivisorLag the largest lag of a divisor {@code a(n-k)}, in {@code [0, 8]} (below 2:
 *     none)
 * @param spare the equations beyond those that fix a solution, at least 0
 * @param primes how many primes the modular runs use, in {@code [1, 12]}
 * @param maxFits the most fits returned, at least 1 (the smallest forms first)
 */
public record FitConfig(
    int maxOrder,
    int maxPolyOrder,
    int maxDegree,
    int maxQuadraticTerms,
    int maxDivisorLag,
    int spare,
    int primes,
    int maxFits) {

  public FitConfig {
    if (maxOrder < 1
        || maxOrder > 32
        || maxPolyOrder < 1
        || maxPolyOrder > 8
        || maxDegree < 0
        || maxDegree > 8
        || maxQuadraticTerms < 0
        || maxQuadraticTerms > 6
        || maxDivisorLag < 0
        || maxDivisorLag > 8
        || spare < 0
        || primes < 1
        || primes > Modular.PRIMES.length
        || maxFits < 1) {
      throw new IllegalArgumentException(
          "fit bounds out of range: "
              + java.util.List.of(
                  maxOrder,
                  maxPolyOrder,
                  maxDegree,
                  maxQuadraticTerms,
                  maxDivisorLag,
                  spare,
                  primes,
                  maxFits));
    }
  }

  /**
   * Constant coefficients up to order 16, polynomial ones up to order 3 and degree 3 (the
   * P-recursive guesser's bounds), quadratic forms in up to 3 earlier terms and divisors up to
   * {@code a(n-6)}, four spare equations (sequences.md's protocol), six primes, three fits.
   */
  public static FitConfig defaults() {
    return new FitConfig(16, 3, 3, 3, 6, 4, 6, 3);
  }
}
