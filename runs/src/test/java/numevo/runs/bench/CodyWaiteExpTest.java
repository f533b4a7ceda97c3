package numevo.runs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * The hand-written baseline {@code builtin:exp-cw} computes what the shipped kernel {@code
 * kernels/exp/exp.kernel} computes, bit for bit (NaN as one value), so {@code numevo bench} times
 * the same function: on the special values and thresholds, on a seeded sample of codes and of the
 * interesting range, and in its array form.
 */
class CodyWaiteExpTest {
  static final Path KERNEL = Path.of("..", "kernels", "exp", "exp.kernel");

  private static Program kernel() throws IOException {
    return Parser.parse(Files.readString(KERNEL), KERNEL.toString());
  }

  private static void same(float expected, float actual, float x) {
    if (Float.isNaN(expected)) {
      assertEquals(true, Float.isNaN(actual), "x = " + x);
      return;
    }
    assertEquals(
        Float.floatToRawIntBits(expected),
        Float.floatToRawIntBits(actual),
        "x = " + x + " (" + Float.toHexString(x) + "): kernel " + expected + ", hand " + actual);
  }

  @Test
  void agreesWithTheKernelOnSpecialsAndThresholds() throws IOException {
    Interpreter interp = Interpreter.of(kernel());
    float[] xs = {
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      0f,
      -0f,
      0x1.62e42ep6f,
      0x1.62e430p6f,
      89f,
      1e30f,
      -87.33654f,
      -90f,
      -103.97f,
      -103.98f,
      -104f,
      -1e30f,
      1f,
      -1f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      Float.MAX_VALUE,
      -Float.MAX_VALUE
    };
    for (float x : xs) {
      float k = (float) (double) (Double) interp.eval((double) x)[0];
      same(k, CodyWaiteExp.exp(x), x);
    }
  }

  @Test
  void agreesWithTheCompiledKernelOnASeededSampleInBothForms() throws IOException {
    Float32Unary k = (Float32Unary) KernelCompiler.compile(kernel());
    SplittableRandom rnd = new SplittableRandom(12);
    int n = 1 << 18;
    float[] xs = new float[n];
    for (int i = 0; i < n; i++) {
      // half over all codes, half over [-110, 95]
      xs[i] =
          (i & 1) == 0
              ? Float.intBitsToFloat(rnd.nextInt())
              : (float) (-110 + 205 * rnd.nextDouble());
    }
    float[] viaKernel = new float[n];
    float[] viaHand = new float[n];
    k.apply(xs, viaKernel, n);
    Builtins.of("exp-cw").unary().apply(xs, viaHand, n);
    for (int i = 0; i < n; i++) {
      same(viaKernel[i], viaHand[i], xs[i]);
      same(viaKernel[i], CodyWaiteExp.exp(xs[i]), xs[i]);
    }
  }
}
