// Kernel exp2_real_cost3 (float64), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's double (IEEE binary64) arithmetic;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel exp2_real_cost3 in float64, exported from numevo. */
public final class Exp2RealCost3 {
  private Exp2RealCost3() {}

  /**
   * Computes kernel exp2_real_cost3.
   *
   * @param x a float64 value
   * @return t10, a float64 value
   */
  public static double apply(double x) {
    double t8 = x + (-3.406950566907712); // t8 = add x -3.406950566907712
    double t9 = (-8.221687899633519) / t8; // t9 = div -8.221687899633519 t8
    double t10 = t9 + (-1.4140746571405165); // t10 = add t9 -1.4140746571405165
    return t10;
  }
}
