// Kernel exp2_real_cost10 (float64), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's double (IEEE binary64) arithmetic;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel exp2_real_cost10 in float64, exported from numevo. */
public final class Exp2RealCost10 {
  private Exp2RealCost10() {}

  /**
   * Computes kernel exp2_real_cost10.
   *
   * @param x a float64 value
   * @return t9, a float64 value
   */
  public static double apply(double x) {
    double t0 = (-5783.521800336664) / x; // t0 = div -5783.521800336664 x
    double t1 = x - t0; // t1 = sub x t0
    double t2 = (-15141.91128295323) / t1; // t2 = div -15141.91128295323 t1
    double t3 = t1 - t2; // t3 = sub t1 t2
    double t4 = t3 + (-250.55198934673382); // t4 = add t3 -250.55198934673382
    double t5 = 501.1039787013469 / t4; // t5 = div 501.1039787013469 t4
    double t6 = t5 + 0.9999999999999998; // t6 = add t5 0.9999999999999998
    double t7 = t6 * t6; // t7 = mul t6 t6
    double t8 = t7 * t7; // t8 = mul t7 t7
    double t9 = t8 * t8; // t9 = mul t8 t8
    return t9;
  }
}
