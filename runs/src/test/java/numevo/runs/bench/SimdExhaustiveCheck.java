package numevo.runs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.program.Program;
import numevo.dsl.simd.SimdCompiler;
import numevo.dsl.text.Parser;

/**
 * Checks a unary float32 kernel's SIMD compilation against its scalar compilation (itself checked
 * against the interpreter by the dsl tests) on all 2^32 float32 inputs, in chunks of 65,536 inputs
 * in code order; prints the number of inputs whose outputs differ (as codes, every NaN alike), the
 * first few of them, and the time of each backend. Not a test (minutes); run it with {@code java
 * --add-modules jdk.incubator.vector -cp runs/target/numevo.jar:runs/target/test-classes
 * numevo.runs.bench.SimdExhaustiveCheck KERNEL}.
 */
public final class SimdExhaustiveCheck {
  private SimdExhaustiveCheck() {}

  private static final int CHUNK = 1 << 16;

  public static void main(String[] args) throws IOException {
    Program p = Parser.parse(Files.readString(Path.of(args[0])), args[0]);
    Float32Unary simd = (Float32Unary) SimdCompiler.compile(p);
    Float32Unary scalar = (Float32Unary) KernelCompiler.compile(p);
    float[] xs = new float[CHUNK];
    float[] a = new float[CHUNK];
    float[] b = new float[CHUNK];
    long differ = 0;
    long simdNanos = 0;
    long scalarNanos = 0;
    for (long start = 0; start < 1L << 32; start += CHUNK) {
      for (int i = 0; i < CHUNK; i++) {
        xs[i] = Float.intBitsToFloat((int) (start + i));
      }
      long t0 = System.nanoTime();
      simd.apply(xs, a, CHUNK);
      long t1 = System.nanoTime();
      scalar.apply(xs, b, CHUNK);
      long t2 = System.nanoTime();
      simdNanos += t1 - t0;
      scalarNanos += t2 - t1;
      for (int i = 0; i < CHUNK; i++) {
        boolean same =
            Float.isNaN(a[i])
                ? Float.isNaN(b[i])
                : Float.floatToRawIntBits(a[i]) == Float.floatToRawIntBits(b[i]);
        if (!same && differ++ < 10) {
          System.out.printf(
              "differs at x = %s (0x%08x): simd %s, scalar %s%n",
              xs[i], (int) (start + i), a[i], b[i]);
        }
      }
    }
    System.out.printf(
        "%s: %d of 2^32 inputs differ; simd %.1f s, scalar %.1f s (including warm-up)%n",
        p.name(), differ, simdNanos / 1e9, scalarNanos / 1e9);
  }
}
