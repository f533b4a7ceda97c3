package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code select} of {@code f} values gives the interpreter's value in each form the generator
 * emits: as a mask over the values' codes (no branch: kernels with a live {@code bits}) and as
 * {@code ?:} (other kernels); a condition that is a comparison (0 or 1) or any i32 (0, 1, -1, 2,
 * the extremes), operands that are literals, values, or one of each, NaN and signed zeros among
 * them; through the batch, per-point and array methods.
 */
class SelectWithoutBranchTest {

  private static final String KERNEL =
      """
      kernel sel %s
      input x : f
      input y : f
      input k : i32
      c = lt x y
      a = select c 1.5 -0.25
      b = select c x y
      d = select k y -0.0
      e = select k 2.0 3.0
      g = select k x y
      h = select c nan a
      s1 = add a b
      s2 = add d e
      s3 = add g h
      t = add s1 s2
      r = add t s3
      %s
      output r
      output b
      output d
      output g
      %s
      """;

  private static final String UNARY =
      """
      kernel sel1 %s
      input x : f
      c = le x 0.0
      a = select c 0.5 -2.0
      b = select c x a
      %s
      """;

  /** Each format as {@code ?:}, and with a live {@code bits} (formats of at most 32 bits). */
  static List<Object[]> formsOfEachFormat() {
    List<Object[]> forms = new ArrayList<>();
    for (NumberFormat f : NumberFormat.values()) {
      forms.add(new Object[] {f, false});
      if (f.bits() <= 32) {
        forms.add(new Object[] {f, true});
      }
    }
    return forms;
  }

  @ParameterizedTest(name = "{0}, mask {1}")
  @MethodSource("formsOfEachFormat")
  void selectAgreesWithInterpreter(NumberFormat format, boolean mask) {
    Program p =
        Parser.parse(
            KERNEL.formatted(format.formatName(), mask ? "q = bits r" : "", mask ? "output q" : ""),
            "<select>");
    double[] fs = {0.0, -0.0, 1.0, -1.0, 0.25, -3.0, Double.NaN, Double.POSITIVE_INFINITY};
    int[] ks = {0, 1, -1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE};
    List<Object[]> points = new ArrayList<>();
    for (double x : fs) {
      for (double y : fs) {
        for (int k : ks) {
          points.add(new Object[] {format.round(x), format.round(y), k});
        }
      }
    }
    Agreement.checkBatch(KernelCompiler.compile(p), points);
  }

  @ParameterizedTest(name = "{0}, mask {1}")
  @MethodSource("formsOfEachFormat")
  void perPointAndArrayMethodsAgree(NumberFormat format, boolean mask) {
    Program p =
        Parser.parse(
            UNARY.formatted(
                format.formatName(), mask ? "q = bits b\nw = frombits q\noutput w" : "output b"),
            "<select>");
    Interpreter interpreter = Interpreter.of(p);
    CompiledKernel k = KernelCompiler.compile(p);
    double[] xs = {0.0, -0.0, 1.0, -1.0, 0.25, -3.0, Double.NaN, Double.NEGATIVE_INFINITY};
    for (double x0 : xs) {
      double x = format.round(x0);
      double expected = (Double) interpreter.eval(x)[0];
      long want = format.bitsOf(expected);
      if (k instanceof Float32Unary u) {
        assertEquals(want, format.bitsOf(u.apply((float) x)), "float32 apply(" + x + ")");
        float[] out = new float[1];
        u.apply(new float[] {(float) x}, out, 1);
        assertEquals(want, format.bitsOf(out[0]), "float32 array apply(" + x + ")");
      } else {
        DoubleUnary u = (DoubleUnary) k;
        assertEquals(want, format.bitsOf(u.apply(x)), format + " apply(" + x + ")");
        double[] out = new double[1];
        u.apply(new double[] {x}, out, 1);
        assertEquals(want, format.bitsOf(out[0]), format + " array apply(" + x + ")");
      }
    }
  }
}
