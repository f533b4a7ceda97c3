package numevo.targets.lmul;

import java.util.Objects;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.format.Saturation;

/**
 * The exact reference for a list of operand pairs, computed once: for each pair the exact real
 * product, its correctly rounded code, and its {@link ProductCategory}. Immutable.
 *
 * <p>The product of two values of a format of at most 16 bits is exact in binary64 (at most 2 x 8
 * significant bits, exponents far inside binary64's range), so the reference is one {@code double}
 * multiplication and one {@link NumberFormat#encode(double, Saturation)}: round to nearest even,
 * with the given overflow policy. {@link Saturation#NONE} (the default) matches the DSL's own
 * {@code mul}: an overflow gives Inf, or NaN in e4m3fn.
 *
 * <p>The <em>core</em> pairs are those where the bit-add family is expected to behave as its
 * analysis says: both operands normal, the sum of their unbiased exponents in the normal range
 * {@code [emin, emax]}, and the correctly rounded product normal. There the code sum {@code (a &
 * ~sign) + (b & ~sign) - (bias << m)} has a normal exponent field, so Mitchell's relative error
 * lies in {@code [-1/9, 0]}.
 */
public final class ProductReference {
  private final OperandPairs pairs;
  private final Saturation saturation;
  private final NumberFormat format;
  private final int[] code;
  private final boolean[] nan;
  private final double[] exact;
  private final double[] rounded;
  private final byte[] category;
  private final boolean[] core;
  private final int[] categoryCounts;
  private final int coreCount;

  private ProductReference(OperandPairs pairs, Saturation saturation) {
    this.pairs = pairs;
    this.saturation = saturation;
    this.format = pairs.format();
    int n = pairs.size();
    code = new int[n];
    nan = new boolean[n];
    exact = new double[n];
    rounded = new double[n];
    category = new byte[n];
    core = new boolean[n];
    categoryCounts = new int[ProductCategory.values().length];
    int emax = (1 << format.exponentBits()) - 2 - format.bias();
    int cores = 0;
    for (int i = 0; i < n; i++) {
      double x = format.decode(pairs.a(i));
      double y = format.decode(pairs.b(i));
      double p = x * y;
      ProductCategory c = categorize(x, y, p);
      exact[i] = p;
      code[i] = (int) format.encode(p, saturation);
      rounded[i] = format.decode(code[i]);
      nan[i] = Double.isNaN(rounded[i]);
      category[i] = (byte) c.ordinal();
      categoryCounts[c.ordinal()]++;
      if (c == ProductCategory.NORMAL
          && Math.abs(x) >= format.minNormal()
          && Math.abs(y) >= format.minNormal()) {
        int e = Math.getExponent(x) + Math.getExponent(y);
        core[i] = e >= format.minExponent() && e <= emax;
        cores += core[i] ? 1 : 0;
      }
    }
    coreCount = cores;
  }

  private ProductCategory categorize(double x, double y, double p) {
    boolean zx = x == 0.0;
    boolean zy = y == 0.0;
    boolean ix = Double.isInfinite(x);
    boolean iy = Double.isInfinite(y);
    if (Double.isNaN(x) || Double.isNaN(y) || (ix && zy) || (zx && iy)) {
      return ProductCategory.NAN_OPERAND;
    }
    if (ix || iy) {
      return ProductCategory.INF_OPERAND;
    }
    if (zx || zy) {
      return ProductCategory.ZERO_OPERAND;
    }
    double r = format.round(p);
    // Rounded without saturation, so that the category does not depend on the policy.
    if (Double.isNaN(r) || Double.isInfinite(r)) {
      return ProductCategory.OVERFLOW;
    }
    if (r == 0.0) {
      return ProductCategory.UNDERFLOW;
    }
    return Math.abs(r) < format.minNormal() ? ProductCategory.SUBNORMAL : ProductCategory.NORMAL;
  }

  /**
   * The reference for the given pairs.
   *
   * @param pairs the operand pairs, never null
   * @param saturation the overflow policy of the correctly rounded product, never null
   */
  public static ProductReference of(OperandPairs pairs, Saturation saturation) {
    Objects.requireNonNull(pairs, "pairs");
    Objects.requireNonNull(saturation, "saturation");
    return new ProductReference(pairs, saturation);
  }

  /** The operand pairs. */
  public OperandPairs pairs() {
    return pairs;
  }

  /** The overflow policy of the correctly rounded product. */
  public Saturation saturation() {
    return saturation;
  }

  /** Number of pairs. */
  public int size() {
    return code.length;
  }

  /** The correctly rounded product's code for pair {@code i}. */
  public int code(int i) {
    return code[i];
  }

  /** The exact real product of pair {@code i} (NaN or Inf where the category says so). */
  public double exact(int i) {
    return exact[i];
  }

  /** The correctly rounded product of pair {@code i}, as a value. */
  public double rounded(int i) {
    return rounded[i];
  }

  /** The category of pair {@code i}. */
  public ProductCategory category(int i) {
    return ProductCategory.values()[category[i]];
  }

  /** Whether pair {@code i} is a core pair (see the class comment). */
  public boolean core(int i) {
    return core[i];
  }

  /** How many pairs fall in a category. */
  public int count(ProductCategory c) {
    return categoryCounts[c.ordinal()];
  }

  /** How many pairs are core pairs. */
  public int coreCount() {
    return coreCount;
  }

  // Raw views for the scorer's tight loop; never handed out.
  int[] codes() {
    return code;
  }

  boolean[] nans() {
    return nan;
  }

  double[] exacts() {
    return exact;
  }

  double[] roundeds() {
    return rounded;
  }

  byte[] categories() {
    return category;
  }

  boolean[] cores() {
    return core;
  }
}
