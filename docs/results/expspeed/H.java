import numevo.dsl.compile.*;
import numevo.dsl.simd.SimdCompiler;
import numevo.dsl.text.Parser;
import numevo.dsl.program.Program;
public class H {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[1]);
    Program p = Parser.parse(java.nio.file.Files.readString(java.nio.file.Path.of(a[0])), a[0]);
    Float32Unary s = (Float32Unary) SimdCompiler.compile(p);
    float[] x = new float[n], y = new float[n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (int i = 0; i < n; i++) x[i] = (float) (-80 + 160 * r.nextDouble());
    for (int w = 0; w < 20000; w++) s.apply(x, y, n);
    double best = 1e99, bm = 1e99;
    for (int round = 0; round < 30; round++) {
      int reps = 2_000_000 / n;
      long t0 = System.nanoTime();
      for (int q = 0; q < reps; q++) s.apply(x, y, n);
      best = Math.min(best, (System.nanoTime() - t0) / (double) reps / n);
      t0 = System.nanoTime();
      for (int q = 0; q < reps; q++) for (int i = 0; i < n; i++) y[i] = (float) Math.exp(x[i]);
      bm = Math.min(bm, (System.nanoTime() - t0) / (double) reps / n);
    }
    System.out.printf("%s n=%d simd %.4f ns, Math.exp %.4f ns, ratio %.2fx%n", a[0], n, best, bm, bm / best);
  }
}
