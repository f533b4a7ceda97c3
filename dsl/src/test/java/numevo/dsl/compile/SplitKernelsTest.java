package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Limits;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;

/**
 * Every program within {@link Limits} compiles: one whose code exceeds the 64 KiB of bytecode of a
 * method is split into methods of at most {@link KernelGenerator#CHUNK} instructions, and computes
 * what the interpreter computes, in every entry point (batch, per point, arrays).
 */
class SplitKernelsTest {
  private static final int MAX = Limits.MAX_INSTRUCTIONS;

  /** The example: a chain of 6,000 fma that {@code check} accepts. */
  @Test
  void aChainOfSixThousandFmaCompilesAndAgrees() {
    for (NumberFormat f : List.of(NumberFormat.FLOAT32, NumberFormat.BFLOAT16)) {
      Program p = fmaChain(f, 6_000);
      assertTrue(isSplit(p), f + ": the chain no longer needs splitting; make it longer");
      double[] xs = {0.0, -0.0, 1.0, 0.5, -0.75, 1e-3, 3.0, Double.NaN, Double.POSITIVE_INFINITY};
      checkUnary(p, xs);
    }
  }

  /** The largest program the checker accepts, of the instructions with the most code each. */
  @Test
  void programsAtTheInstructionLimitCompileAndAgree() {
    for (NumberFormat f :
        List.of(
            NumberFormat.FLOAT32,
            NumberFormat.FLOAT64,
            NumberFormat.BFLOAT16,
            NumberFormat.E4M3FN)) {
      Program p = fmaChain(f, MAX);
      assertEquals(MAX, p.body().size());
      assertTrue(isSplit(p));
      checkUnary(p, new double[] {0.0, 1.0, -0.5, 0.25, Double.NaN});
    }
    // float32 add chain: x + 10,000.
    Float32Unary k = KernelCompiler.compile(addChain(MAX), Float32Unary.class);
    assertEquals(MAX + 1f, k.apply(1f));
  }

  /**
   * An exact-int identity at the limit (times k, divided by k, plus 1, minus 1, repeated), whose
   * factor k is 2^40 in the second half only: a point leaves 64 bits in a late method of the split
   * code or in the first, and the flag reaches the interpreter's slow path either way.
   */
  @Test
  void exactIntProgramsAtTheLimitFlagAcrossMethods() {
    List<Instr> body = new ArrayList<>();
    for (int i = 0; i < MAX; i++) {
      Ref prev = Ref.of(i);
      IntLit k = IntLit.of(i < MAX / 2 ? 3L : 1L << 40);
      Instr ins =
          switch (i % 4) {
            case 0 -> Instr.of("v" + i, Op.ZMUL, prev, k);
            case 1 -> Instr.of("v" + i, Op.ZDIV, prev, k);
            case 2 -> Instr.of("v" + i, Op.ZADD, prev, IntLit.of(1));
            default -> Instr.of("v" + i, Op.ZSUB, prev, IntLit.of(1));
          };
      body.add(ins);
    }
    Program p =
        Program.of(
            "ints",
            NumberFormat.FLOAT32,
            List.of(Input.of("n", Type.INT)),
            body,
            List.of(Ref.of(MAX)));
    assertTrue(isSplit(p));
    List<Object[]> points = new ArrayList<>();
    for (long n : new long[] {0, 1, -1, 7, 1L << 30, -(1L << 30), Long.MAX_VALUE}) {
      points.add(new Object[] {BigInteger.valueOf(n)});
    }
    points.add(new Object[] {BigInteger.ONE.shiftLeft(70)});
    Agreement.checkBatch(KernelCompiler.compile(p), points);
  }

  /**
   * Random programs of every op in every format, compiled in split code however small (so that
   * every op's code is run through arrays and across methods), agree with the interpreter; and a
   * random program at the limit, dead code included, compiles.
   */
  @Test
  void randomProgramsInSplitCodeAgree() {
    Random rnd = new Random(12);
    for (NumberFormat f : NumberFormat.values()) {
      for (int round = 0; round < 20; round++) {
        Program p = RandomPrograms.program(rnd, f, KernelGenerator.CHUNK + rnd.nextInt(300));
        List<Object[]> points = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
          Object[] point = new Object[p.inputs().size()];
          for (int q = 0; q < point.length; q++) {
            point[q] = RandomPrograms.input(rnd, f, p.inputTypes().get(q));
          }
          points.add(point);
        }
        Agreement.checkBatch(KernelCompiler.compileSplit(p), points);
        Program u = RandomPrograms.program(rnd, f, List.of(Type.F), 250, List.of(Type.F));
        double[] xs = new double[24];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = RandomPrograms.f(rnd, f);
        }
        checkUnary(u, KernelCompiler.compileSplit(u), xs);
      }
    }
    List<Type> in = List.of(Type.F, Type.I32, Type.INT, Type.F);
    List<Type> out = List.of(Type.F, Type.I32, Type.INT);
    Program p = RandomPrograms.program(rnd, NumberFormat.FLOAT32, in, MAX - out.size(), out);
    Object[] point = {1.5, 7, BigInteger.TWO, -0.25};
    Agreement.checkBatch(KernelCompiler.compile(p), List.<Object[]>of(point));
  }

  /** Small programs are not split (their code is as before). */
  @Test
  void smallProgramsAreNotSplit() {
    assertFalse(isSplit(fmaChain(NumberFormat.FLOAT32, 1_000)));
  }

  private static void checkUnary(Program p, double[] xs) {
    checkUnary(p, KernelCompiler.compile(p), xs);
  }

  /**
   * Checks a kernel of one {@code f} input and output in its three entry points: per point, on
   * arrays, in batch.
   */
  private static void checkUnary(Program p, CompiledKernel k, double[] xs) {
    Interpreter interp = Interpreter.of(p);
    for (double x : xs) {
      if (Agreement.expected(interp, new Object[] {x}) == null) {
        // An invalid point (an int op inside): the batch check covers it.
        Agreement.checkBatch(k, List.<Object[]>of(new Object[] {x}));
        return;
      }
    }
    double[] ys = new double[xs.length];
    float[] fys = new float[xs.length];
    float[] fxs = new float[xs.length];
    for (int i = 0; i < xs.length; i++) {
      fxs[i] = (float) xs[i];
    }
    if (k instanceof Float32Unary u) {
      u.apply(fxs, fys, xs.length);
    } else {
      ((DoubleUnary) k).apply(xs, ys, xs.length);
    }
    List<Object[]> points = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      Object[] expected = interp.eval(xs[i]);
      double point = k instanceof Float32Unary u ? u.apply(fxs[i]) : ((DoubleUnary) k).apply(xs[i]);
      double array = k instanceof Float32Unary ? fys[i] : ys[i];
      Agreement.assertSame(p, new Object[] {xs[i]}, expected, new Object[] {point});
      Agreement.assertSame(p, new Object[] {xs[i]}, expected, new Object[] {array});
      points.add(new Object[] {xs[i]});
    }
    Agreement.checkBatch(k, points);
  }

  /** Whether the compiler split the program's code into methods. */
  private static boolean isSplit(Program p) {
    String bytes = new String(KernelCompiler.classBytes(p), StandardCharsets.ISO_8859_1);
    return bytes.contains("chunk0");
  }

  /** v_i = fma(v_{i-1}, c, x) with a literal c below 1, so values stay finite. */
  private static Program fmaChain(NumberFormat f, int size) {
    List<Instr> body = new ArrayList<>();
    Operand c = FloatLit.of(f.round(0.5078125));
    for (int i = 0; i < size; i++) {
      body.add(Instr.of("v" + i, Op.FFMA, Ref.of(i), c, Ref.of(0)));
    }
    return Program.of("fmas", f, List.of(Input.of("x", Type.F)), body, List.of(Ref.of(size)));
  }

  /** x + 1 + 1 + ... in float32. */
  private static Program addChain(int size) {
    List<Instr> body = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      body.add(Instr.of("v" + i, Op.FADD, Ref.of(i), FloatLit.of(1.0)));
    }
    return Program.of(
        "chain", NumberFormat.FLOAT32, List.of(Input.of("x", Type.F)), body, List.of(Ref.of(size)));
  }
}
