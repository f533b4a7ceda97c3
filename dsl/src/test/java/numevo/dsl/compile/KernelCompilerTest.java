package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Limits;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** The compiler's API: kinds, argument checks, hidden classes, verification, limits. */
class KernelCompilerTest {

  /** x*x + 1 in float32. */
  private static Program square(NumberFormat format) {
    return Program.of(
        "sq",
        format,
        List.of(Input.of("x", Type.F)),
        List.of(Instr.of("r", Op.FFMA, Ref.of(0), Ref.of(0), FloatLit.of(1.0))),
        List.of(Ref.of(1)));
  }

  @Test
  void kernelsImplementTheInterfaceOfTheirShape() {
    assertEquals(Float32Unary.class, KernelCompiler.kindOf(square(NumberFormat.FLOAT32)));
    assertEquals(NarrowUnary.class, KernelCompiler.kindOf(square(NumberFormat.E5M2)));
    Random rnd = new Random(1);
    assertEquals(
        Float32Binary.class,
        KernelCompiler.kindOf(
            RandomPrograms.program(
                rnd, NumberFormat.FLOAT32, List.of(Type.F, Type.F), 3, List.of(Type.F))));
    assertEquals(
        DoubleBinary.class,
        KernelCompiler.kindOf(
            RandomPrograms.program(
                rnd, NumberFormat.FLOAT64, List.of(Type.F, Type.F), 3, List.of(Type.F))));
    assertEquals(
        I32Binary.class,
        KernelCompiler.kindOf(
            RandomPrograms.program(
                rnd, NumberFormat.E4M3FN, List.of(Type.I32, Type.I32), 3, List.of(Type.I32))));
    Program generic =
        RandomPrograms.program(rnd, NumberFormat.FLOAT32, List.of(Type.F), 3, List.of(Type.I32));
    assertEquals(CompiledKernel.class, KernelCompiler.kindOf(generic));
    assertFalse(KernelCompiler.compile(generic) instanceof Float32Unary);

    Float32Unary k = KernelCompiler.compile(square(NumberFormat.FLOAT32), Float32Unary.class);
    assertEquals(10f, k.apply(3f));
    assertInstanceOf(
        DoubleUnary.class, KernelCompiler.compile(square(NumberFormat.E5M2), CompiledKernel.class));
  }

  @Test
  void aKindTheShapeDoesNotGiveIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> KernelCompiler.compile(square(NumberFormat.FLOAT16), Float32Unary.class));
    assertThrows(
        IllegalArgumentException.class,
        () -> KernelCompiler.compile(square(NumberFormat.FLOAT32), Float32Binary.class));
  }

  @Test
  void eachCompilationDefinesItsOwnHiddenClass() {
    CompiledKernel a = KernelCompiler.compile(square(NumberFormat.FLOAT32));
    CompiledKernel b = KernelCompiler.compile(square(NumberFormat.FLOAT32));
    assertTrue(a.getClass().isHidden());
    assertNotSame(a.getClass(), b.getClass());
    assertTrue(a.getClass().getName().startsWith("numevo.dsl.compile.Kernel$sq"));
    assertEquals(square(NumberFormat.FLOAT32), a.program());
  }

  @Test
  void batchesMustMatchThePorts() {
    Program p = square(NumberFormat.FLOAT32);
    CompiledKernel k = KernelCompiler.compile(p);
    Batch in = Batch.of(List.of(Type.F), 4);
    Batch out = Batch.of(List.of(Type.F), 4);
    assertThrows(IllegalArgumentException.class, () -> k.evaluate(in, out, 5));
    assertThrows(IllegalArgumentException.class, () -> k.evaluate(in, out, -1));
    assertThrows(
        IllegalArgumentException.class, () -> k.evaluate(Batch.of(List.of(Type.I32), 4), out, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> k.evaluate(in, Batch.of(List.of(Type.F, Type.F), 4), 1));
    assertThrows(IllegalArgumentException.class, () -> k.eval(1.0, 2.0));
    k.evaluate(in, out, 0);
  }

  @Test
  void arrayMethodsCheckLengthsBeforeWriting() {
    Float32Unary k = KernelCompiler.compile(square(NumberFormat.FLOAT32), Float32Unary.class);
    float[] xs = {1, 2, 3};
    float[] ys = {7, 7};
    assertThrows(IndexOutOfBoundsException.class, () -> k.apply(xs, ys, 3));
    assertArrayEquals(new float[] {7, 7}, ys);
    assertThrows(IndexOutOfBoundsException.class, () -> k.apply(xs, ys, -1));
    k.apply(xs, xs, 3); // in place
    assertArrayEquals(new float[] {2, 5, 10}, xs);
  }

  /** The same points through the compiled kernel and the columnar evaluator: callers can swap. */
  @Test
  void evaluateHasTheContractOfTheColumnarEvaluator() {
    Random rnd = new Random(7);
    for (NumberFormat f : NumberFormat.values()) {
      for (int t = 0; t < 20; t++) {
        Program p = RandomPrograms.program(rnd, f, 12);
        ColumnarEvaluator columnar = ColumnarEvaluator.of(p, 64);
        CompiledKernel compiled = KernelCompiler.compile(p);
        Batch in = columnar.newInputBatch();
        for (int i = 0; i < 64; i++) {
          for (int q = 0; q < p.inputs().size(); q++) {
            in.set(q, i, RandomPrograms.input(rnd, f, p.inputs().get(q).type()));
          }
        }
        Batch a = columnar.newOutputBatch();
        Batch b = columnar.newOutputBatch();
        boolean failedA = false;
        boolean failedB = false;
        try {
          columnar.evaluate(in, a, 64);
        } catch (numevo.dsl.eval.EvaluationException e) {
          failedA = true;
        }
        try {
          compiled.evaluate(in, b, 64);
        } catch (numevo.dsl.eval.EvaluationException e) {
          failedB = true;
        }
        assertEquals(failedA, failedB, p.toString());
        for (int i = 0; !failedA && i < 64; i++) {
          Object[] x = new Object[a.ports()];
          Object[] y = new Object[b.ports()];
          for (int o = 0; o < x.length; o++) {
            x[o] = a.get(o, i);
            y[o] = b.get(o, i);
          }
          Agreement.assertSame(p, new Object[0], x, y);
        }
      }
    }
  }

  /** ASM's CheckClassAdapter verifies the generated classes (types, stack, locals, frames). */
  @Test
  void generatedClassesVerify() {
    Random rnd = new Random(42);
    for (NumberFormat f : NumberFormat.values()) {
      for (int t = 0; t < 10; t++) {
        List<Program> programs =
            List.of(
                RandomPrograms.program(rnd, f, 1 + rnd.nextInt(30)),
                RandomPrograms.program(rnd, f, List.of(Type.F), 10, List.of(Type.F)),
                RandomPrograms.program(rnd, f, List.of(Type.F, Type.F), 10, List.of(Type.F)),
                RandomPrograms.program(rnd, f, List.of(Type.I32, Type.I32), 10, List.of(Type.I32)));
        for (Program p : programs) {
          StringWriter errors = new StringWriter();
          CheckClassAdapter.verify(
              new ClassReader(KernelCompiler.classBytes(p)),
              getClass().getClassLoader(),
              false,
              new PrintWriter(errors));
          assertEquals("", errors.toString(), p.toString());
        }
      }
    }
  }

  /** Kernels hold no mutable state: threads can share one. */
  @Test
  void kernelsAreThreadSafe() throws Exception {
    Program p =
        RandomPrograms.program(
            new Random(3), NumberFormat.BFLOAT16, List.of(Type.F), 20, List.of(Type.F));
    DoubleUnary k = KernelCompiler.compile(p, DoubleUnary.class);
    double[] xs = new double[10_000];
    Random rnd = new Random(4);
    for (int i = 0; i < xs.length; i++) {
      xs[i] = RandomPrograms.f(rnd, NumberFormat.BFLOAT16);
    }
    double[] expected = new double[xs.length];
    k.apply(xs, expected, xs.length);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<double[]>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  double[] ys = new double[xs.length];
                  k.apply(xs, ys, xs.length);
                  return ys;
                }));
      }
      for (Future<double[]> r : results) {
        assertArrayEquals(expected, r.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A program at the instruction limit exceeds the 64 KiB of bytecode of a method in one piece: the
   * compiler splits it (see {@code SplitKernelsTest}); a program of a thousand instructions
   * compiles in one piece.
   */
  @Test
  void programsAtTheInstructionLimitCompile() {
    Float32Unary big = KernelCompiler.compile(chain(Limits.MAX_INSTRUCTIONS), Float32Unary.class);
    assertEquals(Limits.MAX_INSTRUCTIONS + 1f, big.apply(1f));
    Float32Unary k = KernelCompiler.compile(chain(1000), Float32Unary.class);
    assertEquals(1001f, k.apply(1f));
  }

  /** x + 1 + 1 + ... in float32. */
  private static Program chain(int size) {
    List<Instr> body = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      body.add(Instr.of("v" + i, Op.FADD, Ref.of(i), FloatLit.of(1.0)));
    }
    return Program.of(
        "chain", NumberFormat.FLOAT32, List.of(Input.of("x", Type.F)), body, List.of(Ref.of(size)));
  }
}
