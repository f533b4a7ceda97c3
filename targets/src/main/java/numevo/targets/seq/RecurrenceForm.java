package numevo.targets.seq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A structural form of recurrence, {@code a(n) * D = N}, whose coefficients are unknowns that
 * {@link RecurrenceFitter} solves for exactly: a homogeneous linear relation {@code sum_j c_j
 * m_j(n) = 0} among the form's {@link Column}s, monomials {@code n^e a(n-l1) a(n-l2)}. The columns
 * holding {@code a(n)} make up {@code a(n) * D}; the others {@code -N}. The divisor is the
 * structural choice:
 *
 * <ul>
 *   <li>{@link Kind#POLYNOMIAL}: {@code D} is a polynomial in {@code n} of degree {@code d} and
 *       {@code N} a sum of polynomials of degree {@code d} times {@code a(n-1) .. a(n-r)}
 *       (P-recursive recurrences such as Catalan's {@code (n + 1) a(n) = (4n - 2) a(n-1)}; with
 *       {@code d = 0} the constant-coefficient ones), optionally plus a polynomial in {@code n}
 *       alone;
 *   <li>{@link Kind#QUADRATIC}: {@code D} is {@code 1} or an earlier term {@code a(n-k)}, and
 *       {@code N} a quadratic form (with linear and constant terms) in the terms before it, with
 *       constant coefficients (Somos-4: {@code a(n) a(n-4) = a(n-1) a(n-3) + a(n-2)^2}; Sylvester:
 *       {@code a(n) = a(n-1)^2 - a(n-1) + 1}).
 * </ul>
 *
 * @param kind the kind of divisor and numerator
 * @param order the deepest term the form reads, {@code r}
 * @param degree the degree in {@code n} of the coefficients (0 for quadratic forms)
 * @param divisorLag for a quadratic form, the {@code k} of the divisor {@code a(n-k)}, or 0 for
 *     none
 * @param columns the monomials, those with {@code a(n)} first
 */
public record RecurrenceForm(
    Kind kind, int order, int degree, int divisorLag, List<Column> columns) {

  /** The kinds of form. */
  public enum Kind {
    /** A polynomial divisor in {@code n}, a numerator linear in the earlier terms. */
    POLYNOMIAL,
    /** No divisor or an earlier term, a numerator quadratic in the earlier terms. */
    QUADRATIC
  }

  /**
   * A monomial {@code n^power a(n-lag1) a(n-lag2)}; a lag of {@code -1} is no factor, lag 0 is
   * {@code a(n)} itself.
   *
   * @param power the power of {@code n}, at least 0
   * @param lag1 the first term's lag, or -1
   * @param lag2 the second term's lag, or -1 (then {@code lag1} may be anything)
   */
  public record Column(int power, int lag1, int lag2) {
    /** Whether the monomial holds {@code a(n)}. */
    public boolean holdsTerm() {
      return lag1 == 0 || lag2 == 0;
    }
  }

  public RecurrenceForm {
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
    if (order < 1) {
      throw new IllegalArgumentException("order " + order + " below 1");
    }
  }

  /**
   * {@code D(n) a(n) = sum_{i=1..r} P_i(n) a(n-i) [+ Q(n)]}, every polynomial of degree {@code d}.
   *
   * @param r the order, at least 1
   * @param d the degree, at least 0
   * @param inhomogeneous whether the polynomial {@code Q(n)} is there
   */
  public static RecurrenceForm polynomial(int r, int d, boolean inhomogeneous) {
    List<Column> c = new ArrayList<>();
    for (int j = 0; j <= d; j++) {
      c.add(new Column(j, 0, -1));
    }
    for (int i = 1; i <= r; i++) {
      for (int j = 0; j <= d; j++) {
        c.add(new Column(j, i, -1));
      }
    }
    if (inhomogeneous) {
      for (int j = 0; j <= d; j++) {
        c.add(new Column(j, -1, -1));
      }
    }
    return new RecurrenceForm(Kind.POLYNOMIAL, r, d, 0, c);
  }

  /**
   * {@code a(n) [a(n-k)] = } a quadratic form with linear and constant terms in {@code a(n-1) ..
   * a(n-m)}, constant coefficients.
   *
   * @param k the divisor's lag, or 0 for no divisor
   * @param m how many earlier terms the numerator reads, at least 1 (below {@code k} if there is a
   *     divisor)
   */
  public static RecurrenceForm quadratic(int k, int m) {
    if (m < 1 || (k > 0 && m >= k)) {
      throw new IllegalArgumentException(
          "need 1 <= m and m < k when k > 0; got k=" + k + " m=" + m);
    }
    List<Column> c = new ArrayList<>();
    c.add(new Column(0, 0, k > 0 ? k : -1));
    c.add(new Column(0, -1, -1));
    for (int i = 1; i <= m; i++) {
      c.add(new Column(0, i, -1));
    }
    for (int i = 1; i <= m; i++) {
      for (int j = i; j <= m; j++) {
        c.add(new Column(0, i, j));
      }
    }
    return new RecurrenceForm(Kind.QUADRATIC, Math.max(k, m), 0, k, c);
  }

  /** The number of unknown coefficients. */
  public int unknowns() {
    return columns.size();
  }

  /**
   * One line saying what the form is, e.g. {@code "a(n) = quadratic in a(n-1)..a(n-3) / a(n-4)"}.
   */
  public String describe() {
    return switch (kind) {
      case POLYNOMIAL ->
          "a(n) = (sum of P_i(n) a(n-i), i <= "
              + order
              + (columns.size() > (order + 1) * (degree + 1) ? ", + Q(n)" : "")
              + ") / D(n), polynomials of degree "
              + degree;
      case QUADRATIC ->
          "a(n) = quadratic in a(n-1)..a(n-"
              + (divisorLag > 0 ? divisorLag - 1 : order)
              + ")"
              + (divisorLag > 0 ? " / a(n-" + divisorLag + ")" : "");
    };
  }
}
