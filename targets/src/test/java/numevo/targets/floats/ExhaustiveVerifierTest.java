package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  // [0.5, 0.5 + 3 * 2^17 ulps): 393,216 points, exactly 6 chunks of 2^16.
  private static final FloatDomain WHOLE_CHUNKS = domain(3 << 17);

  // 393,216 + 12,345 points: 6 whole chunks and a partial last one of 12,345 points.
  private static final FloatDomain PARTIAL_LAST_CHUNK = domain((3 << 17) + 12_345);

  /** The first {@code points} float32 values from 0.5 up (one binade: ulp 2^-24). */
  private static FloatDomain domain(int points) {
    return FloatDomain.of(F32, List.of(Interval.closedOpen(0.5, 0.5 + points * 0x1p-24)));
  }

  static Stream<FloatDomain> domains() {
    return Stream.of(WHOLE_CHUNKS, PARTIAL_LAST_CHUNK);
  }

  @Test
  void theDomainsAreWholeChunksAndAPartialLastChunk() {
    assertEquals(6L * ExhaustiveVerifier.CHUNK, WHOLE_CHUNKS.size());
    assertEquals(12_345, PARTIAL_LAST_CHUNK.size() % ExhaustiveVerifier.CHUNK);
  }

  private static final FloatReference REF = FunctionReference.of(Functions.EXP2, F32);

  @ParameterizedTest
  @MethodSource("domains")
  void resultDoesNotDependOnTheThreadCount(FloatDomain domain) {
    ErrorStats one = ExhaustiveVerifier.run(CUBIC, domain, REF, 1).stats();
    ErrorStats three = ExhaustiveVerifier.run(CUBIC, domain, REF, 3).stats();
    assertEquals(domain.size(), one.points());
    assertEquals(one.maxUlp(), three.maxUlp());
    assertEquals(one.meanUlp(), three.meanUlp()); // bit for bit: chunk sums merged in order
    assertEquals(one.meanRel(), three.meanRel());
    assertEquals(one.worstUlpInput(), three.worstUlpInput());
    assertEquals(one.correctlyRounded(), three.correctlyRounded());
  }

  @ParameterizedTest
  @MethodSource("domains")
  void resultEqualsOneDirectPassOverEveryPoint(FloatDomain domain) {
    int n = (int) domain.size();
    double[] x = new double[n];
    domain.fill(0, x, n);
    ReferenceColumns c = new ReferenceColumns(n);
    REF.evaluator(n).compute(x, n, c);
    ColumnarEvaluator ev = ColumnarEvaluator.of(CUBIC, n);
    Batch in = ev.newInputBatch();
    Batch out = ev.newOutputBatch();
    System.arraycopy(x, 0, in.f(0), 0, n);
    ev.evaluate(in, out, n);
    double max = 0;
    double sum = 0;
    double[] errors = new double[n];
    long correct = 0;
    for (int i = 0; i < n; i++) {
      double y = out.f(0)[i];
      errors[i] = Ulp.error(y, c.exact(i), c.correctlyRounded(i), F32);
      max = Math.max(max, errors[i]);
      sum += errors[i];
      correct += y == c.correctlyRounded(i) ? 1 : 0;
    }
    ErrorStats s = ExhaustiveVerifier.run(CUBIC, domain, REF, 2).stats();
    assertEquals(n, s.points());
    assertEquals(max, s.maxUlp(), 1e-9 * max);
    // The worst input is in the domain and has the largest error.
    int w = (int) ((s.worstUlpInput() - 0.5) * 0x1p24);
    assertEquals(x[w], s.worstUlpInput());
    assertEquals(max, errors[w], 1e-9 * max);
    // Summed in another order (chunk by chunk), so equal up to rounding only.
    assertEquals(sum / n, s.meanUlp(), 1e-9 * (sum / n));
    assertEquals(correct, s.correctlyRounded());
  }
}
