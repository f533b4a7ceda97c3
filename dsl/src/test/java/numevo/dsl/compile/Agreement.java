package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Printer;

/**
 * Checks a compiled kernel against the interpreter: values compared by their codes in the format
 * ({@link NumberFormat#bitsOf}, every NaN one class), i32 and int exactly, and evaluation failures
 * on the same points.
 */
final class Agreement {
  private Agreement() {}

  /** The interpreter's outputs at one point, or null if the evaluation is invalid there. */
  static Object[] expected(Interpreter interpreter, Object[] inputs) {
    try {
      return interpreter.eval(inputs);
    } catch (EvaluationException e) {
      return null;
    }
  }

  /**
   * Whether two values of type {@code t} are the same DSL value: for {@code f} the same code of the
   * format ({@link NumberFormat#bitsOf}, all NaNs alike) and, stricter, the same double where not
   * NaN (so that a {@code -0.0} never stands for the zero of a format without negative zero).
   */
  static boolean same(NumberFormat format, Type t, Object expected, Object actual) {
    return switch (t) {
      case F -> {
        double e = ((Number) expected).doubleValue();
        double a = ((Number) actual).doubleValue();
        yield format.bitsOf(e) == format.bitsOf(a)
            && (Double.isNaN(e) || Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a));
      }
      case I32 -> ((Integer) expected).intValue() == ((Integer) actual).intValue();
      case INT -> ((BigInteger) expected).equals(actual);
    };
  }

  static void assertSame(Program p, Object[] inputs, Object[] expected, Object[] actual) {
    List<Type> types = p.outputTypes();
    assertEquals(expected.length, actual.length);
    for (int o = 0; o < expected.length; o++) {
      if (!same(p.format(), types.get(o), expected[o], actual[o])) {
        fail(
            "output "
                + o
                + " differs: interpreter "
                + describe(p.format(), types.get(o), expected[o])
                + ", compiled "
                + describe(p.format(), types.get(o), actual[o])
                + "\ninputs "
                + java.util.Arrays.toString(inputs)
                + "\nprogram\n"
                + Printer.print(p));
      }
    }
  }

  static String describe(NumberFormat format, Type t, Object v) {
    if (t == Type.F) {
      double d = ((Number) v).doubleValue();
      return d + " (" + format.hex(format.bitsOf(d)) + ")";
    }
    return String.valueOf(v);
  }

  /**
   * Evaluates {@code points} with the kernel's batch method and one by one with its {@code eval},
   * and checks both against the interpreter.
   */
  static void checkBatch(CompiledKernel kernel, List<Object[]> points) {
    Program p = kernel.program();
    Interpreter interpreter = Interpreter.of(p);
    int n = points.size();
    Batch in = Batch.of(p.inputTypes(), n);
    Batch out = Batch.of(p.outputTypes(), n);
    boolean anyInvalid = false;
    Object[][] expected = new Object[n][];
    for (int i = 0; i < n; i++) {
      Object[] point = points.get(i);
      for (int q = 0; q < point.length; q++) {
        in.set(q, i, point[q]);
      }
      expected[i] = expected(interpreter, point);
      anyInvalid |= expected[i] == null;
      Object[] actual;
      try {
        actual = kernel.eval(point);
      } catch (EvaluationException e) {
        if (expected[i] != null) {
          fail(
              "compiled eval threw "
                  + e.getMessage()
                  + ", interpreter did not\ninputs "
                  + java.util.Arrays.toString(point)
                  + "\nprogram\n"
                  + Printer.print(p));
        }
        continue;
      }
      if (expected[i] == null) {
        fail(
            "interpreter threw, compiled eval did not\ninputs "
                + java.util.Arrays.toString(point)
                + "\nprogram\n"
                + Printer.print(p));
      }
      assertSame(p, point, expected[i], actual);
    }
    // Pre-fill the int overlays: evaluate must clear them where the result fits 64 bits.
    for (int o = 0; o < out.ports(); o++) {
      if (out.type(o) == Type.INT) {
        java.util.Arrays.fill(out.intBig(o), BigInteger.TEN.shiftLeft(100));
      }
    }
    try {
      kernel.evaluate(in, out, n);
      if (anyInvalid) {
        fail(
            "interpreter threw at some point, compiled batch did not\nprogram\n"
                + Printer.print(p));
      }
    } catch (EvaluationException e) {
      if (!anyInvalid) {
        fail(
            "compiled batch threw "
                + e.getMessage()
                + ", interpreter did not\nprogram\n"
                + Printer.print(p));
      }
      return;
    }
    for (int i = 0; i < n; i++) {
      Object[] actual = new Object[out.ports()];
      for (int o = 0; o < actual.length; o++) {
        actual[o] = out.get(o, i);
      }
      assertSame(p, points.get(i), expected[i], actual);
    }
  }
}
