// Kernel rsqrt_cost15 (float32), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's float (IEEE binary32) arithmetic; sqrt, rint and floor
//   go through double, which is exact;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel rsqrt_cost15 in float32, exported from numevo. */
public final class RsqrtCost15 {
  private RsqrtCost15() {}

  /**
   * Computes kernel rsqrt_cost15.
   *
   * @param x a float32 value
   * @return y1, a float32 value
   */
  public static float apply(float x) {
    int i = Float.floatToIntBits(x); // i = bits x
    int h = i >> 1; // h = shr i 1
    int j = 1595932612 - h; // j = sub 1595932612 h
    float y = Float.intBitsToFloat(j); // y = frombits j
    float xy = x * y; // xy = mul x y
    float yb = y * (-0.7039614f); // yb = mul y -0.7039614
    float u = Math.fma(xy, yb, 1.6819214f); // u = fma xy yb 1.6819214
    float y1 = y * u; // y1 = mul y u
    return y1;
  }
}
