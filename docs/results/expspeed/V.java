import jdk.incubator.vector.*;
import static jdk.incubator.vector.VectorOperators.*;

public class V {
  static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
  static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
  static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
  static final VectorSpecies<Integer> I8 = IntVector.SPECIES_256;

  // A: as generated now
  static void a(float[] x, float[] y, int n) {
    int i = 0;
    int ub = F.loopBound(n);
    for (; i < ub; i += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector xa = v.max(FloatVector.broadcast(F, -104f));
      FloatVector xc = xa.min(FloatVector.broadcast(F, 89f));
      IntVector neg = IntVector.zero(I).blend(1, xc.compare(LT, FloatVector.broadcast(F, 0f)).cast(I));
      FloatVector m = FloatVector.broadcast(F, 0x1.80007ep23f).blend(FloatVector.broadcast(F, 0x1.80017ep23f), neg.compare(NE, 0).cast(F));
      FloatVector t = xc.fma(FloatVector.broadcast(F, 0x1.715476p0f), m);
      FloatVector nn = t.sub(m);
      FloatVector r1 = nn.fma(FloatVector.broadcast(F, -0x1.62e43p-1f), xc);
      FloatVector r = nn.fma(FloatVector.broadcast(F, 0x1.05c61p-29f), r1);
      FloatVector p = r.fma(FloatVector.broadcast(F, 0x1.693ebcp-10f), FloatVector.broadcast(F, 0x1.123afep-7f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.555a68p-5f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.55549p-3f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.fffffap-2f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      IntVector bt = t.reinterpretAsInts().blend(0x7fc00000, t.test(IS_NAN).cast(I));
      IntVector sb = bt.lanewise(LSHL, IntVector.broadcast(I, 23));
      FloatVector s1 = sb.reinterpretAsFloats();
      FloatVector y1 = p.mul(s1);
      FloatVector s2 = FloatVector.broadcast(F, 0x1p64f).blend(FloatVector.broadcast(F, 0x1p-64f), neg.compare(NE, 0).cast(F));
      y1.mul(s2).intoArray(y, i);
    }
  }

  // B: masks direct, clamp as compare+blend, bits raw
  static void b(float[] x, float[] y, int n) {
    int i = 0;
    int ub = F.loopBound(n);
    for (; i < ub; i += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector lo = FloatVector.broadcast(F, -104f);
      FloatVector hi = FloatVector.broadcast(F, 89f);
      FloatVector xa = v.blend(lo, v.compare(LT, lo));
      FloatVector xc = xa.blend(hi, xa.compare(GT, hi));
      VectorMask<Float> neg = xc.compare(LT, FloatVector.broadcast(F, 0f));
      FloatVector m = FloatVector.broadcast(F, 0x1.80007ep23f).blend(FloatVector.broadcast(F, 0x1.80017ep23f), neg);
      FloatVector t = xc.fma(FloatVector.broadcast(F, 0x1.715476p0f), m);
      FloatVector nn = t.sub(m);
      FloatVector r1 = nn.fma(FloatVector.broadcast(F, -0x1.62e43p-1f), xc);
      FloatVector r = nn.fma(FloatVector.broadcast(F, 0x1.05c61p-29f), r1);
      FloatVector p = r.fma(FloatVector.broadcast(F, 0x1.693ebcp-10f), FloatVector.broadcast(F, 0x1.123afep-7f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.555a68p-5f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.55549p-3f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.fffffap-2f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      IntVector bt = t.reinterpretAsInts();
      IntVector sb = bt.lanewise(LSHL, 23);
      FloatVector s1 = sb.reinterpretAsFloats();
      FloatVector y1 = p.mul(s1);
      FloatVector s2 = FloatVector.broadcast(F, 0x1p64f).blend(FloatVector.broadcast(F, 0x1p-64f), neg);
      y1.mul(s2).intoArray(y, i);
    }
  }

  // F: B with canonical bits
  static void f(float[] x, float[] y, int n) {
    int i = 0;
    int ub = F.loopBound(n);
    for (; i < ub; i += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector lo = FloatVector.broadcast(F, -104f);
      FloatVector hi = FloatVector.broadcast(F, 89f);
      FloatVector xa = v.blend(lo, v.compare(LT, lo));
      FloatVector xc = xa.blend(hi, xa.compare(GT, hi));
      VectorMask<Float> neg = xc.compare(LT, FloatVector.broadcast(F, 0f));
      FloatVector m = FloatVector.broadcast(F, 0x1.80007ep23f).blend(FloatVector.broadcast(F, 0x1.80017ep23f), neg);
      FloatVector t = xc.fma(FloatVector.broadcast(F, 0x1.715476p0f), m);
      FloatVector nn = t.sub(m);
      FloatVector r1 = nn.fma(FloatVector.broadcast(F, -0x1.62e43p-1f), xc);
      FloatVector r = nn.fma(FloatVector.broadcast(F, 0x1.05c61p-29f), r1);
      FloatVector p = r.fma(FloatVector.broadcast(F, 0x1.693ebcp-10f), FloatVector.broadcast(F, 0x1.123afep-7f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.555a68p-5f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.55549p-3f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.fffffap-2f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      IntVector bt = t.reinterpretAsInts().blend(0x7fc00000, t.test(IS_NAN).cast(I));
      IntVector sb = bt.lanewise(LSHL, 23);
      FloatVector s1 = sb.reinterpretAsFloats();
      FloatVector y1 = p.mul(s1);
      FloatVector s2 = FloatVector.broadcast(F, 0x1p64f).blend(FloatVector.broadcast(F, 0x1p-64f), neg);
      y1.mul(s2).intoArray(y, i);
    }
  }

  // C: only masks direct (Java min/max kept, bits with NaN)
  static void c(float[] x, float[] y, int n) {
    int i = 0;
    int ub = F.loopBound(n);
    for (; i < ub; i += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector xa = v.max(FloatVector.broadcast(F, -104f));
      FloatVector xc = xa.min(FloatVector.broadcast(F, 89f));
      VectorMask<Float> neg = xc.compare(LT, FloatVector.broadcast(F, 0f));
      FloatVector m = FloatVector.broadcast(F, 0x1.80007ep23f).blend(FloatVector.broadcast(F, 0x1.80017ep23f), neg);
      FloatVector t = xc.fma(FloatVector.broadcast(F, 0x1.715476p0f), m);
      FloatVector nn = t.sub(m);
      FloatVector r1 = nn.fma(FloatVector.broadcast(F, -0x1.62e43p-1f), xc);
      FloatVector r = nn.fma(FloatVector.broadcast(F, 0x1.05c61p-29f), r1);
      FloatVector p = r.fma(FloatVector.broadcast(F, 0x1.693ebcp-10f), FloatVector.broadcast(F, 0x1.123afep-7f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.555a68p-5f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.55549p-3f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.fffffap-2f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      IntVector bt = t.reinterpretAsInts().blend(0x7fc00000, t.test(IS_NAN).cast(I));
      IntVector sb = bt.lanewise(LSHL, IntVector.broadcast(I, 23));
      FloatVector s1 = sb.reinterpretAsFloats();
      FloatVector y1 = p.mul(s1);
      FloatVector s2 = FloatVector.broadcast(F, 0x1p64f).blend(FloatVector.broadcast(F, 0x1p-64f), neg);
      y1.mul(s2).intoArray(y, i);
    }
  }

  // D: B in 256-bit
  static void d(float[] x, float[] y, int n) {
    int i = 0;
    int ub = F8.loopBound(n);
    for (; i < ub; i += F8.length()) {
      FloatVector v = FloatVector.fromArray(F8, x, i);
      FloatVector lo = FloatVector.broadcast(F8, -104f);
      FloatVector hi = FloatVector.broadcast(F8, 89f);
      FloatVector xa = v.blend(lo, v.compare(LT, lo));
      FloatVector xc = xa.blend(hi, xa.compare(GT, hi));
      VectorMask<Float> neg = xc.compare(LT, FloatVector.broadcast(F8, 0f));
      FloatVector m = FloatVector.broadcast(F8, 0x1.80007ep23f).blend(FloatVector.broadcast(F8, 0x1.80017ep23f), neg);
      FloatVector t = xc.fma(FloatVector.broadcast(F8, 0x1.715476p0f), m);
      FloatVector nn = t.sub(m);
      FloatVector r1 = nn.fma(FloatVector.broadcast(F8, -0x1.62e43p-1f), xc);
      FloatVector r = nn.fma(FloatVector.broadcast(F8, 0x1.05c61p-29f), r1);
      FloatVector p = r.fma(FloatVector.broadcast(F8, 0x1.693ebcp-10f), FloatVector.broadcast(F8, 0x1.123afep-7f));
      p = r.fma(p, FloatVector.broadcast(F8, 0x1.555a68p-5f));
      p = r.fma(p, FloatVector.broadcast(F8, 0x1.55549p-3f));
      p = r.fma(p, FloatVector.broadcast(F8, 0x1.fffffap-2f));
      p = r.fma(p, FloatVector.broadcast(F8, 1f));
      p = r.fma(p, FloatVector.broadcast(F8, 1f));
      IntVector bt = t.reinterpretAsInts();
      IntVector sb = bt.lanewise(LSHL, 23);
      FloatVector s1 = sb.reinterpretAsFloats();
      FloatVector y1 = p.mul(s1);
      FloatVector s2 = FloatVector.broadcast(F8, 0x1p64f).blend(FloatVector.broadcast(F8, 0x1p-64f), neg);
      y1.mul(s2).intoArray(y, i);
    }
  }

  // E: B with the clamp via min/max kept but bits raw and masks direct
  static void e(float[] x, float[] y, int n) {
    int i = 0;
    int ub = F.loopBound(n);
    for (; i < ub; i += F.length()) {
      FloatVector v = FloatVector.fromArray(F, x, i);
      FloatVector xa = v.max(FloatVector.broadcast(F, -104f));
      FloatVector xc = xa.min(FloatVector.broadcast(F, 89f));
      VectorMask<Float> neg = xc.compare(LT, FloatVector.broadcast(F, 0f));
      FloatVector m = FloatVector.broadcast(F, 0x1.80007ep23f).blend(FloatVector.broadcast(F, 0x1.80017ep23f), neg);
      FloatVector t = xc.fma(FloatVector.broadcast(F, 0x1.715476p0f), m);
      FloatVector nn = t.sub(m);
      FloatVector r1 = nn.fma(FloatVector.broadcast(F, -0x1.62e43p-1f), xc);
      FloatVector r = nn.fma(FloatVector.broadcast(F, 0x1.05c61p-29f), r1);
      FloatVector p = r.fma(FloatVector.broadcast(F, 0x1.693ebcp-10f), FloatVector.broadcast(F, 0x1.123afep-7f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.555a68p-5f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.55549p-3f));
      p = r.fma(p, FloatVector.broadcast(F, 0x1.fffffap-2f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      p = r.fma(p, FloatVector.broadcast(F, 1f));
      IntVector bt = t.reinterpretAsInts();
      IntVector sb = bt.lanewise(LSHL, 23);
      FloatVector s1 = sb.reinterpretAsFloats();
      FloatVector y1 = p.mul(s1);
      FloatVector s2 = FloatVector.broadcast(F, 0x1p64f).blend(FloatVector.broadcast(F, 0x1p-64f), neg);
      y1.mul(s2).intoArray(y, i);
    }
  }

  static void mathExp(float[] x, float[] y, int n) {
    for (int i = 0; i < n; i++) y[i] = (float) Math.exp(x[i]);
  }

  interface K { void run(float[] x, float[] y, int n); }

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    float[] x = new float[n]; float[] y = new float[n]; float[] ref = new float[n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int i = 0; i < n; i++) x[i] = (float) (-80 + 160 * r.nextDouble());
    a(x, ref, n);
    K[] ks = {V::mathExp, V::a, V::b, V::c, V::d, V::e, V::f};
    String[] names = {"Math.exp", "A current", "B mask+clampblend+rawbits", "C mask only", "D B@256", "E mask+rawbits", "F = B, canonical bits"};
    for (int k = 1; k < ks.length; k++) { ks[k].run(x, y, n); for (int i=0;i<n;i++) if (Float.floatToIntBits(y[i])!=Float.floatToIntBits(ref[i])) throw new AssertionError(names[k]+" "+i); }
    double[] best = new double[ks.length];
    java.util.Arrays.fill(best, 1e99);
    for (int round = 0; round < 30; round++) {
      for (int k = 0; k < ks.length; k++) {
        int reps = 2_000_000 / n;
        long t0 = System.nanoTime();
        for (int q = 0; q < reps; q++) ks[k].run(x, y, n);
        long t1 = System.nanoTime();
        best[k] = Math.min(best[k], (t1 - t0) / (double) reps / n);
      }
    }
    for (int k = 0; k < ks.length; k++) System.out.printf("%-28s %.4f ns/elem  ratio %.2fx%n", names[k], best[k], best[0]/best[k]);
  }
}
