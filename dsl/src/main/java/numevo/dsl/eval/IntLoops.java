package numevo.dsl.eval;

/**
 * Column loops of exact {@code int} ops on a 64-bit fast path: each loop marks the points whose
 * result does not fit 64 bits in {@code big}; the evaluator redoes those points exactly. Values at
 * marked points are meaningless and never reported.
 */
final class IntLoops {
  private IntLoops() {}

  static void add(long[] a, long[] b, long[] r, boolean[] big, int n) {
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long y = b[i];
      long s = x + y;
      big[i] |= ((x ^ s) & (y ^ s)) < 0;
      r[i] = s;
    }
  }

  static void sub(long[] a, long[] b, long[] r, boolean[] big, int n) {
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long y = b[i];
      long d = x - y;
      big[i] |= ((x ^ y) & (x ^ d)) < 0;
      r[i] = d;
    }
  }

  static void mul(long[] a, long[] b, long[] r, boolean[] big, int n) {
    for (int i = 0; i < n; i++) {
      long x = a[i];
      long y = b[i];
      long lo = x * y;
      big[i] |= Math.multiplyHigh(x, y) != (lo >> 63);
      r[i] = lo;
    }
  }

  static void neg(long[] a, long[] r, boolean[] big, int n) {
    for (int i = 0; i < n; i++) {
      big[i] |= a[i] == Long.MIN_VALUE;
      r[i] = -a[i];
    }
  }

  /**
   * Exact division; throws for a zero or inexact division at an unmarked point.
   *
   * @throws EvaluationException on an inexact or zero division
   */
  static void div(long[] a, long[] b, long[] r, boolean[] big, int n) {
    for (int i = 0; i < n; i++) {
      if (big[i]) {
        continue;
      }
      long x = a[i];
      long y = b[i];
      if (y == 0) {
        throw new EvaluationException("int division by zero");
      }
      if (x == Long.MIN_VALUE && y == -1) {
        big[i] = true;
        continue;
      }
      if (x % y != 0) {
        throw new EvaluationException("inexact int division");
      }
      r[i] = x / y;
    }
  }

  static void lt(long[] a, long[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] < b[i] ? 1 : 0;
    }
  }

  static void le(long[] a, long[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] <= b[i] ? 1 : 0;
    }
  }

  static void eq(long[] a, long[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] == b[i] ? 1 : 0;
    }
  }

  static void select(int[] c, long[] a, long[] b, long[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = c[i] != 0 ? a[i] : b[i];
    }
  }

  static void toint(int[] a, long[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i];
    }
  }
}
