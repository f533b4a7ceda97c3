// Kernel exp2_horner6_ranked (float32), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's float (IEEE binary32) arithmetic; sqrt, rint and floor
//   go through double, which is exact;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel exp2_horner6_ranked in float32, exported from numevo. */
public final class Exp2Horner6Ranked {
  private Exp2Horner6Ranked() {}

  /**
   * Computes kernel exp2_horner6_ranked.
   *
   * @param x a float32 value
   * @return t5, a float32 value
   */
  public static float apply(float x) {
    float t0 = Math.fma(x, 2.387619E-4f, 0.001177019f); // t0 = fma x 2.387619E-4 0.001177019
    float t1 = Math.fma(t0, x, 0.009756015f); // t1 = fma t0 x 0.009756015
    float t2 = Math.fma(x, t1, 0.055442728f); // t2 = fma x t1 0.055442728
    float t3 = Math.fma(x, t2, 0.24023913f); // t3 = fma x t2 0.24023913
    float t4 = Math.fma(x, t3, 0.69314635f); // t4 = fma x t3 0.69314635
    float t5 = Math.fma(x, t4, 1.0f); // t5 = fma x t4 1.0
    return t5;
  }
}
