package numevo.targets.lmul;

/** The kind of value a code decodes to, for tallying how a kernel's results came out. */
public enum ResultClass {
  /** NaN, whatever its sign or payload. */
  NAN("nan"),
  /** A signed infinity. */
  INF("inf"),
  /** A signed zero. */
  ZERO("zero"),
  /** A nonzero subnormal value. */
  SUBNORMAL("subnormal"),
  /** A normal finite value. */
  NORMAL("normal");

  private final String key;

  ResultClass(String key) {
    this.key = key;
  }

  /** The lower-case name used in reports and JSON. */
  public String key() {
    return key;
  }

  /**
   * The class of a decoded value.
   *
   * @param value a value of a format
   * @param minNormal that format's smallest positive normal value
   */
  public static ResultClass of(double value, double minNormal) {
    if (Double.isNaN(value)) {
      return NAN;
    }
    double m = Math.abs(value);
    if (m == Double.POSITIVE_INFINITY) {
      return INF;
    }
    if (m == 0.0) {
      return ZERO;
    }
    return m < minNormal ? SUBNORMAL : NORMAL;
  }
}
