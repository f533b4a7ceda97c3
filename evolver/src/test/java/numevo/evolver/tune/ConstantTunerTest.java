package numevo.evolver.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.evolver.fitness.ErrorMetric;
import numevo.evolver.fitness.SampledScorer;
import numevo.evolver.genome.Literals;
import numevo.evolver.problem.TargetScorer;
import numevo.targets.ScoreOptions;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import org.junit.jupiter.api.Test;

class ConstantTunerTest {
  private static final SampledScorer EXP2 =
      SampledScorer.uniform(
          NumberFormat.FLOAT32, 0, 1, 1024, x -> Math.pow(2, x), ErrorMetric.MAX_ULP);

  private static final Program QUADRATIC =
      Parser.parse(
          "kernel k float32\ninput x : f\na = fma x 0.5 1.0\nb = fma a x 1.0\noutput b\n", "k");

  private static ConstantTuner tuner(int cma, int climb) {
    return ConstantTuner.of(
        TuningConfig.of(1, 1, cma, 12, 0.3, climb), EXP2::error, EXP2::coarseError);
  }

  @Test
  void tuningAQuadraticComesNearTheMinimaxError() {
    double before = EXP2.error(QUADRATIC);
    Tuned t = tuner(1000, 200).tune(QUADRATIC, before, 1);
    // The minimax quadratic of 2^x on [0, 1) is about 2e4 ulps off; the start 2e5 times that.
    assertTrue(before > 1e6, "start " + before);
    assertTrue(t.error() < 4e4, "tuned " + t.error());
    assertEquals(EXP2.error(t.program()), t.error());
    assertTrue(t.evaluations() <= 1000 + 200 + 20, "evaluations " + t.evaluations());
    assertEquals(QUADRATIC.body().size(), t.program().body().size());
  }

  @Test
  void theHillClimbAloneFindsTheBestConstantNearby() {
    // y = x + c on [0, 1): the best c for max ulp error is a float near 1; start a few ulps off.
    Program p = Parser.parse("kernel k float32\ninput x : f\ny = add x 0.95696\noutput y\n", "k");
    Tuned t = tuner(0, 400).tune(p, EXP2.error(p), 1);
    double c = Literals.values(t.program(), Literals.sites(t.program()))[0];
    for (int d = -3; d <= 3; d++) {
      double near = numevo.evolver.genome.FormatSteps.step(NumberFormat.FLOAT32, c, d);
      Program q = Literals.with(t.program(), Literals.sites(t.program()), new double[] {near});
      assertTrue(EXP2.error(q) >= t.error(), "a neighbour is better: " + near);
    }
  }

  @Test
  void tuningIsDeterministicAndNeedsConstants() {
    double e = EXP2.error(QUADRATIC);
    assertEquals(tuner(200, 50).tune(QUADRATIC, e, 7), tuner(200, 50).tune(QUADRATIC, e, 7));
    Program none = Parser.parse("kernel k float32\ninput x : f\ny = mul x x\noutput y\n", "k");
    Tuned t = tuner(200, 50).tune(none, EXP2.error(none), 7);
    assertSame(none, t.program());
    assertEquals(0, t.evaluations());
  }

  /** The exp2 target's own training sample, with its per-point residuals in ULPs. */
  private static final TargetScorer TARGET =
      TargetScorer.of(Targets.resolve("exp2", TargetParams.none()), ScoreOptions.training(1024, 1));

  private static final Residuals TARGET_RESIDUALS =
      new Residuals() {
        @Override
        public int points() {
          return TARGET.residualPoints();
        }

        @Override
        public double resolution() {
          return TARGET.residualResolution();
        }

        @Override
        public boolean compute(Program p, double[] out) {
          return TARGET.residuals(p, out);
        }
      };

  /** Degree-4 Taylor polynomial of 2^x in Horner form with fma. */
  private static final Program TAYLOR4 =
      Parser.parse(
          """
          kernel taylor4 float32
          input x : f
          t3 = fma 0.009618129 x 0.05550411
          t2 = fma t3 x 0.2402265
          t1 = fma t2 x 0.6931472
          t0 = fma t1 x 1.0
          output t0
          """,
          "taylor4");

  @Test
  void minimaxStepsBringADegree4PolynomialToItsMinimaxError() {
    // The real minimax degree-4 polynomial of 2^x on [0, 1] is 31.0 ulps (of [1, 2)) off.
    double start = TARGET.error(TAYLOR4);
    ConstantTuner refineOnly =
        ConstantTuner.of(
            TuningConfig.of(1, 1, 0, 12, 0.3, 0, 8),
            TARGET::error,
            TARGET::error,
            TARGET_RESIDUALS);
    Tuned t = refineOnly.tune(TAYLOR4, start, 1);
    assertTrue(start > 10_000, "start " + start);
    assertTrue(t.error() < 32.5, "tuned " + t.error());
    assertTrue(t.evaluations() < 100, "evaluations " + t.evaluations());
    assertEquals(TARGET.error(t.program()), t.error());
    // CMA-ES and the hill climb alone, with ten times the scorings, stay far from it.
    ConstantTuner without =
        ConstantTuner.of(TuningConfig.of(1, 1, 600, 12, 0.3, 200), TARGET::error, TARGET::error);
    assertTrue(without.tune(TAYLOR4, start, 1).error() > 100);
  }

  /** A code kernel {@code y = add x <c>} whose error is the distance of c from 55. */
  private static double distanceFrom55(Program p) {
    int[] sites = Literals.intSites(p);
    return sites.length == 0
        ? Double.POSITIVE_INFINITY
        : Math.abs(Literals.intValues(p, sites)[0] - 55);
  }

  @Test
  void theIntegerClimbFindsAnI32ConstantAndCountsItsScorings() {
    Program p = Parser.parse("kernel k e4m3fn\ninput x : i32\ny = add x 3\noutput y\n", "k");
    ConstantTuner on =
        ConstantTuner.of(
            TuningConfig.of(1, 1, 0, 12, 0.3, 0, 0, 200), ConstantTunerTest::distanceFrom55);
    Tuned t = on.tune(p, distanceFrom55(p), 1);
    assertEquals(0.0, t.error());
    assertEquals(55, Literals.intValues(t.program(), Literals.intSites(t.program()))[0]);
    assertTrue(t.intEvaluations() > 0 && t.intEvaluations() <= 200, "" + t.intEvaluations());
    assertEquals(t.evaluations(), t.intEvaluations());
    // With no integer budget, integer constants are left alone.
    ConstantTuner off =
        ConstantTuner.of(
            TuningConfig.of(1, 1, 0, 12, 0.3, 0, 0, 0), ConstantTunerTest::distanceFrom55);
    Tuned none = off.tune(p, distanceFrom55(p), 1);
    assertSame(p, none.program());
    assertEquals(0, none.evaluations());
  }

  @Test
  void theIntegerClimbReachesAFarIntConstant() {
    // 1000 to 4096: growing steps and bit flips get there well within the budget.
    Program p =
        Parser.parse("kernel k float64\ninput a : int\ny = mul a 1000:int\noutput y\n", "k");
    ConstantTuner t =
        ConstantTuner.of(
            TuningConfig.of(1, 1, 0, 12, 0.3, 0, 0, 300),
            q -> Math.abs(Literals.intValues(q, Literals.intSites(q))[0] - 4096));
    Tuned r = t.tune(p, Math.abs(1000 - 4096), 1);
    assertEquals(0.0, r.error());
    assertEquals(4096, Literals.intValues(r.program(), Literals.intSites(r.program()))[0]);
  }

  /** A magic-constant kernel: the first guess of rsqrt from constant R, times c. */
  private static Program magic(long r, double c) {
    return Parser.parse(
        "kernel k float32\ninput x : f\ni = bits x\nh = shr i 1\nj = sub "
            + r
            + " h\ny = frombits j\ny1 = mul y "
            + c
            + "\noutput y1\n",
        "k");
  }

  /**
   * Every 8191st float32 of [1, 4): 2,048 points over one period of the magic-constant guess (an
   * odd stride, so that the points' low code bits vary and the planted constant is the only one
   * with no error on them).
   */
  private static final double[] PERIOD = new double[2048];

  static {
    int one = Float.floatToRawIntBits(1f);
    for (int i = 0; i < PERIOD.length; i++) {
      PERIOD[i] = Float.intBitsToFloat(one + 8191 * i);
    }
  }

  /** Relative residuals against a planted kernel on {@link #PERIOD}, and their maximum. */
  private record Planted(double[] exact) implements Residuals {
    static Planted of(Program p) {
      double[] e = new double[PERIOD.length];
      Interpreter in = Interpreter.of(p);
      for (int i = 0; i < e.length; i++) {
        e[i] = (Double) in.eval(PERIOD[i])[0];
      }
      return new Planted(e);
    }

    @Override
    public int points() {
      return PERIOD.length;
    }

    @Override
    public double resolution() {
      return 0x1p-24;
    }

    @Override
    public boolean compute(Program p, double[] out) {
      Interpreter in = Interpreter.of(p);
      for (int i = 0; i < out.length; i++) {
        double y = (Double) in.eval(PERIOD[i])[0];
        out[i] = (y - exact[i]) / exact[i];
        if (!Double.isFinite(out[i])) {
          return false;
        }
      }
      return true;
    }

    double error(Program p) {
      double[] r = new double[PERIOD.length];
      if (!compute(p, r)) {
        return Double.POSITIVE_INFINITY;
      }
      double m = 0;
      for (double v : r) {
        m = Math.max(m, Math.abs(v));
      }
      return m;
    }
  }

  private static ConstantTuner joint(Planted planted, int ints) {
    return ConstantTuner.of(
        TuningConfig.of(1, 1, 0, 12, 0.3, 50, 6, ints), planted::error, planted::error, planted);
  }

  @Test
  void theJointSearchFindsAPlantedMagicConstantFarAway() {
    // The planted kernel: 0x5f1fffc4 and 0.75. From Quake's 0x5f3759df and 1.0 (1.5 million
    // codes away) the integer search re-fits the float constant to each candidate and lands on
    // the planted pair exactly.
    Planted planted = Planted.of(magic(0x5f1fffc4L, 0.75));
    Program start = magic(0x5f3759dfL, 1.0);
    Tuned t = joint(planted, 3000).tune(start, planted.error(start), 1);
    long[] ints = Literals.intValues(t.program(), Literals.intSites(t.program()));
    assertEquals(
        0x5f1fffc4L,
        ints[1],
        () ->
            Long.toHexString(ints[1])
                + " "
                + t.error()
                + " "
                + t.intEvaluations()
                + " "
                + t.program());
    assertEquals(1, ints[0]);
    assertEquals(0.75, Literals.values(t.program(), Literals.sites(t.program()))[0]);
    assertEquals(0.0, t.error());
    assertTrue(t.intEvaluations() > 0 && t.intEvaluations() <= 3000, "" + t.intEvaluations());
    // The same search scoring each integer candidate with the old float constant (no residuals,
    // hence no re-fit: the integer climb) stays far from it.
    ConstantTuner climbOnly =
        ConstantTuner.of(TuningConfig.of(1, 1, 0, 12, 0.3, 50, 6, 3000), planted::error);
    Tuned c = climbOnly.tune(start, planted.error(start), 1);
    assertTrue(c.error() > 1e-3, "the climb alone reached " + c.error());
  }

  @Test
  void theJointSearchIsDeterministic() {
    Planted planted = Planted.of(magic(0x5f1fffc4L, 0.75));
    Program start = magic(0x5f3759dfL, 1.0);
    double e = planted.error(start);
    assertEquals(joint(planted, 400).tune(start, e, 3), joint(planted, 400).tune(start, e, 3));
  }
}
