package numevo.evolver.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

class SquareAndReciprocalTest {
  private static final GenomeConfig ARITH =
      GenomeConfig.of(
          NumberFormat.FLOAT64,
          List.of(Type.F),
          Type.F,
          List.of(Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV));

  private static double run(Program p, double x) {
    return (Double) Interpreter.of(p).eval(x)[0];
  }

  @Test
  void squaringTheOnlyValueSquaresTheOutput() {
    Program p = Parser.parse("kernel k float64\ninput x0 : f\nt = add x0 1.5\noutput t\n", "k");
    Mutations m = Mutations.of(ARITH, MutationConfig.DEFAULT);
    for (long seed = 0; seed < 20; seed++) {
      Program q = m.apply(MutationKind.SQUARE, p, new SplittableRandom(seed));
      assertNotNull(q);
      assertEquals(2, q.body().size());
      assertTrue(q.body().stream().anyMatch(i -> i.op() == Op.FMUL), q.toString());
      // Either x0 is squared before the add ((x0^2) + 1.5) or the sum is squared.
      double y = run(q, 2.0);
      assertTrue(y == 5.5 || y == 12.25, "got " + y);
    }
  }

  @Test
  void aReciprocalIsCOverVOrVPlusCOverV() {
    Program p = Parser.parse("kernel k float64\ninput x0 : f\nt = mul x0 3.0\noutput t\n", "k");
    Mutations m = Mutations.of(ARITH, MutationConfig.DEFAULT);
    int sums = 0;
    for (long seed = 0; seed < 40; seed++) {
      Program q = m.apply(MutationKind.RECIPROCAL, p, new SplittableRandom(seed));
      assertNotNull(q);
      double c = Double.NaN;
      for (var i : q.body()) {
        if (i.op() == Op.FDIV) {
          c = ((FloatLit) i.args().get(0)).value();
        }
      }
      double x = 2.0;
      double y = run(q, x);
      boolean ok;
      if (q.body().size() == 3) {
        sums++;
        // v + c / v for v = x0 (then times 3) or v = 3 x0.
        ok = y == 3 * (x + c / x) || y == 3 * x + c / (3 * x);
      } else {
        assertEquals(2, q.body().size());
        ok = y == 3 * (c / x) || y == c / (3 * x);
      }
      assertTrue(ok, q + " at 2 gives " + y);
    }
    assertTrue(sums > 0 && sums < 40, "both forms occur: " + sums);
  }

  @Test
  void theyDoNotApplyWithoutTheirOps() {
    GenomeConfig addOnly =
        GenomeConfig.of(NumberFormat.FLOAT64, List.of(Type.F), Type.F, List.of(Op.FADD));
    Program p = Parser.parse("kernel k float64\ninput x0 : f\nt = add x0 1.5\noutput t\n", "k");
    Mutations m = Mutations.of(addOnly, MutationConfig.DEFAULT);
    assertNull(m.apply(MutationKind.SQUARE, p, new SplittableRandom(1)));
    assertNull(m.apply(MutationKind.RECIPROCAL, p, new SplittableRandom(1)));
  }

  @Test
  void theyAreOffByDefault() {
    assertEquals(0.0, MutationConfig.DEFAULT.weights().get(MutationKind.SQUARE));
    assertEquals(0.0, MutationConfig.DEFAULT.weights().get(MutationKind.RECIPROCAL));
  }
}
