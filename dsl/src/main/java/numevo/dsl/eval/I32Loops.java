package numevo.dsl.eval;

/** Column loops of i32 ops: Java int arithmetic (wrapping; shift counts masked to 5 bits). */
final class I32Loops {
  private I32Loops() {}

  static void add(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] + b[i];
    }
  }

  static void sub(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] - b[i];
    }
  }

  static void mul(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] * b[i];
    }
  }

  static void neg(int[] a, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = -a[i];
    }
  }

  static void shl(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] << b[i];
    }
  }

  static void shr(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] >> b[i];
    }
  }

  static void ushr(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] >>> b[i];
    }
  }

  static void and(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] & b[i];
    }
  }

  static void or(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] | b[i];
    }
  }

  static void xor(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] ^ b[i];
    }
  }

  static void lt(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] < b[i] ? 1 : 0;
    }
  }

  static void le(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] <= b[i] ? 1 : 0;
    }
  }

  static void eq(int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = a[i] == b[i] ? 1 : 0;
    }
  }

  static void select(int[] c, int[] a, int[] b, int[] r, int n) {
    for (int i = 0; i < n; i++) {
      r[i] = c[i] != 0 ? a[i] : b[i];
    }
  }
}
