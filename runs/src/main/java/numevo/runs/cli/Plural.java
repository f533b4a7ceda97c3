package numevo.runs.cli;

import java.util.Locale;

/** Counts in messages: "1 island", "2 islands", "1,024 points". */
public final class Plural {
  private Plural() {}

  /**
   * The count and the noun, the noun with an "s" unless the count is 1.
   *
   * @param n the count
   * @param noun the singular noun, e.g. {@code "island"}
   */
  public static String of(long n, String noun) {
    return of(n, noun, noun + "s");
  }

  /** The count and the singular or the given plural noun (for nouns not made plural by "s"). */
  public static String of(long n, String singular, String plural) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
  }
}
