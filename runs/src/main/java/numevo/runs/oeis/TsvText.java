package numevo.runs.oeis;

/** Text made safe for one cell of a tab-separated line. */
final class TsvText {
  private TsvText() {}

  /** {@code s} with tabs and line breaks replaced by blanks; null as empty. */
  static String clean(String s) {
    return s == null ? "" : s.replaceAll("[\\t\\r\\n]+", " ");
  }
}
