package numevo.targets.floats;

/**
 * Error-free transformations and double-double arithmetic (a value as an unevaluated sum {@code hi
 * + lo} with {@code |lo| <= ulp(hi)/2}), enough for a 2^x accurate to about 2^-100. Results of two
 * parts come back through a caller-owned {@code double[2]}: no allocation.
 */
final class DoubleDouble {
  private DoubleDouble() {}

  /** ln 2 as a double-double: hi is ln 2 rounded to double, lo the next 53 bits. */
  static final double LN2_HI = 0x1.62e42fefa39efp-1;

  static final double LN2_LO = 0x1.abc9e3b39803fp-56;

  /** {@code r = a + b} exactly (Knuth's TwoSum). */
  static void twoSum(double a, double b, double[] r) {
    double s = a + b;
    double bb = s - a;
    r[0] = s;
    r[1] = (a - (s - bb)) + (b - bb);
  }

  /** {@code r = a * b} exactly, by fma. */
  static void twoProd(double a, double b, double[] r) {
    double p = a * b;
    r[0] = p;
    r[1] = Math.fma(a, b, -p);
  }

  /** {@code r = (ah + al) + (bh + bl)}, relative error about 2^-104. */
  static void add(double ah, double al, double bh, double bl, double[] r) {
    twoSum(ah, bh, r);
    double s = r[0];
    double e = r[1] + al + bl;
    double h = s + e;
    r[1] = e - (h - s);
    r[0] = h;
  }

  /** {@code r = (ah + al) * (bh + bl)}, relative error about 2^-104. */
  static void mul(double ah, double al, double bh, double bl, double[] r) {
    double p = ah * bh;
    double e = Math.fma(ah, bh, -p) + (ah * bl + al * bh);
    double h = p + e;
    r[1] = e - (h - p);
    r[0] = h;
  }

  /**
   * 2^x for a finite double x with |x| < 1024, as a double-double with relative error below 2^-96:
   * x = n + f with n an integer and |f| <= 1/2; 2^f = e^(f ln 2) by a Taylor series of e^s - 1 at s
   * = f ln 2 / 2^10 and ten squarings of (1 + (e^s - 1)), kept as e^s - 1 so that nothing cancels;
   * then scaled by 2^n.
   *
   * @param r receives hi and lo; hi is 0 or infinite when 2^x underflows or overflows a double
   */
  static void exp2(double x, double[] r) {
    double n = Math.rint(x);
    double f = x - n; // exact
    // t = f * ln 2 as a double-double, then s = t / 2^10 (exact scaling).
    twoProd(f, LN2_HI, r);
    double th = r[0];
    double tl = r[1] + f * LN2_LO;
    double h = th + tl;
    tl = tl - (h - th);
    th = h;
    double sh = Math.scalb(th, -10);
    double sl = Math.scalb(tl, -10);
    // e^s - 1 = s + s^2/2! + ... ; |s| <= 2^-10 * 0.35, so 11 terms reach 2^-120.
    double mh = 0;
    double ml = 0;
    for (int k = 11; k >= 1; k--) {
      // m = s * (1/k + m) ... Horner on s * (1 + s/2 * (1 + s/3 * (...)))
      add(mh, ml, 1.0, 0.0, r);
      mul(r[0], r[1], sh, sl, r);
      double qh = r[0] / k;
      // remainder of the division, to keep double-double precision
      double rem = Math.fma(-qh, k, r[0]) + r[1];
      double ql = rem / k;
      double q = qh + ql;
      ml = ql - (q - qh);
      mh = q;
    }
    // (1 + m)^2 - 1 = m * (2 + m), ten times.
    for (int i = 0; i < 10; i++) {
      add(mh, ml, 2.0, 0.0, r);
      mul(r[0], r[1], mh, ml, r);
      mh = r[0];
      ml = r[1];
    }
    add(1.0, 0.0, mh, ml, r);
    int e = (int) n;
    r[0] = Math.scalb(r[0], e);
    r[1] = Math.scalb(r[1], e);
  }
}
