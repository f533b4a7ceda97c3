// Kernel exp2_horner6_search (float32), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's float (IEEE binary32) arithmetic; sqrt, rint and floor
//   go through double, which is exact;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel exp2_horner6_search in float32, exported from numevo. */
public final class Exp2Horner6Search {
  private Exp2Horner6Search() {}

  /**
   * Computes kernel exp2_horner6_search.
   *
   * @param x a float32 value
   * @return t5, a float32 value
   */
  public static float apply(float x) {
    float t0 = Math.fma(x, 2.2283783E-4f, 0.0012274763f); // t0 = fma x 2.2283783E-4 0.0012274763
    float t1 = Math.fma(x, t0, 0.0096957935f); // t1 = fma x t0 0.0096957935
    float t2 = Math.fma(x, t1, 0.05547579f); // t2 = fma x t1 0.05547579
    float t3 = Math.fma(x, t2, 0.24023116f); // t3 = fma x t2 0.24023116
    float t4 = Math.fma(x, t3, 0.69314694f); // t4 = fma x t3 0.69314694
    float t5 = Math.fma(x, t4, 1.0f); // t5 = fma x t4 1.0
    return t5;
  }
}
