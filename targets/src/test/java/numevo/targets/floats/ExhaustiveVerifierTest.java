package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * The exhaustive verifier on a domain small enough to check directly: it sees every point once, and
 * its figures do not depend on the number of threads.
 */
class ExhaustiveVerifierTest {
  private static final NumberFormat F32 = NumberFormat.FLOAT32;
  private static final Program CUBIC =
      Parser.parse(
          """
          kernel cubic float32
          input x : f
          a = fma x 0.0558 0.2402
          b = fma x a 0.6931
          y = fma x b 1.0
          output y
          """,
          "cubic.kernel");

  // [0.5, 0.5 + 3 * 2^17 ulps): 393,216 points, not a multiple of the chunk size
  private static final FloatDomain DOMAIN =
      FloatDomain.of(F32, List.of(Interval.closedOpen(0.5, 0.5 + 3 * 0x1p17 * 0x1p-24)));

  private static final FloatReference REF = FunctionReference.of(Functions.EXP2, F32);

  @Test
  void resultDoesNotDependOnTheThreadCount() {
    ErrorStats one = ExhaustiveVerifier.run(CUBIC, DOMAIN, REF, 1).stats();
    ErrorStats three = ExhaustiveVerifier.run(CUBIC, DOMAIN, REF, 3).stats();
    assertEquals(DOMAIN.size(), one.points());
    assertEquals(one.maxUlp(), three.maxUlp());
    assertEquals(one.meanUlp(), three.meanUlp()); // bit for bit: chunk sums merged in order
    assertEquals(one.meanRel(), three.meanRel());
    assertEquals(one.worstUlpInput(), three.worstUlpInput());
    assertEquals(one.correctlyRounded(), three.correctlyRounded());
  }

  @Test
  void resultEqualsOneDirectPassOverEveryPoint() {
    int n = (int) DOMAIN.size();
    double[] x = new double[n];
    DOMAIN.fill(0, x, n);
    ReferenceColumns c = new ReferenceColumns(n);
    REF.evaluator(n).compute(x, n, c);
    ColumnarEvaluator ev = ColumnarEvaluator.of(CUBIC, n);
    Batch in = ev.newInputBatch();
    Batch out = ev.newOutputBatch();
    System.arraycopy(x, 0, in.f(0), 0, n);
    ev.evaluate(in, out, n);
    double max = 0;
    long correct = 0;
    for (int i = 0; i < n; i++) {
      double y = out.f(0)[i];
      max = Math.max(max, Ulp.error(y, c.exact(i), c.correctlyRounded(i), F32));
      correct += y == c.correctlyRounded(i) ? 1 : 0;
    }
    ErrorStats s = ExhaustiveVerifier.run(CUBIC, DOMAIN, REF, 2).stats();
    assertEquals(max, s.maxUlp(), 1e-9 * max);
    assertEquals(correct, s.correctlyRounded());
  }
}
