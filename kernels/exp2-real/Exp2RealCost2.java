// Kernel exp2_real_cost2 (float64), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's double (IEEE binary64) arithmetic;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel exp2_real_cost2 in float64, exported from numevo. */
public final class Exp2RealCost2 {
  private Exp2RealCost2() {}

  /**
   * Computes kernel exp2_real_cost2.
   *
   * @param x a float64 value
   * @return t1, a float64 value
   */
  public static double apply(double x) {
    double t0 = 0.9701778316782309 * x; // t0 = mul 0.9701778316782309 x
    double t1 = 0.9701794682320498 + t0; // t1 = add 0.9701794682320498 t0
    return t1;
  }
}
