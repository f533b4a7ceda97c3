// Kernel rsqrt_cost19 (float32), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's float (IEEE binary32) arithmetic; sqrt, rint and floor
//   go through double, which is exact;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel rsqrt_cost19 in float32, exported from numevo. */
public final class RsqrtCost19 {
  private RsqrtCost19() {}

  /**
   * Computes kernel rsqrt_cost19.
   *
   * @param x a float32 value
   * @return y1, a float32 value
   */
  public static float apply(float x) {
    int i = Float.floatToIntBits(x); // i = bits x
    int h = i >> 1; // h = shr i 1
    int j = 1600125600 - h; // j = sub 1600125600 h
    float y = Float.intBitsToFloat(j); // y = frombits j
    float xy = x * y; // xy = mul x y
    float t = xy * y; // t = mul xy y
    float p = Math.fma(t, 0.11728967f, (-0.62277234f)); // p = fma t 0.11728967 -0.62277234
    float q = Math.fma(p, t, 1.4867407f); // q = fma p t 1.4867407
    float y1 = y * q; // y1 = mul y q
    return y1;
  }
}
