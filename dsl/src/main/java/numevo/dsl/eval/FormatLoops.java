package numevo.dsl.eval;

import numevo.dsl.format.NumberFormat;

/**
 * Column loops of kernels in float64 and the narrow formats (float16, bfloat16, FP8): values are
 * doubles holding values of the format; each op computes in binary64 and rounds once to the format.
 * That is exact rounding for add, sub and mul (exact in binary64 for operands of at most 24
 * significant bits), and for div and sqrt (binary64 has at least 2p+2 bits); fma rounds the
 * binary64 sum to odd first so that the final rounding is still correct.
 */
final class FormatLoops {
  private FormatLoops() {}

  static void add(NumberFormat f, double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(a[i] + b[i]);
    }
  }

  static void sub(NumberFormat f, double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(a[i] - b[i]);
    }
  }

  static void mul(NumberFormat f, double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(a[i] * b[i]);
    }
  }

  static void div(NumberFormat f, double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(a[i] / b[i]);
    }
  }

  static void fma(NumberFormat f, double[] a, double[] b, double[] c, double[] r, int n) {
    if (f == NumberFormat.FLOAT64) {
      for (int i = 0; i < n; i++) {
        r[i] = Math.fma(a[i], b[i], c[i]);
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      r[i] = f.round(fmaRoundToOdd(a[i], b[i], c[i]));
    }
  }

  /**
   * a*b+c rounded to odd in binary64, for operands of at most 24 significant bits with moderate
   * exponents (so the product is exact). Rounding this once more to a format of at most 51 bits of
   * precision gives the correctly rounded fma.
   */
  static double fmaRoundToOdd(double a, double b, double c) {
    double p = a * b;
    double s = p + c;
    if (!Double.isFinite(s)) {
      return s;
    }
    // Knuth's TwoSum: err is the exact rounding error of p + c.
    double bb = s - p;
    double err = (p - (s - bb)) + (c - bb);
    if (err != 0.0 && (Double.doubleToRawLongBits(s) & 1L) == 0) {
      s = err > 0 ? Math.nextUp(s) : Math.nextDown(s);
    }
    return s;
  }

  static void neg(NumberFormat f, double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(-a[i]);
    }
  }

  static void abs(NumberFormat f, double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(Math.abs(a[i]));
    }
  }

  static void min(NumberFormat f, double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(Math.min(a[i], b[i]));
    }
  }

  static void max(NumberFormat f, double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(Math.max(a[i], b[i]));
    }
  }

  static void sqrt(NumberFormat f, double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(Math.sqrt(a[i]));
    }
  }

  static void rint(NumberFormat f, double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(Math.rint(a[i]));
    }
  }

  static void floor(NumberFormat f, double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round(Math.floor(a[i]));
    }
  }

  static void lt(double[] a, double[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] < b[i] ? 1 : 0;
    }
  }

  static void le(double[] a, double[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] <= b[i] ? 1 : 0;
    }
  }

  static void eq(double[] a, double[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] == b[i] ? 1 : 0;
    }
  }

  static void select(int[] c, double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = c[i] != 0 ? a[i] : b[i];
    }
  }

  static void exp(double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = StrictMath.exp(a[i]);
    }
  }

  static void log(double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = StrictMath.log(a[i]);
    }
  }

  static void sin(double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = StrictMath.sin(a[i]);
    }
  }

  static void cos(double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = StrictMath.cos(a[i]);
    }
  }

  static void tanh(double[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = StrictMath.tanh(a[i]);
    }
  }

  static void pow(double[] a, double[] b, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = StrictMath.pow(a[i], b[i]);
    }
  }

  static void toi(double[] a, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (int) Math.rint(a[i]);
    }
  }

  static void trunc(double[] a, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (int) a[i];
    }
  }

  static void itof(NumberFormat f, int[] a, double[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = f.round((double) a[i]); // every int is exact in binary64: one rounding
    }
  }

  static void bits(NumberFormat f, double[] a, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (int) f.bitsOf(a[i]);
    }
  }

  static void frombits(NumberFormat f, int[] a, double[] r, int n) {
    long mask = f.codeMask();
    for (int i = 0; i < n; i++) {
      r[i] = f.decode(a[i] & mask);
    }
  }
}
