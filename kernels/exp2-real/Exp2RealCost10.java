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
    double t0 = (-22.441428833154603) / x; // t0 = div -22.441428833154603 x
    double t1 = x - t0; // t1 = sub x t0
    double t2 = t1 + (-7.583315002915438); // t2 = add t1 -7.583315002915438
    double t3 = (-1.136287528216863) / t2; // t3 = div -1.136287528216863 t2
    double t4 = t2 + t3; // t4 = add t2 t3
    double t5 = t4 + (-0.2686397183737822); // t5 = add t4 -0.2686397183737822
    double t6 = 15.480155467614843 / t5; // t6 = div 15.480155467614843 t5
    double t7 = t6 + 1.0048722106999022; // t7 = add t6 1.0048722106999022
    double t8 = (-0.0048959487460791245) / t7; // t8 = div -0.0048959487460791245 t7
    double t9 = t7 + t8; // t9 = add t7 t8
    return t9;
  }
}
