package numevo.dsl.eval;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import numevo.dsl.program.Type;

/**
 * Columns of values for the ports (inputs or outputs) of a program, one primitive array per port:
 * {@code f} as {@code double[]} (values of the kernel's format), {@code i32} as {@code int[]},
 * {@code int} as a {@code long[]} with a {@code BigInteger[]} overlay for values that do not fit 64
 * bits (a non-null overlay entry wins). Mutable and reusable; not thread-safe.
 */
public final class Batch {
  private final Type[] types;
  private final int capacity;
  private final double[][] f;
  private final int[][] i32;
  private final long[][] small;
  private final BigInteger[][] big;

  private Batch(List<Type> types, int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("negative capacity " + capacity);
    }
    this.types = types.toArray(Type[]::new);
    this.capacity = capacity;
    int n = this.types.length;
    f = new double[n][];
    i32 = new int[n][];
    small = new long[n][];
    big = new BigInteger[n][];
    for (int p = 0; p < n; p++) {
      switch (this.types[p]) {
        case F -> f[p] = new double[capacity];
        case I32 -> i32[p] = new int[capacity];
        case INT -> {
          small[p] = new long[capacity];
          big[p] = new BigInteger[capacity];
        }
      }
    }
  }

  /**
   * A batch with one column per port type, each of {@code capacity} points.
   *
   * @param types the port types, never null
   * @param capacity points per column, at least 0
   */
  public static Batch of(List<Type> types, int capacity) {
    return new Batch(types, capacity);
  }

  /** Points per column. */
  public int capacity() {
    return capacity;
  }

  /** Number of ports. */
  public int ports() {
    return types.length;
  }

  /** The type of port {@code p}. */
  public Type type(int p) {
    return types[p];
  }

  /** The {@code f} column of port {@code p}; null if the port is not {@code f}. */
  public double[] f(int p) {
    return f[p];
  }

  /** The {@code i32} column of port {@code p}; null if the port is not {@code i32}. */
  public int[] i32(int p) {
    return i32[p];
  }

  /** The 64-bit part of the {@code int} column of port {@code p}; null if not {@code int}. */
  public long[] intSmall(int p) {
    return small[p];
  }

  /** The big overlay of the {@code int} column of port {@code p}; null if not {@code int}. */
  public BigInteger[] intBig(int p) {
    return big[p];
  }

  /** Sets an {@code int} value, using the overlay only when it does not fit 64 bits. */
  public void setInt(int p, int i, BigInteger v) {
    if (v.bitLength() < 64) {
      small[p][i] = v.longValue();
      big[p][i] = null;
    } else {
      big[p][i] = v;
    }
  }

  /** Reads an {@code int} value (allocates; for tests and edges, not hot paths). */
  public BigInteger getInt(int p, int i) {
    BigInteger b = big[p][i];
    return b != null ? b : BigInteger.valueOf(small[p][i]);
  }

  /** Reads point {@code i} of port {@code p} boxed as the interpreter does. */
  public Object get(int p, int i) {
    return switch (types[p]) {
      case F -> f[p][i];
      case I32 -> i32[p][i];
      case INT -> getInt(p, i);
    };
  }

  /** Writes point {@code i} of port {@code p} from a boxed value as the interpreter takes it. */
  public void set(int p, int i, Object v) {
    switch (types[p]) {
      case F -> f[p][i] = ((Number) v).doubleValue();
      case I32 -> i32[p][i] = ((Number) v).intValue();
      case INT ->
          setInt(
              p, i, v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue()));
    }
  }

  /** Clears the big overlays (after reuse with other values). */
  public void clearBig() {
    for (BigInteger[] b : big) {
      if (b != null) {
        Arrays.fill(b, null);
      }
    }
  }
}
