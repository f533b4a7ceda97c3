// Kernel rsqrt_searched15 (float32), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's float (IEEE binary32) arithmetic; sqrt, rint and floor
//   go through double, which is exact;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel rsqrt_searched15 in float32, exported from numevo. */
public final class RsqrtSearched15 {
  private RsqrtSearched15() {}

  /**
   * Computes kernel rsqrt_searched15.
   *
   * @param x a float32 value
   * @return y1, a float32 value
   */
  public static float apply(float x) {
    int i = Float.floatToIntBits(x); // i = bits x
    int h = i >> 1; // h = shr i 1
    int j = 1600108590 - h; // j = sub 1600108590 h
    float y = Float.intBitsToFloat(j); // y = frombits j
    float xy = x * y; // xy = mul x y
    float yb = (-0.2499787f) * y; // yb = mul -0.2499787 y
    float u = Math.fma(xy, yb, 1.1910329f); // u = fma xy yb 1.1910329
    float y1 = y * u; // y1 = mul y u
    return y1;
  }
}
