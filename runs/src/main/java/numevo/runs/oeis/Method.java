package numevo.runs.oeis;

/** The stage of the cascade whose recurrence was chosen, or none. */
public enum Method {
  /** A classical guesser: Berlekamp-Massey, else the P-recursive guesser. */
  CLASSICAL,
  /** numevo's exact form fits ({@code RecurrenceFitter}). */
  FIT,
  /** numevo's evolutionary search. */
  SEARCH,
  /** No stage found a recurrence reproducing every training term. */
  NONE;

  /** The name in the journal and the report. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The method of a label. */
  static Method of(String label) {
    return valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }
}
