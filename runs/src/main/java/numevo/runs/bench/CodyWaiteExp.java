package numevo.runs.bench;

/**
 * e^x in float32 by the algorithm of {@code kernels/exp/exp.kernel}, written plainly in Java: the
 * hand-written baseline {@code builtin:exp-cw} of {@code numevo bench}. It computes the kernel's
 * function bit for bit (every NaN counting as one value; {@code CodyWaiteExpTest} checks it against
 * the kernel file), so timing the two compares the compiler with hand-written code of the same
 * operations.
 *
 * <p>x is clamped to [-104, 89] (no result changes; infinities become the clamp's ends, NaN
 * passes); n = rint(x log2 e) comes from adding a shifter constant, whose float code then holds n
 * plus an exponent bias in its low bits; r = x - n ln 2 by two fmas (ln 2 split in two floats);
 * p(r) is a degree-6 polynomial (c0 = c1 = 1) by Horner's rule with fma; the result is p 2^(n+c)
 * 2^-c, with c = 64 for x < 0 and -64 otherwise, so 2^(n+c) is a normal float and only the last
 * multiply rounds (subnormal results and overflow included).
 */
public final class CodyWaiteExp {
  private CodyWaiteExp() {}

  static final float LOG2E = 0x1.715476p0f;
  static final float LN2_HI = 0x1.62e43p-1f;
  static final float LN2_LO = -0x1.05c61p-29f;
  static final float SHIFT_NEG = 0x1.8p23f + 127 + 64;
  static final float SHIFT_POS = 0x1.8p23f + 127 - 64;
  static final float C2 = 0x1.fffffap-2f;
  static final float C3 = 0x1.55549p-3f;
  static final float C4 = 0x1.555a68p-5f;
  static final float C5 = 0x1.123afep-7f;
  static final float C6 = 0x1.693ebcp-10f;

  /** e^x, within 1 ULP over all floats (the kernel's exhaustive figure, kernels/exp/README.md). */
  public static float exp(float x) {
    float xc = Math.min(Math.max(x, -104f), 89f);
    boolean neg = xc < 0f;
    float shift = neg ? SHIFT_NEG : SHIFT_POS;
    float t = Math.fma(xc, LOG2E, shift);
    float n = t - shift;
    float r = Math.fma(n, -LN2_HI, xc);
    r = Math.fma(n, -LN2_LO, r);
    float p = Math.fma(r, C6, C5);
    p = Math.fma(r, p, C4);
    p = Math.fma(r, p, C3);
    p = Math.fma(r, p, C2);
    p = Math.fma(r, p, 1f);
    p = Math.fma(r, p, 1f);
    float scale = Float.intBitsToFloat(Float.floatToRawIntBits(t) << 23);
    return p * scale * (neg ? 0x1p-64f : 0x1p64f);
  }
}
