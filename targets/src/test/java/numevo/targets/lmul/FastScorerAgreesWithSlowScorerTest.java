package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.format.Saturation;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.random.RandomPrograms;
import numevo.dsl.text.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FastScorerAgreesWithSlowScorerTest {

  record Case(String name, Program kernel, OperandPairs pairs) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (NumberFormat f : new NumberFormat[] {NumberFormat.E4M3FN, NumberFormat.E5M2}) {
      OperandPairs all = OperandPairs.exhaustive(f);
      for (LmulBaselines.Baseline b : LmulBaselines.all(f)) {
        cases.add(new Case(f + " " + b.name(), b.kernel(), all));
      }
      RandomPrograms random =
          RandomPrograms.of(
              new RandomProgramConfig(
                  f, List.of(Type.I32, Type.I32), 3, 25, List.copyOf(LmulPrimitives.OPS), 1, 0.4));
      SplittableRandom rng = new SplittableRandom(f.ordinal());
      for (int i = 0; i < 2; i++) {
        cases.add(new Case(f + " random " + i, random.next(rng), all));
      }
    }
    // The first 20,000 pairs of the bfloat16 sample (mantissa grid, every exponent bucket).
    OperandPairs sample = OperandPairs.stratified(NumberFormat.BFLOAT16, LmulConfig.DEFAULT_SEED);
    int n = 20_000;
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = sample.a(i);
      b[i] = sample.b(i);
    }
    OperandPairs head = OperandPairs.of(NumberFormat.BFLOAT16, a, b);
    for (LmulBaselines.Baseline k : LmulBaselines.all(NumberFormat.BFLOAT16)) {
      cases.add(new Case("bfloat16 " + k.name(), k.kernel(), head));
    }
    Path example = examples().resolve("lmul_e4m3fn.kernel");
    if (Files.exists(example)) {
      cases.add(
          new Case(
              "examples/lmul_e4m3fn",
              Parser.parseFile(example).program(),
              OperandPairs.exhaustive(NumberFormat.E4M3FN)));
    }
    return cases.stream();
  }

  private static Path examples() {
    String root = System.getProperty("numevo.root");
    return (root != null ? Path.of(root) : Path.of("..")).resolve("examples");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sameCountsAndErrors(Case c) {
    NumberFormat f = c.pairs().format();
    LmulScore fast =
        LmulScorer.of(
                "t", ProductReference.of(c.pairs(), Saturation.NONE), LmulCosts.horowitz45nm(f))
            .score(c.kernel());
    SlowScorer.Result slow = SlowScorer.score(c.kernel(), c.pairs());

    assertEquals(slow.exact(), fast.exactCount());
    for (ProductCategory cat : ProductCategory.values()) {
      CategoryOutcome o = fast.outcome(cat);
      assertEquals(slow.matching()[cat.ordinal()], o.matching(), cat.key());
      for (ResultClass r : ResultClass.values()) {
        assertEquals(slow.got()[cat.ordinal()][r.ordinal()], o.got().get(r), cat.key() + " " + r);
      }
    }
    assertEquals(slow.count(), fast.vsReal().count());
    assertEquals(slow.excluded(), fast.vsReal().excluded());
    assertClose(slow.meanAbs(), fast.vsReal().mean());
    assertClose(slow.maxAbs(), fast.vsReal().max());
    assertClose(slow.minSigned(), fast.vsReal().minSigned());
    assertClose(slow.maxSigned(), fast.vsReal().maxSigned());
    assertEquals(slow.coreCount(), fast.vsRealCore().count());
    assertClose(slow.coreMin(), fast.vsRealCore().minSigned());
  }

  private static void assertClose(double expected, double actual) {
    if (Double.isNaN(expected)) {
      assertEquals(expected, actual);
    } else {
      assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)));
    }
  }
}
