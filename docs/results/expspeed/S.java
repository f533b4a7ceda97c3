public class S {
  static final int KA = Float.floatToRawIntBits(0x1.80017ep23f), KB = Float.floatToRawIntBits(0x1.80007ep23f);
  static final int SA = Float.floatToRawIntBits(0x1p-64f), SB = Float.floatToRawIntBits(0x1p64f);
  static float body(float xc, int neg) {
    float m = Float.intBitsToFloat(KB ^ ((KA ^ KB) & -neg));
    float t = Math.fma(xc, 1.442695f, m);
    float n = t - m;
    float r1 = Math.fma(n, (-0.6931472f), xc);
    float r = Math.fma(n, 1.9046542E-9f, r1);
    float p5 = Math.fma(r, 0.0013780405f, 0.008368849f);
    float p4 = Math.fma(r, p5, 0.041669086f);
    float p3 = Math.fma(r, p4, 0.1666652f);
    float p2 = Math.fma(r, p3, 0.4999999f);
    float p1 = Math.fma(r, p2, 1.0f);
    float p0 = Math.fma(r, p1, 1.0f);
    int bt = Float.floatToIntBits(t);
    float s1 = Float.intBitsToFloat(bt << 23);
    float y1 = p0 * s1;
    float s2 = Float.intBitsToFloat(SB ^ ((SA ^ SB) & -neg));
    return y1 * s2;
  }
  static float a(float x) { // as compiled now
    float xa = Math.max(x, -104f);
    float xc = Math.min(xa, 89f);
    int neg = xc < 0f ? 1 : 0;
    return body(xc, neg);
  }
  static float b(float x) { // neg from x
    int neg = x < 0f ? 1 : 0;
    float xa = Math.max(x, -104f);
    float xc = Math.min(xa, 89f);
    return body(xc, neg);
  }
  static float c(float x) { // neg from x, neg from sign bit (integer)
    int neg = Float.floatToRawIntBits(x) >>> 31;
    float xa = Math.max(x, -104f);
    float xc = Math.min(xa, 89f);
    return body(xc, neg);
  }
  static float d(float x) { // neg from x, clamp via int-select
    int neg = x < 0f ? 1 : 0;
    int lo = x < -104f ? 1 : 0; // x NaN -> 0
    float xa = Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ ((Float.floatToRawIntBits(x) ^ Float.floatToRawIntBits(-104f)) & -lo));
    int hi = xa > 89f ? 1 : 0;
    float xc = Float.intBitsToFloat(Float.floatToRawIntBits(xa) ^ ((Float.floatToRawIntBits(xa) ^ Float.floatToRawIntBits(89f)) & -hi));
    return body(xc, neg);
  }
  interface F { float f(float x); }
  static void loop(F f, float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = f.f(x[i]); }
  static void la(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = a(x[i]); }
  static void lb(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = b(x[i]); }
  static void lc(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = c(x[i]); }
  static void ld(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = d(x[i]); }
  static void le(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = ExpF32.apply(x[i]); }
  static void lo(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = ExpF32Old.apply(x[i]); }
  static void lm(float[] x, float[] y) { for (int i = 0; i < x.length; i++) y[i] = (float) Math.exp(x[i]); }
  interface L { void run(float[] x, float[] y); }
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    double lo = Double.parseDouble(args[1]), hi = Double.parseDouble(args[2]);
    float[] x = new float[n], y = new float[n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int i = 0; i < n; i++) x[i] = (float) (lo + (hi - lo) * r.nextDouble());
    for (float v : new float[] {Float.NaN, 0f, -0f, 1e30f, -1e30f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -90f, 88.7f, -104f, 89f}) {
      int e = Float.floatToIntBits(ExpF32.apply(v));
      if (Float.floatToIntBits(a(v)) != e || Float.floatToIntBits(b(v)) != e || Float.floatToIntBits(c(v)) != e || Float.floatToIntBits(d(v)) != e) throw new AssertionError(v);
    }
    for (int i = 0; i < n; i++) { int e = Float.floatToIntBits(ExpF32.apply(x[i])); if (Float.floatToIntBits(b(x[i])) != e || Float.floatToIntBits(c(x[i])) != e|| Float.floatToIntBits(d(x[i])) != e) throw new AssertionError(x[i]); }
    L[] ls = {S::lm, S::la, S::lb, S::lo, S::le};
    String[] names = {"(float) Math.exp", "as compiled, before (lt xc)", "as compiled, after (lt x)", "ExpF32.java before (?: select)", "ExpF32.java after (mask select)"};
    double[] best = new double[ls.length]; java.util.Arrays.fill(best, 1e99);
    for (int round = 0; round < 25; round++)
      for (int k = 0; k < ls.length; k++) {
        int reps = Math.max(1, 4_000_000 / n);
        long t0 = System.nanoTime();
        for (int q = 0; q < reps; q++) ls[k].run(x, y);
        best[k] = Math.min(best[k], (System.nanoTime() - t0) / (double) reps / n);
      }
    for (int k = 0; k < ls.length; k++) System.out.printf("%-30s %.3f ns  ratio to Math.exp %.3f%n", names[k], best[k], best[k] / best[0]);
  }
}
