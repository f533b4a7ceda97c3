// Kernel exp2_real_cost5 (float64), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's double (IEEE binary64) arithmetic;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel exp2_real_cost5 in float64, exported from numevo. */
public final class Exp2RealCost5 {
  private Exp2RealCost5() {}

  /**
   * Computes kernel exp2_real_cost5.
   *
   * @param x a float64 value
   * @return t11, a float64 value
   */
  public static double apply(double x) {
    double t7 = (-25.551311242246545) / x; // t7 = div -25.551311242246545 x
    double t8 = x - t7; // t8 = sub x t7
    double t9 = t8 + (-8.837349206607888); // t9 = add t8 -8.837349206607888
    double t10 = 17.713882247630394 / t9; // t10 = div 17.713882247630394 t9
    double t11 = t10 + 0.9999957407118858; // t11 = add t10 0.9999957407118858
    return t11;
  }
}
