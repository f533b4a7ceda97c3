package numevo.dsl.simd;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.Float32Binary;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.I32Binary;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.random.RandomPrograms;
import org.junit.jupiter.api.BeforeAll;

/**
 * Random float32 programs over every op the SIMD backend supports, with f and i32 ports, compiled
 * by the backend, agree bit for bit with the interpreter on adversarial inputs, at array lengths
 * that are not multiples of the lane count (so the masked tail runs), through the batch method and
 * the array methods of each specialized shape.
 */
class SimdKernelMatchesInterpreterTest {

  @BeforeAll
  static void vectorApiIsPresent() {
    assertTrue(SimdCompiler.available(), "tests run with --add-modules jdk.incubator.vector");
  }

  static List<Op> supportedOps() {
    List<Op> ops = new ArrayList<>();
    for (Op op : RandomProgramConfig.validOps(NumberFormat.FLOAT32)) {
      if (SimdCompiler.supported(op)) {
        ops.add(op);
      }
    }
    return ops;
  }

  private static Type type(SplittableRandom rnd) {
    return rnd.nextInt(3) == 0 ? Type.I32 : Type.F;
  }

  /** A length in [0, 3 lanes + lanes - 1]: empty, shorter than a vector, and with tails. */
  private static int length(SplittableRandom rnd) {
    int lanes = SimdCompiler.lanes();
    return rnd.nextInt(4 * lanes);
  }

  @Property(tries = 300, seed = "1200")
  void batchAgreesWithInterpreter(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Type> in = new ArrayList<>();
    for (int q = rnd.nextInt(4); q > 0; q--) {
      in.add(type(rnd));
    }
    RandomProgramConfig config =
        RandomProgramConfig.of(NumberFormat.FLOAT32)
            .withInputs(in)
            .withSize(size, size)
            .withOps(supportedOps())
            .withOutputs(1 + rnd.nextInt(3));
    Program p = RandomPrograms.of(config).next(rnd);
    CompiledKernel k = SimdCompiler.compile(p);
    int n = length(rnd);
    Batch bin = Batch.of(p.inputTypes(), n);
    for (int q = 0; q < in.size(); q++) {
      for (int i = 0; i < n; i++) {
        if (in.get(q) == Type.F) {
          bin.f(q)[i] = Inputs.f(rnd);
        } else {
          bin.i32(q)[i] = Inputs.i(rnd);
        }
      }
    }
    Batch bout = Batch.of(p.outputTypes(), n);
    k.evaluate(bin, bout, n);
    Interpreter interp = Interpreter.of(p);
    for (int i = 0; i < n; i++) {
      Object[] point = new Object[in.size()];
      for (int q = 0; q < point.length; q++) {
        point[q] = bin.get(q, i);
      }
      Object[] want = interp.eval(point);
      for (int o = 0; o < want.length; o++) {
        boolean ok =
            p.outputTypes().get(o) == Type.F
                ? Same.f((Double) want[o], (float) bout.f(o)[i])
                : want[o].equals(bout.i32(o)[i]);
        if (!ok) {
          Same.fail(p, "output " + o, i, point, want[o], bout.get(o, i));
        }
      }
    }
  }

  @Property(tries = 300, seed = "1201")
  void unaryArraysAgreeWithInterpreter(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int size) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Program p = program(rnd, List.of(Type.F), size, Type.F);
    Float32Unary k = assertInstanceOf(Float32Unary.class, SimdCompiler.compile(p));
    int n = length(rnd);
    float[] xs = new float[n + 3];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = Inputs.f(rnd);
    }
    float[] ys = new float[n + 3];
    java.util.Arrays.fill(ys, 42f);
    k.apply(xs, ys, n);
    Interpreter interp = Interpreter.of(p);
    for (int i = 0; i < n; i++) {
      double want = (Double) interp.eval((double) xs[i])[0];
      if (!Same.f(want, ys[i])) {
        Same.fail(p, "apply(float[])", i, new Object[] {xs[i]}, want, ys[i]);
      }
      if (!Same.f(want, k.apply(xs[i]))) {
        Same.fail(p, "apply(float)", i, new Object[] {xs[i]}, want, k.apply(xs[i]));
      }
    }
    for (int i = n; i < ys.length; i++) {
      if (ys[i] != 42f) {
        Same.fail(p, "write beyond n", i, new Object[] {}, 42f, ys[i]);
      }
    }
    // In place: xs and ys the same array.
    float[] copy = xs.clone();
    k.apply(copy, copy, n);
    for (int i = 0; i < n; i++) {
      if (Float.floatToRawIntBits(copy[i]) != Float.floatToRawIntBits(ys[i])
          && !(Float.isNaN(copy[i]) && Float.isNaN(ys[i]))) {
        Same.fail(p, "in place", i, new Object[] {xs[i]}, ys[i], copy[i]);
      }
    }
  }

  @Property(tries = 200, seed = "1202")
  void binaryArraysAgreeWithInterpreter(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int size) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Program p = program(rnd, List.of(Type.F, Type.F), size, Type.F);
    Float32Binary k = assertInstanceOf(Float32Binary.class, SimdCompiler.compile(p));
    int n = length(rnd);
    float[] xs = new float[n];
    float[] ys = new float[n];
    for (int i = 0; i < n; i++) {
      xs[i] = Inputs.f(rnd);
      ys[i] = Inputs.f(rnd);
    }
    float[] rs = new float[n];
    k.apply(xs, ys, rs, n);
    Interpreter interp = Interpreter.of(p);
    for (int i = 0; i < n; i++) {
      double want = (Double) interp.eval((double) xs[i], (double) ys[i])[0];
      if (!Same.f(want, rs[i])) {
        Same.fail(p, "apply(float[], float[])", i, new Object[] {xs[i], ys[i]}, want, rs[i]);
      }
    }
  }

  @Property(tries = 200, seed = "1203")
  void codeArraysAgreeWithInterpreter(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int size) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Program p = program(rnd, List.of(Type.I32, Type.I32), size, Type.I32);
    I32Binary k = assertInstanceOf(I32Binary.class, SimdCompiler.compile(p));
    int n = length(rnd);
    int[] as = new int[n];
    int[] bs = new int[n];
    for (int i = 0; i < n; i++) {
      as[i] = Inputs.i(rnd);
      bs[i] = Inputs.i(rnd);
    }
    int[] rs = new int[n];
    k.apply(as, bs, rs, n);
    Interpreter interp = Interpreter.of(p);
    for (int i = 0; i < n; i++) {
      Object want = interp.eval(as[i], bs[i])[0];
      if (!want.equals(rs[i])) {
        Same.fail(p, "apply(int[], int[])", i, new Object[] {as[i], bs[i]}, want, rs[i]);
      }
    }
  }

  /**
   * A random program with the given inputs whose one output has type {@code out}: the generator's
   * last value is the output, so programs are drawn until it has that type.
   */
  private static Program program(SplittableRandom rnd, List<Type> in, int size, Type out) {
    RandomProgramConfig config =
        RandomProgramConfig.of(NumberFormat.FLOAT32)
            .withInputs(in)
            .withSize(size, size)
            .withOps(supportedOps());
    RandomPrograms gen = RandomPrograms.of(config);
    while (true) {
      Program p = gen.next(rnd);
      if (p.outputTypes().get(0) == out) {
        return p;
      }
    }
  }
}
