// Kernel exp_f32 (float32), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - float ops are Java's float (IEEE binary32) arithmetic; sqrt, rint and floor
//   go through double, which is exact;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel exp_f32 in float32, exported from numevo. */
public final class ExpF32 {
  private ExpF32() {}

  /**
   * Computes kernel exp_f32.
   *
   * @param x a float32 value
   * @return y, a float32 value
   */
  public static float apply(float x) {
    float xa = Math.max(x, (-104.0f)); // xa = max x -104.0
    float xc = Math.min(xa, 89.0f); // xc = min xa 89.0
    int neg = x < 0.0f ? 1 : 0; // neg = lt x 0.0
    float m = Float.intBitsToFloat(0x4b40003f ^ ((0x4b4000bf ^ 0x4b40003f) & -neg)); // m = select neg 1.2583103E7 1.2582975E7
    float t = Math.fma(xc, 1.442695f, m); // t = fma xc 1.442695 m
    float n = t - m; // n = sub t m
    float r1 = Math.fma(n, (-0.6931472f), xc); // r1 = fma n -0.6931472 xc
    float r = Math.fma(n, 1.9046542E-9f, r1); // r = fma n 1.9046542E-9 r1
    float p5 = Math.fma(r, 0.0013780405f, 0.008368849f); // p5 = fma r 0.0013780405 0.008368849
    float p4 = Math.fma(r, p5, 0.041669086f); // p4 = fma r p5 0.041669086
    float p3 = Math.fma(r, p4, 0.1666652f); // p3 = fma r p4 0.1666652
    float p2 = Math.fma(r, p3, 0.4999999f); // p2 = fma r p3 0.4999999
    float p1 = Math.fma(r, p2, 1.0f); // p1 = fma r p2 1.0
    float p0 = Math.fma(r, p1, 1.0f); // p0 = fma r p1 1.0
    int bt = Float.floatToIntBits(t); // bt = bits t
    int sb = bt << 23; // sb = shl bt 23
    float s1 = Float.intBitsToFloat(sb); // s1 = frombits sb
    float y1 = p0 * s1; // y1 = mul p0 s1
    float s2 = Float.intBitsToFloat(0x5f800000 ^ ((0x1f800000 ^ 0x5f800000) & -neg)); // s2 = select neg 5.421011E-20 1.8446744E19
    float y = y1 * s2; // y = mul y1 s2
    return y;
  }
}
