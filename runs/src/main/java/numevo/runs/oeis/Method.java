package numevo.runs.oeis;

/** The stage of the cascade whose recurrence was chosen, or none. */
public enum Method {
  /** A classical guesser: Berlekamp-Massey, else the P-recursive guesser. */
  CLASSICAL,
  /** numevo's exact form fits ({@code RecurrenceFitter}). */
  FIT,
  /** numevo's P-recursive guesser with order up to 8 and degree up to 6 ({@link Guesses}). */
  PREC_HIGH,
  /** The classical guessers on the first differences ({@link Guesses}). */
  DIFFERENCES,
  /** The classical guessers on the partial sums ({@link Guesses}). */
  PARTIAL_SUMS,
  /** The classical guessers on the even and odd terms separately ({@link Guesses}). */
  BISECTIONS,
  /** The classical guessers on the inverse Euler transform ({@link Guesses}). */
  EULER,
  /** The classical guessers on the Moebius transform ({@link Guesses}). */
  MOEBIUS,
  /** The classical guessers on the sums over divisors ({@link Guesses}). */
  DIVISOR_SUMS,
  /** A sequence multiplicative on its training terms ({@link Multiplicative}). */
  MULTIPLICATIVE,
  /** A divide-and-conquer recurrence in {@code a(floor(n/k))} ({@link Regular}). */
  REGULAR,
  /** A triangle read by rows with a linear relation between neighbours ({@link Triangle}). */
  TRIANGLE,
  /** The classical guessers on 3 or 4 multisections separately ({@link Guesses}). */
  MULTISECTIONS,
  /** The classical guessers on the binomial or inverse binomial transform ({@link Guesses}). */
  BINOMIAL,
  /** The classical guessers on the inverse exponential transform ({@link Transforms}). */
  EXP,
  /** The classical guessers on the inverse INVERT transform ({@link Transforms}). */
  INVERT,
  /** The classical guessers on the Euler transform ({@link Transforms}). */
  EULER_FORWARD,
  /** numevo's evolutionary search. */
  SEARCH,
  /** No stage found a recurrence reproducing every training term. */
  NONE;

  /** The name in the journal and the report. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The method of a label. */
  static Method of(String label) {
    return valueOf(label.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }

  /** The extended guesser named at the start of a {@link Guesses} stage's solver ("label: ..."). */
  static Method ofGuess(String by) {
    int colon = by.indexOf(':');
    return of(colon < 0 ? by : by.substring(0, colon));
  }
}
