package numevo.dsl.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * A rough throughput comparison (not a test, not JMH): a degree-8 Horner polynomial (8 fmas) in
 * several formats, through the columnar evaluator, the compiled batch method, the compiled array
 * method, and, for float32, the same loop written by hand. Run with {@code java -cp
 * dsl/target/classes:dsl/target/test-classes:$ASM numevo.dsl.compile.KernelThroughput}.
 */
final class KernelThroughput {
  private KernelThroughput() {}

  static Program horner(NumberFormat f) {
    List<Instr> body = new ArrayList<>();
    body.add(Instr.of("h0", Op.FFMA, Ref.of(0), FloatLit.of(0.5), FloatLit.of(0.25)));
    for (int i = 1; i < 8; i++) {
      body.add(
          Instr.of("h" + i, Op.FFMA, Ref.of(i), Ref.of(0), FloatLit.of(f.round(1.0 / (i + 1)))));
    }
    return Program.of("horner", f, List.of(Input.of("x", Type.F)), body, List.of(Ref.of(8)));
  }

  static void byHand(float[] xs, float[] ys, int n) {
    for (int i = 0; i < n; i++) {
      float x = xs[i];
      float h = Math.fma(x, 0.5f, 0.25f);
      h = Math.fma(h, x, (float) (1.0 / 2));
      h = Math.fma(h, x, (float) (1.0 / 3));
      h = Math.fma(h, x, (float) (1.0 / 4));
      h = Math.fma(h, x, (float) (1.0 / 5));
      h = Math.fma(h, x, (float) (1.0 / 6));
      h = Math.fma(h, x, (float) (1.0 / 7));
      h = Math.fma(h, x, (float) (1.0 / 8));
      ys[i] = h;
    }
  }

  public static void main(String[] args) {
    int n = 4096;
    int reps = 2000;
    for (NumberFormat f :
        new NumberFormat[] {
          NumberFormat.FLOAT32, NumberFormat.FLOAT64, NumberFormat.BFLOAT16, NumberFormat.E4M3FN
        }) {
      Program p = horner(f);
      CompiledKernel k = KernelCompiler.compile(p);
      ColumnarEvaluator columnar = ColumnarEvaluator.of(p, n);
      Batch in = columnar.newInputBatch();
      Batch out = columnar.newOutputBatch();
      float[] xs = new float[n];
      float[] ys = new float[n];
      double[] dx = new double[n];
      double[] dy = new double[n];
      Random rnd = new Random(1);
      for (int i = 0; i < n; i++) {
        xs[i] = (float) f.round(rnd.nextFloat());
        dx[i] = xs[i];
        in.f(0)[i] = dx[i];
      }
      for (int round = 0; round < 5; round++) {
        long t0 = System.nanoTime();
        for (int j = 0; j < reps; j++) {
          columnar.evaluate(in, out, n);
        }
        long t1 = System.nanoTime();
        for (int j = 0; j < reps; j++) {
          k.evaluate(in, out, n);
        }
        long t2 = System.nanoTime();
        for (int j = 0; j < reps; j++) {
          if (k instanceof Float32Unary u) {
            u.apply(xs, ys, n);
          } else {
            ((DoubleUnary) k).apply(dx, dy, n);
          }
        }
        long t3 = System.nanoTime();
        for (int j = 0; j < reps; j++) {
          byHand(xs, ys, n);
        }
        long t4 = System.nanoTime();
        double points = (double) reps * n;
        System.out.printf(
            Locale.ROOT,
            "%-9s ns/point: columnar %6.2f  compiled batch %6.2f  compiled array %6.2f"
                + "  (float32 by hand %5.2f)%n",
            f,
            (t1 - t0) / points,
            (t2 - t1) / points,
            (t3 - t2) / points,
            (t4 - t3) / points);
      }
    }
  }
}
