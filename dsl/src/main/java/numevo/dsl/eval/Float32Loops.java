package numevo.dsl.eval;

/**
 * Column loops of float32 kernels: plain Java {@code float} arithmetic, which is IEEE binary32.
 * Each loop is a small static method of simple form so that C2 unrolls and vectorizes it.
 */
final class Float32Loops {
  private Float32Loops() {}

  static void add(float[] a, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] + b[i];
    }
  }

  static void sub(float[] a, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] - b[i];
    }
  }

  static void mul(float[] a, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] * b[i];
    }
  }

  static void div(float[] a, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] / b[i];
    }
  }

  static void fma(float[] a, float[] b, float[] c, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Math.fma(a[i], b[i], c[i]);
    }
  }

  static void neg(float[] a, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = -a[i];
    }
  }

  static void abs(float[] a, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Math.abs(a[i]);
    }
  }

  static void min(float[] a, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Math.min(a[i], b[i]);
    }
  }

  static void max(float[] a, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Math.max(a[i], b[i]);
    }
  }

  static void sqrt(float[] a, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (float) Math.sqrt(a[i]);
    }
  }

  static void rint(float[] a, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (float) Math.rint(a[i]);
    }
  }

  static void floor(float[] a, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (float) Math.floor(a[i]);
    }
  }

  static void lt(float[] a, float[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] < b[i] ? 1 : 0;
    }
  }

  static void le(float[] a, float[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] <= b[i] ? 1 : 0;
    }
  }

  static void eq(float[] a, float[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] == b[i] ? 1 : 0;
    }
  }

  static void select(int[] c, float[] a, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = c[i] != 0 ? a[i] : b[i];
    }
  }

  static void toi(float[] a, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (int) Math.rint(a[i]);
    }
  }

  static void trunc(float[] a, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (int) a[i];
    }
  }

  static void itof(int[] a, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = (float) a[i];
    }
  }

  static void bits(float[] a, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Float.floatToIntBits(a[i]); // canonical NaN, as the DSL's bits requires
    }
  }

  static void frombits(int[] a, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Float.intBitsToFloat(a[i]);
    }
  }

  // Variants with a literal operand: a scalar the JIT keeps in a register (broadcast when
  // vectorized), instead of a column read from memory.

  static void addK(float[] a, float k, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] + k;
    }
  }

  static void subK(float[] a, float k, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] - k;
    }
  }

  static void kSub(float k, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = k - b[i];
    }
  }

  static void mulK(float[] a, float k, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] * k;
    }
  }

  static void divK(float[] a, float k, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] / k;
    }
  }

  static void kDiv(float k, float[] b, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = k / b[i];
    }
  }

  static void fmaCCK(float[] a, float[] b, float k, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Math.fma(a[i], b[i], k);
    }
  }

  static void fmaCKC(float[] a, float k, float[] c, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Math.fma(a[i], k, c[i]);
    }
  }

  static void fmaCKK(float[] a, float k, float m, float[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = Math.fma(a[i], k, m);
    }
  }
}
