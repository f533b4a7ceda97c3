package numevo.targets.floats;

/**
 * The reference values of a column of points, in the form the error loop reads: the exact value as
 * a double-double {@code hi + lo}, the correctly rounded result {@code cr} in the target format,
 * and the ULP of the exact value as {@code 2^ulpExp} with its inverse (and the inverse of |exact|)
 * precomputed, so that the loop multiplies instead of dividing. Mutable and reusable; not
 * thread-safe.
 */
public final class ReferenceColumns {
  final double[] hi;
  final double[] lo;
  final double[] cr;
  final double[] invUlp;
  final double[] invAbs;
  final int[] ulpExp;

  /**
   * @param capacity points per column, at least 0
   */
  public ReferenceColumns(int capacity) {
    hi = new double[capacity];
    lo = new double[capacity];
    cr = new double[capacity];
    invUlp = new double[capacity];
    invAbs = new double[capacity];
    ulpExp = new int[capacity];
  }

  /** Points per column. */
  public int capacity() {
    return hi.length;
  }

  /**
   * Stores point {@code i}.
   *
   * @param hi the exact value's leading part (NaN or infinite for special results)
   * @param lo its trailing part
   * @param cr the correctly rounded result in the target format
   * @param ulpExp the exponent of the exact value's ULP in the target format
   */
  void set(int i, double hi, double lo, double cr, int ulpExp) {
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.cr[i] = cr;
    this.ulpExp[i] = ulpExp;
    this.invUlp[i] =
        ulpExp >= -1023 && ulpExp <= 1022
            ? Double.longBitsToDouble((long) (1023 - ulpExp) << 52)
            : Math.scalb(1.0, -ulpExp); // infinite below 2^-1023: the loop's slow path
    this.invAbs[i] = 1 / Math.abs(hi);
  }

  /** The exact value at point {@code i}, to double precision. */
  public double exact(int i) {
    return hi[i] + lo[i];
  }

  /** The correctly rounded result at point {@code i}. */
  public double correctlyRounded(int i) {
    return cr[i];
  }

  /** The ULP of the exact value at point {@code i}, in the target format. */
  public double ulp(int i) {
    return Math.scalb(1.0, ulpExp[i]);
  }

  /** Copies points {@code [0, n)} of {@code src} to {@code [at, at + n)} of this. */
  void copyFrom(ReferenceColumns src, int n, int at) {
    System.arraycopy(src.hi, 0, hi, at, n);
    System.arraycopy(src.lo, 0, lo, at, n);
    System.arraycopy(src.cr, 0, cr, at, n);
    System.arraycopy(src.invUlp, 0, invUlp, at, n);
    System.arraycopy(src.invAbs, 0, invAbs, at, n);
    System.arraycopy(src.ulpExp, 0, ulpExp, at, n);
  }
}
