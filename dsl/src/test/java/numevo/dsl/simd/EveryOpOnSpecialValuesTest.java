package numevo.dsl.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;

/**
 * Each supported op alone, on every combination of special operands (NaN with payloads, ±0, ±inf,
 * subnormals, extremes, ties, the edges of rint's trick and of the i32 range; i32 extremes and
 * shift counts beyond 31), agrees bit for bit with the interpreter, after the kernel has run hot
 * enough for C2 to compile its loop: the intrinsified code, not only the Vector API's Java
 * fallback, is what is checked.
 */
class EveryOpOnSpecialValuesTest {
  private static final int WARMUP_CALLS = 12_000;
  private static final int CHECKED_CALLS = 20;

  @Test
  void everySupportedOpAgreesOnSpecialOperandsWhenHot() {
    assertTrue(SimdCompiler.available());
    int checked = 0;
    for (Op op : SimdKernelMatchesInterpreterTest.supportedOps()) {
      checked += check(op);
    }
    assertTrue(checked > 30, "only " + checked + " ops checked");
  }

  private static int check(Op op) {
    List<Input> inputs = new ArrayList<>();
    List<Operand> args = new ArrayList<>();
    for (int a = 0; a < op.arity(); a++) {
      inputs.add(Input.of("x" + a, op.params().get(a)));
      args.add(Ref.of(a));
    }
    Program p =
        Program.of(
            op.name().toLowerCase(java.util.Locale.ROOT),
            NumberFormat.FLOAT32,
            inputs,
            List.of(Instr.of("r", op, args.toArray(Operand[]::new))),
            List.of(Ref.of(op.arity())));
    // Every combination of special operands (the third operand of fma and select varies less).
    List<Object[]> points = new ArrayList<>();
    combine(op, 0, new Object[op.arity()], points);
    checkHot(p, points);
    return 1;
  }

  /**
   * {@code toi} of a {@code rint} or {@code floor} result, which the generator emits as a
   * truncation, on the special values and on random halves, near-halves and large values.
   */
  @Test
  void toiOfRoundedValuesAgreesWhenHot() {
    Program p =
        numevo.dsl.text.Parser.parse(
            """
            kernel rounded float32
            input x : f
            n = rint x
            k = toi n
            fl = floor x
            j = toi fl
            output k
            output j
            """,
            "rounded");
    List<Object[]> points = new ArrayList<>();
    for (double v : floats()) {
      points.add(new Object[] {v});
    }
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(1204);
    for (int i = 0; i < 2000; i++) {
      points.add(new Object[] {(double) Inputs.f(rnd)});
    }
    checkHot(p, points);
  }

  static void checkHot(Program p, List<Object[]> points) {
    CompiledKernel k = SimdCompiler.compile(p);
    int n = points.size();
    int arity = p.inputs().size();
    Batch in = Batch.of(p.inputTypes(), n);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < arity; a++) {
        in.set(a, i, points.get(i)[a]);
      }
    }
    Batch out = Batch.of(p.outputTypes(), n);
    Batch smallOut = Batch.of(p.outputTypes(), n);
    int small = Math.min(n, 2 * SimdCompiler.lanes() + 3);
    for (int c = 0; c < WARMUP_CALLS; c++) {
      k.evaluate(in, smallOut, small);
    }
    Interpreter interp = Interpreter.of(p);
    Object[][] want = new Object[n][];
    for (int i = 0; i < n; i++) {
      want[i] = interp.eval(points.get(i));
    }
    List<Type> types = p.outputTypes();
    for (int c = 0; c < CHECKED_CALLS; c++) {
      k.evaluate(in, out, n);
      for (int i = 0; i < n; i++) {
        for (int o = 0; o < types.size(); o++) {
          boolean ok =
              types.get(o) == Type.F
                  ? Same.f((Double) want[i][o], (float) out.f(o)[i])
                  : want[i][o].equals(out.i32(o)[i]);
          if (!ok) {
            Same.fail(
                p,
                p.name() + " output " + o + " (call " + c + ")",
                i,
                points.get(i),
                want[i][o],
                out.get(o, i));
          }
        }
      }
    }
  }

  private static void combine(Op op, int a, Object[] current, List<Object[]> out) {
    if (a == op.arity()) {
      out.add(current.clone());
      return;
    }
    List<?> values = op.params().get(a) == Type.F ? floats() : Inputs.SPECIAL_I;
    int step = a >= 2 ? 5 : 1; // fma's and select's third operand: every fifth special
    for (int v = 0; v < values.size(); v += step) {
      current[a] = values.get(v);
      combine(op, a + 1, current, out);
    }
  }

  static List<Double> floats() {
    List<Double> d = new ArrayList<>();
    for (float f : toArray()) {
      d.add((double) f);
    }
    return d;
  }

  private static float[] toArray() {
    float[] f = new float[Inputs.SPECIAL_F.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = Inputs.SPECIAL_F.get(i);
    }
    return f;
  }
}
