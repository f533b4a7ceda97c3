package numevo.targets.floats;

import java.util.Objects;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.targets.TargetException;

/**
 * A reference given as a float64 kernel (from a target file): its float64 result is taken as the
 * exact value and rounded once to the target format. It is as exact as the kernel: a float64 kernel
 * of libm calls is within a few float64 ulps, which decides the float32 rounding except within
 * about 2^-29 ULP of a midpoint, where a built-in target with an exact fallback is needed.
 *
 * @param kernel a float64 kernel with one {@code f} input and one {@code f} output, never null
 * @param format the target format, never null
 * @param source where the kernel came from, for messages, never null
 */
public record KernelReference(Program kernel, NumberFormat format, String source)
    implements FloatReference {

  public KernelReference {
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    if (kernel.format() != NumberFormat.FLOAT64
        || !kernel.inputTypes().equals(java.util.List.of(Type.F))
        || !kernel.outputTypes().equals(java.util.List.of(Type.F))) {
      throw new TargetException(
          source + ": a reference kernel must be float64 with one f input and one f output");
    }
    for (int v = 0; v < kernel.valueCount(); v++) {
      if (kernel.typeOf(v) == Type.INT) {
        throw new TargetException(source + ": a reference kernel may not use int values");
      }
    }
  }

  @Override
  public String describe() {
    return "float64 kernel " + source + " rounded once to " + format;
  }

  @Override
  public Evaluator evaluator(int capacity) {
    ColumnarEvaluator ev = ColumnarEvaluator.of(kernel, capacity);
    Batch in = ev.newInputBatch();
    Batch out = ev.newOutputBatch();
    Rounder rounder = new Rounder(format);
    return new Evaluator() {
      @Override
      public void compute(double[] x, int n, ReferenceColumns cols) {
        System.arraycopy(x, 0, in.f(0), 0, n);
        ev.evaluate(in, out, n);
        double[] y = out.f(0);
        for (int i = 0; i < n; i++) {
          rounder.exact(y[i]);
          cols.set(i, y[i], 0, rounder.rounded(), rounder.ulpExponent());
        }
      }

      @Override
      public long fallbacks() {
        return 0;
      }
    };
  }
}
