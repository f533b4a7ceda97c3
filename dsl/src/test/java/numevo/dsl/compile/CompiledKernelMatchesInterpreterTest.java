package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.ProgramArbitraries;
import numevo.dsl.random.RandomLiterals;
import numevo.dsl.text.Printer;

/**
 * Random programs of every format and every op, compiled, agree with the interpreter bit for bit on
 * random and special inputs, through every entry point: the batch method, {@code eval}, and the
 * specialized per-point and array methods.
 */
class CompiledKernelMatchesInterpreterTest {
  private static final int POINTS = 48;

  @Property(tries = 400, seed = "1000")
  void batchAndEvalAgreeWithInterpreter(
      @ForAll long seed,
      @ForAll NumberFormat format,
      @ForAll @IntRange(min = 1, max = 30) int size) {
    Random rnd = new Random(seed);
    Program p = RandomPrograms.program(rnd, format, size);
    CompiledKernel kernel = KernelCompiler.compile(p);
    List<Object[]> points = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      Object[] point = new Object[p.inputs().size()];
      for (int q = 0; q < point.length; q++) {
        point[q] = RandomPrograms.input(rnd, format, p.inputs().get(q).type());
      }
      points.add(point);
    }
    Agreement.checkBatch(kernel, points);
  }

  @Provide
  Arbitrary<Program> sharedPrograms() {
    return ProgramArbitraries.programs();
  }

  /** Programs of the project's shared generator ({@code numevo.dsl.random}), its hard inputs. */
  @Property(tries = 400, seed = "1001")
  void sharedGeneratorProgramsAgreeWithInterpreter(@ForAll("sharedPrograms") Program p) {
    java.util.SplittableRandom rnd =
        new java.util.SplittableRandom(p.toString().hashCode()); // stable across JVMs
    NumberFormat f = p.format();
    List<Double> edges = RandomLiterals.floatEdges(f);
    List<Object[]> points = new ArrayList<>();
    for (int i = 0; i < POINTS; i++) {
      Object[] point = new Object[p.inputs().size()];
      for (int q = 0; q < point.length; q++) {
        point[q] =
            switch (p.inputs().get(q).type()) {
              case F ->
                  rnd.nextInt(3) == 0
                      ? edges.get(rnd.nextInt(edges.size()))
                      : RandomLiterals.floatValue(f, rnd);
              case I32 -> RandomLiterals.i32Value(rnd);
              case INT -> RandomLiterals.intValue(rnd);
            };
      }
      points.add(point);
    }
    Agreement.checkBatch(KernelCompiler.compile(p), points);
  }

  @Property(tries = 150, seed = "1002")
  void unaryKernelsAgreeWithInterpreter(
      @ForAll long seed,
      @ForAll NumberFormat format,
      @ForAll @IntRange(min = 1, max = 25) int size) {
    Random rnd = new Random(seed);
    Program p = RandomPrograms.program(rnd, format, List.of(Type.F), size, List.of(Type.F));
    CompiledKernel kernel = KernelCompiler.compile(p);
    Interpreter interpreter = Interpreter.of(p);
    double[] xs = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      xs[i] = RandomPrograms.f(rnd, format);
    }
    if (format == NumberFormat.FLOAT32) {
      Float32Unary k = assertInstanceOf(Float32Unary.class, kernel);
      float[] fx = new float[POINTS];
      for (int i = 0; i < POINTS; i++) {
        fx[i] = (float) xs[i];
      }
      checkPoints(
          p,
          interpreter,
          POINTS,
          i -> new Object[] {(double) fx[i]},
          i -> (double) k.apply(fx[i]),
          () -> {
            float[] ys = new float[POINTS];
            k.apply(fx, ys, POINTS);
            return toDouble(ys);
          });
    } else {
      DoubleUnary k = assertInstanceOf(DoubleUnary.class, kernel);
      checkPoints(
          p,
          interpreter,
          POINTS,
          i -> new Object[] {xs[i]},
          i -> k.apply(xs[i]),
          () -> {
            double[] ys = new double[POINTS];
            k.apply(xs, ys, POINTS);
            return ys;
          });
      if (format != NumberFormat.FLOAT64) {
        NarrowUnary nk = assertInstanceOf(NarrowUnary.class, kernel);
        float[] fx = floatsAround(xs);
        checkPoints(
            p,
            interpreter,
            POINTS,
            i -> new Object[] {(double) fx[i]},
            i -> (double) nk.apply(fx[i]),
            () -> {
              float[] ys = new float[POINTS];
              nk.apply(fx, ys, POINTS);
              return toDouble(ys);
            });
      }
    }
  }

  @Property(tries = 150, seed = "1003")
  void binaryKernelsAgreeWithInterpreter(
      @ForAll long seed,
      @ForAll NumberFormat format,
      @ForAll @IntRange(min = 1, max = 25) int size) {
    Random rnd = new Random(seed);
    Program p = RandomPrograms.program(rnd, format, List.of(Type.F, Type.F), size, List.of(Type.F));
    CompiledKernel kernel = KernelCompiler.compile(p);
    Interpreter interpreter = Interpreter.of(p);
    double[] xs = new double[POINTS];
    double[] ys = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      xs[i] = RandomPrograms.f(rnd, format);
      ys[i] = RandomPrograms.f(rnd, format);
    }
    if (format == NumberFormat.FLOAT32) {
      Float32Binary k = assertInstanceOf(Float32Binary.class, kernel);
      float[] fx = new float[POINTS];
      float[] fy = new float[POINTS];
      for (int i = 0; i < POINTS; i++) {
        fx[i] = (float) xs[i];
        fy[i] = (float) ys[i];
      }
      checkPoints(
          p,
          interpreter,
          POINTS,
          i -> new Object[] {(double) fx[i], (double) fy[i]},
          i -> (double) k.apply(fx[i], fy[i]),
          () -> {
            float[] rs = new float[POINTS];
            k.apply(fx, fy, rs, POINTS);
            return toDouble(rs);
          });
    } else {
      DoubleBinary k = assertInstanceOf(DoubleBinary.class, kernel);
      checkPoints(
          p,
          interpreter,
          POINTS,
          i -> new Object[] {xs[i], ys[i]},
          i -> k.apply(xs[i], ys[i]),
          () -> {
            double[] rs = new double[POINTS];
            k.apply(xs, ys, rs, POINTS);
            return rs;
          });
      if (format != NumberFormat.FLOAT64) {
        NarrowBinary nk = assertInstanceOf(NarrowBinary.class, kernel);
        float[] fx = floatsAround(xs);
        float[] fy = floatsAround(ys);
        checkPoints(
            p,
            interpreter,
            POINTS,
            i -> new Object[] {(double) fx[i], (double) fy[i]},
            i -> (double) nk.apply(fx[i], fy[i]),
            () -> {
              float[] rs = new float[POINTS];
              nk.apply(fx, fy, rs, POINTS);
              return toDouble(rs);
            });
      }
    }
  }

  @Property(tries = 150, seed = "1004")
  void i32KernelsAgreeWithInterpreter(
      @ForAll long seed,
      @ForAll NumberFormat format,
      @ForAll @IntRange(min = 1, max = 25) int size) {
    Random rnd = new Random(seed);
    Program p =
        RandomPrograms.program(rnd, format, List.of(Type.I32, Type.I32), size, List.of(Type.I32));
    I32Binary k = KernelCompiler.compile(p, I32Binary.class);
    int[] as = new int[POINTS];
    int[] bs = new int[POINTS];
    for (int i = 0; i < POINTS; i++) {
      as[i] = RandomPrograms.i32(rnd, format);
      bs[i] = RandomPrograms.i32(rnd, format);
    }
    checkPoints(
        p,
        Interpreter.of(p),
        POINTS,
        i -> new Object[] {as[i], bs[i]},
        i -> k.apply(as[i], bs[i]),
        () -> {
          int[] rs = new int[POINTS];
          k.apply(as, bs, rs, POINTS);
          return Arrays.stream(rs).boxed().toArray();
        });
  }

  private interface PointFn {
    Object apply(int i);
  }

  private interface ArrayFn {
    Object run();
  }

  /**
   * Floats for the float methods of narrow kernels: the values (floats hold them), every third one
   * moved to the next float up, which the kernel must round to the format first.
   */
  private static float[] floatsAround(double[] xs) {
    float[] f = new float[xs.length];
    for (int i = 0; i < xs.length; i++) {
      f[i] = i % 3 == 2 ? Math.nextUp((float) xs[i]) : (float) xs[i];
    }
    return f;
  }

  private static double[] toDouble(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }

  /**
   * Checks a single-output kernel: per point against the interpreter, and the array method (which
   * must throw iff some point is invalid).
   */
  private static void checkPoints(
      Program p,
      Interpreter interpreter,
      int n,
      java.util.function.IntFunction<Object[]> inputs,
      PointFn point,
      ArrayFn array) {
    Object[] expected = new Object[n];
    boolean anyInvalid = false;
    for (int i = 0; i < n; i++) {
      Object[] in = inputs.apply(i);
      Object[] e = Agreement.expected(interpreter, in);
      anyInvalid |= e == null;
      expected[i] = e == null ? null : e[0];
      Object actual;
      try {
        actual = point.apply(i);
      } catch (EvaluationException ex) {
        if (e != null) {
          fail(
              "compiled apply threw, interpreter did not: "
                  + Arrays.toString(in)
                  + "\n"
                  + Printer.print(p));
        }
        continue;
      }
      if (e == null) {
        fail(
            "interpreter threw, compiled apply did not: "
                + Arrays.toString(in)
                + "\n"
                + Printer.print(p));
      }
      Agreement.assertSame(p, in, e, new Object[] {actual});
    }
    Object result;
    try {
      result = array.run();
    } catch (EvaluationException ex) {
      if (!anyInvalid) {
        fail("compiled array method threw, interpreter did not\n" + Printer.print(p));
      }
      return;
    }
    if (anyInvalid) {
      fail("interpreter threw at some point, compiled array method did not\n" + Printer.print(p));
    }
    for (int i = 0; i < n; i++) {
      Object actual = java.lang.reflect.Array.get(result, i);
      Agreement.assertSame(p, inputs.apply(i), new Object[] {expected[i]}, new Object[] {actual});
    }
    assertEquals(n, java.lang.reflect.Array.getLength(result));
  }
}
