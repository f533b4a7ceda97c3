package numevo.targets.floats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A fast e^x or 2^x on columns of float32 inputs, with a proven error bound: the fast reference of
 * the {@link CertificateVerifier}. One loop of float64 arithmetic without tables, branches or
 * integer work, which the JIT vectorizes; no allocation.
 *
 * <p><b>Algorithm.</b> {@code f(x) = 2^K (1 + q)}. For e^x: {@code K = rint(x / ln 2)}, {@code t =
 * (x - K C1) - K C2} with {@code ln 2 = C1 + C2 + C3} ({@code C1} has 42 significant bits, {@code
 * |C3| < 2^-95}), both steps by fma, and {@code q = e^t - 1} by its degree-14 Taylor polynomial
 * {@code t (1 + t (1/2! + t (1/3! + ...)))} in Horner form with fma. For 2^x: {@code K = rint(x)},
 * {@code r = x - K}, and {@code q = 2^r - 1} by the same polynomial with {@code ln 2} folded into
 * the coefficients, {@code (ln 2)^i / i!}. The outputs are {@code hi = 1 + q}, {@code lo = (1 - hi)
 * + q} (Fast2Sum: {@code hi + lo = 1 + q} exactly, as {@code |q| < 1}), the bound {@code err}, the
 * scale {@code K} and {@code inv = 1/hi}; the value is {@code 2^K (hi + lo)}, within {@code 2^K
 * err} of f(x).
 *
 * <p><b>Error bound</b>, for float32 x with {@code |x| <= 745} (e^x) or {@code |x| <= 1075} (2^x):
 * {@code |1 + q - f(x) 2^-K| <= err = 2^-49 |q| + [K != 0] 2^-82}. Proof sketch, with u = 2^-53:
 *
 * <ol>
 *   <li>Reduction. |t| <= ln2/2 (1 + 2^-40) < 0.3466 (|r| <= 1/2 for 2^x). e^x, K = 0: t = x
 *       exactly. K != 0: |K| < 2^11, so K C1 is exact (53 bits); |x| >= 0.34 makes x a multiple of
 *       2^-25 and K C1 one of 2^-42, so x - K C1 (below 1/2) is exact and the first fma does not
 *       round; the second rounds once (u|t|) and K C3 adds below 2^-84: t is within u|t| + 2^-84 of
 *       x - K ln 2. 2^x: r = x - K is exact (both multiples of ulp(x), |r| <= 1/2).
 *   <li>Polynomial. Truncation after degree 14: |t|^15/15! e^|t| < 2^-61 |t|. Horner: every step
 *       rounds once (u) and its coefficient was rounded to nearest (u); each inner partial result
 *       enters the next step multiplied by |t| and divided by the next step's value, a ratio below
 *       0.25, so the computed polynomial is within 1.6u (relative) of the exact one, and q = t p
 *       within 2.6u + u (the rounded ln 2 in the leading coefficient of 2^x) + the reduction error
 *       times d ln(e^t - 1)/dt <= 1.2/|t|. With |t| <= 1.2 |q|: |q_computed - q_true| <= 5u|q| + [K
 *       != 0] 1.2 * 2^-84 <= 2^-49 |q| + [K != 0] 2^-82.
 *   <li>hi + lo = 1 + q_computed exactly, so the bound carries over; scaling by 2^K is exact for a
 *       normal result; lo may be rounded once below the normal range (at most 2^-1075), which the
 *       caller covers.
 * </ol>
 *
 * Relative to the value ({@code 1 + q >= 0.7}), the bound is below 2^-49.
 *
 * <p><b>Vectorized evaluation.</b> {@link CertificateLanes} evaluates the same formula lane by lane
 * with the same operations in the same order (fma, mul, add, div, min, max, abs), except {@code
 * rint}: there {@code K = (v + 1.5 2^52) - 1.5 2^52}, which for {@code |v| < 2^51} (here {@code |v|
 * <= 1076 / ln 2}) is the same integer rounded to nearest, ties to even (the sum lies in [2^52,
 * 2^53), where the spacing is 1, and 1.5 2^52 is even), and differs from {@code Math.rint} only in
 * giving +0 where it gives -0. A zero K enters {@code t} as a product with a zero sign flipped,
 * which changes t only when x is a zero (t is then a zero of the other sign), and then q is a zero,
 * hi = 1 and lo = +0 either way: every output, hence the bound and its proof above, is the same.
 */
final class FastExp {
  private FastExp() {}

  /** Which function. */
  enum Kind {
    /** e^x. */
    EXP,
    /** 2^x. */
    EXP2
  }

  /** The degree of the polynomial. */
  static final int DEGREE = 14;

  /** 1/ln 2 (only picks K: its rounding is covered by the 2^-40 on |t|). */
  static final double INV_LN2 = 0x1.71547652b82fep0;

  /** ln 2 = C1 + C2 + C3, C1 with 42 significant bits, |C3| < 2^-95. */
  static final double C1;

  static final double C2;

  /** Taylor coefficients of (e^t - 1)/t (A, A[i] = 1/(i+1)!) and of (2^r - 1)/r (B). */
  private static final double[] A = new double[DEGREE];

  private static final double[] B = new double[DEGREE];

  static {
    MathContext mc = new MathContext(60, RoundingMode.HALF_EVEN);
    BigDecimal ln2 = BigMath.ln2(mc);
    C1 = Double.longBitsToDouble(Double.doubleToRawLongBits(ln2.doubleValue()) & ~((1L << 11) - 1));
    C2 = ln2.subtract(new BigDecimal(C1)).doubleValue();
    BigDecimal fact = BigDecimal.ONE;
    BigDecimal pow = BigDecimal.ONE;
    for (int i = 0; i < DEGREE; i++) {
      fact = fact.multiply(BigDecimal.valueOf(i + 1));
      pow = pow.multiply(ln2, mc);
      A[i] = BigDecimal.ONE.divide(fact, mc).doubleValue();
      B[i] = pow.divide(fact, mc).doubleValue();
    }
  }

  /**
   * The coefficient of {@code t^i} in the polynomial of {@code kind}: {@code 1/(i+1)!} for e^x,
   * {@code (ln 2)^(i+1)/(i+1)!} for 2^x, rounded to nearest.
   */
  static double coefficient(Kind kind, int i) {
    return switch (kind) {
      case EXP -> A[i];
      case EXP2 -> B[i];
    };
  }

  /**
   * Computes f at {@code x[0 .. n)}: the value is {@code 2^k[i] (hi[i] + lo[i])}, within {@code
   * 2^k[i] err[i]} of f(x[i]) per the class comment, and {@code inv[i] = 1/hi[i]}. For x outside
   * the ranges there (NaN, infinities, large |x|) the outputs are meaningless but harmless.
   */
  static void compute(
      Kind kind,
      double[] x,
      int n,
      double[] hi,
      double[] lo,
      double[] err,
      double[] k,
      double[] inv) {
    switch (kind) {
      case EXP -> exp(x, n, hi, lo, err, k, inv);
      case EXP2 -> exp2(x, n, hi, lo, err, k, inv);
    }
  }

  private static void exp(
      double[] x, int n, double[] hi, double[] lo, double[] err, double[] k, double[] inv) {
    final double c1 = C1;
    final double c2 = C2;
    final double a0 = A[0];
    final double a1 = A[1];
    final double a2 = A[2];
    final double a3 = A[3];
    final double a4 = A[4];
    final double a5 = A[5];
    final double a6 = A[6];
    final double a7 = A[7];
    final double a8 = A[8];
    final double a9 = A[9];
    final double a10 = A[10];
    final double a11 = A[11];
    final double a12 = A[12];
    final double a13 = A[13];
    for (int i = 0; i < n; i++) {
      double xi = Math.max(-746.0, Math.min(746.0, x[i]));
      double kd = Math.rint(xi * INV_LN2);
      double t = Math.fma(-kd, c2, Math.fma(-kd, c1, xi));
      double p = Math.fma(t, a13, a12);
      p = Math.fma(t, p, a11);
      p = Math.fma(t, p, a10);
      p = Math.fma(t, p, a9);
      p = Math.fma(t, p, a8);
      p = Math.fma(t, p, a7);
      p = Math.fma(t, p, a6);
      p = Math.fma(t, p, a5);
      p = Math.fma(t, p, a4);
      p = Math.fma(t, p, a3);
      p = Math.fma(t, p, a2);
      p = Math.fma(t, p, a1);
      p = Math.fma(t, p, a0);
      double q = t * p;
      double h = 1 + q;
      hi[i] = h;
      lo[i] = (1 - h) + q;
      err[i] = Math.abs(q) * 0x1p-49 + Math.min(Math.abs(kd), 1.0) * 0x1p-82;
      k[i] = kd;
      inv[i] = 1 / h;
    }
  }

  private static void exp2(
      double[] x, int n, double[] hi, double[] lo, double[] err, double[] k, double[] inv) {
    final double b0 = B[0];
    final double b1 = B[1];
    final double b2 = B[2];
    final double b3 = B[3];
    final double b4 = B[4];
    final double b5 = B[5];
    final double b6 = B[6];
    final double b7 = B[7];
    final double b8 = B[8];
    final double b9 = B[9];
    final double b10 = B[10];
    final double b11 = B[11];
    final double b12 = B[12];
    final double b13 = B[13];
    for (int i = 0; i < n; i++) {
      double xi = Math.max(-1076.0, Math.min(1076.0, x[i]));
      double kd = Math.rint(xi);
      double r = xi - kd;
      double p = Math.fma(r, b13, b12);
      p = Math.fma(r, p, b11);
      p = Math.fma(r, p, b10);
      p = Math.fma(r, p, b9);
      p = Math.fma(r, p, b8);
      p = Math.fma(r, p, b7);
      p = Math.fma(r, p, b6);
      p = Math.fma(r, p, b5);
      p = Math.fma(r, p, b4);
      p = Math.fma(r, p, b3);
      p = Math.fma(r, p, b2);
      p = Math.fma(r, p, b1);
      p = Math.fma(r, p, b0);
      double q = r * p;
      double h = 1 + q;
      hi[i] = h;
      lo[i] = (1 - h) + q;
      err[i] = Math.abs(q) * 0x1p-49;
      k[i] = kd;
      inv[i] = 1 / h;
    }
  }
}
