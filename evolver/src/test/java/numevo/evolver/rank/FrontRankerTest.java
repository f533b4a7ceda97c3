package numevo.evolver.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.FrontEntry;
import numevo.targets.Method;
import numevo.targets.ScoreOptions;
import numevo.targets.floats.FloatDomain;
import numevo.targets.floats.FloatTarget;
import numevo.targets.floats.FloatTargetSpec;
import numevo.targets.floats.FloatTargets;
import numevo.targets.floats.Interval;
import org.junit.jupiter.api.Test;

class FrontRankerTest {
  /** 2^x on [0.5, 0.5 + 2^-11): 8,192 float32 values, so exhaustive checks are cheap. */
  private static final FloatTarget SMALL = narrowed(FloatTargets.exp2(), 0.5, 0.5 + 0x1p-11);

  private static FloatTarget narrowed(FloatTarget t, double lo, double hi) {
    FloatTargetSpec s = t.spec();
    return FloatTarget.of(
        new FloatTargetSpec(
            "exp2-small",
            "2^x on a small interval",
            FloatDomain.of(NumberFormat.FLOAT32, List.of(Interval.closedOpen(lo, hi))),
            s.reference(),
            s.metric(),
            s.plan(),
            s.primitives(),
            s.costModel(),
            List::of));
  }

  private static Program kernel(String body) {
    return Parser.parse("kernel k float32\ninput x : f\n" + body, "test.kernel");
  }

  /** A front of a line and a quadratic with rough constants, by increasing cost. */
  private static List<FrontEntry> front() {
    Program line = kernel("t = fma x 1.0 0.7\noutput t\n");
    Program quad = kernel("t0 = fma x 0.3 0.4\nt1 = fma x t0 0.9\noutput t1\n");
    List<FrontEntry> f = new ArrayList<>();
    f.add(FrontEntry.of(line, Fitness.of(1e5, 4), 1, 0));
    f.add(FrontEntry.of(quad, Fitness.of(1e4, 8), 2, 0));
    return f;
  }

  private static final RankPolicy SMALL_POLICY =
      RankPolicy.of(4096, 8, 16, 4, 2, 20, 10, 8, 200, 0.15);

  private static RankResult rank(int threads) {
    return FrontRanker.rank(
        SMALL, ScoreOptions.training(256, 1), front(), SMALL_POLICY, 7, threads, line -> {});
  }

  @Test
  void theRankedFrontCarriesTheExhaustiveErrorOfEachKernelItKeeps() {
    RankResult r = rank(2);
    assertNotNull(r);
    assertTrue(!r.front().isEmpty());
    for (Ranked k : r.front()) {
      assertTrue(k.verified(), k.toString());
      double exhaustive =
          SMALL.verify(k.entry().program(), ScoreOptions.exhaustive().withThreads(1)).error();
      assertEquals(exhaustive, k.error());
    }
    assertTrue(
        r.exhaustiveChecks() >= 1 && r.exhaustiveChecks() <= SMALL_POLICY.exhaustiveChecks());
  }

  @Test
  void reTuningOnTheWorstInputsLowersTheVerifiedError() {
    RankResult r = rank(2);
    Ranked quad = r.all().get(1);
    double before =
        SMALL.verify(quad.found().program(), ScoreOptions.exhaustive().withThreads(1)).error();
    assertTrue(quad.retuned());
    assertTrue(quad.error() < before / 10, quad.error() + " vs " + before);
  }

  @Test
  void theRankingDoesNotDependOnTheThreadCount() {
    RankResult one = rank(1);
    RankResult two = rank(2);
    assertEquals(one.all().size(), two.all().size());
    for (int i = 0; i < one.all().size(); i++) {
      assertEquals(one.all().get(i).entry(), two.all().get(i).entry());
      assertEquals(one.all().get(i).error(), two.all().get(i).error());
    }
    assertEquals(one.exhaustiveChecks(), two.exhaustiveChecks());
    assertEquals(one.tuningScorings(), two.tuningScorings());
  }

  @Test
  void theRankedFrontLowersTheErrorWithEachCostStep() {
    RankResult r = rank(1);
    for (int i = 1; i < r.front().size(); i++) {
      assertTrue(r.front().get(i).error() < r.front().get(i - 1).error());
      assertTrue(
          r.front().get(i).entry().fitness().cost()
              > r.front().get(i - 1).entry().fitness().cost());
    }
  }

  @Test
  void withoutAnExhaustiveBudgetKernelsAreRankedOnTheLargerSample() {
    RankPolicy none = RankPolicy.of(4096, 8, 16, 0, 0, 0, 0, 8, 200, 0.15);
    RankResult r =
        FrontRanker.rank(SMALL, ScoreOptions.training(256, 1), front(), none, 7, 1, line -> {});
    assertEquals(0, r.exhaustiveChecks());
    for (Ranked k : r.all()) {
      assertEquals(Method.SAMPLED, k.check().method());
      assertEquals(4096, k.check().points());
    }
  }

  @Test
  void onlyFloatTargetsOfOneInputAreRanked() {
    assertTrue(FrontRanker.ranks(FloatTargets.exp2()));
    assertNull(
        FrontRanker.rank(
            numevo.targets.Targets.resolve("lmul-e4m3", numevo.targets.TargetParams.none()),
            ScoreOptions.training(16, 1),
            List.of(),
            RankPolicy.DEFAULT,
            1,
            1,
            line -> {}));
  }

  @Test
  void theWindowOfExp2IsItsTopFourBinades() {
    FloatTarget w = FrontRanker.window(FloatTargets.exp2());
    assertNotNull(w);
    assertEquals(4L << 23, w.domainSize().getAsLong());
    assertTrue(w.spec().domain().contains(0.0625));
    assertTrue(!w.spec().domain().contains(Math.nextDown(0.0625f)));
    // A small domain is its own window.
    assertEquals(SMALL, FrontRanker.window(SMALL));
  }

  @Test
  void counterexamplesComeWithTheirNeighboursInsideTheDomain() {
    TreeSet<Double> c = new TreeSet<>();
    FloatDomain d = SMALL.spec().domain();
    FrontRanker.addWithNeighbours(c, 0.5, 3, d);
    assertEquals(4, c.size()); // 0.5 and three above; below 0.5 is outside the domain
    assertEquals(0.5, c.first());
    assertEquals((double) Math.nextUp(Math.nextUp(Math.nextUp(0.5f))), c.last());
  }

  @Test
  void theWorstPointsAreTheLargestAbsoluteErrorsTiesToTheLowerIndex() {
    int[] w = FrontRanker.worst(new double[] {0.1, -3, 2, 3, -0.5}, 3);
    assertEquals(1, w[0]);
    assertEquals(3, w[1]);
    assertEquals(2, w[2]);
  }

  /** rsqrt on [1, 1 + 2^-6) (131,072 points), with the given primitives. */
  private static FloatTarget rsqrtSmall(numevo.targets.PrimitiveSet primitives) {
    FloatTargetSpec s = FloatTargets.rsqrt().spec();
    return FloatTarget.of(
        new FloatTargetSpec(
            "rsqrt-small",
            "1/sqrt(x) on a small interval",
            FloatDomain.of(NumberFormat.FLOAT32, List.of(Interval.closedOpen(1, 1 + 0x1p-6))),
            s.reference(),
            s.metric(),
            s.plan(),
            primitives,
            s.costModel(),
            List::of));
  }

  private static long magic(Program p) {
    int[] ints = numevo.evolver.genome.Literals.intSites(p);
    return numevo.evolver.genome.Literals.intValues(p, ints)[1];
  }

  @Test
  void theRankingSearchesTheMagicConstantOfABitTrickKernelOnlyWhereFrombitsIsAllowed() {
    // A magic-constant first guess with one correction, its constant 4,000 codes off Kadlec's.
    Program k =
        kernel(
            """
            i = bits x
            h = shr i 1
            j = sub 1595936761 h
            y = frombits j
            xy = mul x y
            yb = mul -0.703952253 y
            u = fma xy yb 1.68186
            y1 = mul y u
            output y1
            """);
    var bits = FloatTargets.rsqrt().primitives();
    FloatTarget with = rsqrtSmall(bits);
    List<FrontEntry> f = List.of(FrontEntry.of(k, Fitness.of(1e4, 15), 1, 0));
    RankResult r =
        FrontRanker.rank(with, ScoreOptions.training(256, 1), f, SMALL_POLICY, 7, 1, l -> {});
    Ranked ranked = r.all().get(0);
    assertTrue(magic(ranked.entry().program()) != magic(k), ranked.entry().program().toString());
    double before = with.verify(k, ScoreOptions.exhaustive().withThreads(1)).error();
    assertTrue(ranked.error() < before, ranked.error() + " vs " + before);
    // Without frombits among the target's primitives the integer constants are left alone.
    var floatsOnly =
        numevo.targets.PrimitiveSet.of(
            bits.ops().stream().filter(o -> o != numevo.dsl.program.Op.FROMBITS).toList());
    RankResult r2 =
        FrontRanker.rank(
            rsqrtSmall(floatsOnly), ScoreOptions.training(256, 1), f, SMALL_POLICY, 7, 1, l -> {});
    assertEquals(magic(k), magic(r2.all().get(0).entry().program()));
  }
}
