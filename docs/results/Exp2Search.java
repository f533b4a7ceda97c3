import java.util.*;

/** Local search over float32 coefficients of a degree-6 Horner-FMA 2^x on [lo,1), scored by the
 *  float32-evaluated max error in units of 2^-23 (the ULP of results in [1,2)). */
public class Exp2Search {
  static double[] ref;
  static float[] xs;

  static double maxErr(float[] c) {
    double m = 0;
    int n = c.length - 1;
    for (int i = 0; i < xs.length; i++) {
      float x = xs[i];
      float p = c[n];
      for (int k = n - 1; k >= 0; k--) p = Math.fma(x, p, c[k]);
      double e = Math.abs(p - ref[i]);
      if (e > m) m = e;
    }
    return m * 0x1p23;
  }

  static double maxErrFull(float[] c, float lo) {
    double m = 0; float worst = 0;
    int n = c.length - 1;
    for (float x = lo; x < 1f; x = Math.nextUp(x)) {
      float p = c[n];
      for (int k = n - 1; k >= 0; k--) p = Math.fma(x, p, c[k]);
      double e = Math.abs(p - StrictMath.pow(2, x));
      if (e > m) { m = e; worst = x; }
    }
    System.out.printf("  full [%s,1): %.6f at %s%n", lo, m * 0x1p23, Float.toHexString(worst));
    return m * 0x1p23;
  }

  public static void main(String[] a) {
    float lo = Float.parseFloat(a[0]);
    int iters = Integer.parseInt(a[1]);
    long seed = Long.parseLong(a[2]);
    float[] c = new float[a.length - 3];
    for (int i = 3; i < a.length; i++) c[i - 3] = Float.parseFloat(a[i]);
    List<Float> l = new ArrayList<>();
    for (float x = lo; x < 1f; x = Math.nextUp(x)) l.add(x);
    xs = new float[l.size()]; ref = new double[l.size()];
    for (int i = 0; i < xs.length; i++) { xs[i] = l.get(i); ref[i] = StrictMath.pow(2, xs[i]); }
    double best = maxErr(c);
    System.out.printf("start %.6f on %d points%n", best, xs.length);
    Random r = new Random(seed);
    for (int it = 0; it < iters; it++) {
      float[] d = c.clone();
      int moves = 1 + r.nextInt(3);
      for (int m = 0; m < moves; m++) {
        int k = 1 + r.nextInt(c.length - 1);
        int steps = r.nextInt(7) - 3;
        for (int s = 0; s < Math.abs(steps); s++) d[k] = steps > 0 ? Math.nextUp(d[k]) : Math.nextDown(d[k]);
      }
      double e = maxErr(d);
      if (e < best) {
        best = e; c = d;
        System.out.printf("it %d: %.6f  %s%n", it, best, show(c));
      }
    }
    System.out.println("best " + best + "  " + show(c));
    maxErrFull(c, 0x1p-10f);
  }

  static String show(float[] c) {
    StringBuilder sb = new StringBuilder();
    for (float v : c) sb.append(Float.toHexString(v)).append(' ');
    return sb.toString();
  }
}
