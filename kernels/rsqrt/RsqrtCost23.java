// Kernel rsqrt_cost23 (float32), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's float (IEEE binary32) arithmetic; sqrt, rint and floor
//   go through double, which is exact;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel rsqrt_cost23 in float32, exported from numevo. */
public final class RsqrtCost23 {
  private RsqrtCost23() {}

  /**
   * Computes kernel rsqrt_cost23.
   *
   * @param x a float32 value
   * @return y1, a float32 value
   */
  public static float apply(float x) {
    int i = Float.floatToIntBits(x); // i = bits x
    int h = i >> 1; // h = shr i 1
    int j = 1595930112 - h; // j = sub 1595930112 h
    float y = Float.intBitsToFloat(j); // y = frombits j
    float xy = x * y; // xy = mul x y
    float t = xy * y; // t = mul xy y
    float p2 = Math.fma(t, (-0.6940043f), 2.3223195f); // p2 = fma t -0.6940043 2.3223195
    float p1 = Math.fma(p2, t, (-3.0819838f)); // p1 = fma p2 t -3.0819838
    float p0 = Math.fma(p1, t, 2.4526663f); // p0 = fma p1 t 2.4526663
    float y1 = y * p0; // y1 = mul y p0
    return y1;
  }
}
