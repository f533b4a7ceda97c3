package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.random.RandomPrograms;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import org.junit.jupiter.api.Test;

/**
 * The sampled scorer (columnar evaluation, one loop over primitive arrays) against a slow,
 * straightforward scorer (the interpreter, point by point, and {@link Ulp#error}) on random
 * programs, many of which return NaN, infinities or garbage.
 */
class SampledScorerMatchesSlowScorerTest {

  private static List<Program> programs(NumberFormat format, List<Op> ops, int count, long seed) {
    RandomPrograms gen =
        RandomPrograms.of(
            RandomProgramConfig.of(format).withInputs(Type.F).withSize(1, 12).withOps(ops));
    SplittableRandom rng = new SplittableRandom(seed);
    List<Program> out = new ArrayList<>();
    while (out.size() < count) {
      Program p = gen.next(rng);
      if (p.outputTypes().equals(List.of(Type.F))) {
        out.add(p);
      }
    }
    return out;
  }

  private static void compare(FloatTarget t, List<Program> ps) {
    ScoreOptions o = ScoreOptions.training(256, 5);
    FloatSample sample = t.sample(o);
    Scorer scorer = t.scorer(o);
    NumberFormat f = t.signature().format();
    for (Program p : ps) {
      Score fast = scorer.score(p);
      Interpreter in = Interpreter.of(p);
      double max = 0;
      double sum = 0;
      long correct = 0;
      for (int i = 0; i < sample.size(); i++) {
        double y = (Double) in.eval(sample.x(i))[0];
        double e =
            Ulp.error(y, sample.exactHi(i), sample.exactLo(i), sample.correctlyRounded(i), f);
        max = Math.max(max, e);
        sum += e;
        boolean same =
            y == sample.correctlyRounded(i)
                || (Double.isNaN(y) && Double.isNaN(sample.correctlyRounded(i)));
        correct += same ? 1 : 0;
      }
      String what = p.toString();
      assertEquals(max, fast.value(Metric.MAX_ULP).orElseThrow(), 1e-9 * max, what);
      assertEquals(
          sum / sample.size(), fast.value(Metric.MEAN_ULP).orElseThrow(), 1e-9 * sum, what);
      assertEquals(
          (double) correct / sample.size(), fast.value("correctly_rounded").orElseThrow(), what);
      assertEquals(sample.size(), fast.points());
      assertEquals(fast.value(t.objective()).orElseThrow(), fast.error());
      // The search's quick paths give the score's values, bit for bit.
      assertEquals(
          Double.doubleToLongBits(fast.error()), Double.doubleToLongBits(scorer.error(p)), what);
      for (String key :
          List.of(Metric.MAX_ULP, Metric.MEAN_ULP, Metric.MAX_REL_ERR, Metric.MEAN_REL_ERR)) {
        assertEquals(
            Double.doubleToLongBits(fast.value(key).orElseThrow()),
            Double.doubleToLongBits(scorer.value(p, key).orElseThrow()),
            key + " of " + what);
      }
      assertEquals(fast.value("correctly_rounded"), scorer.value(p, "correctly_rounded"));
    }
  }

  @Test
  void float32ScorerEqualsSlowScorerOnRandomPrograms() {
    List<Op> ops =
        List.of(
            Op.FADD,
            Op.FSUB,
            Op.FMUL,
            Op.FDIV,
            Op.FFMA,
            Op.FSQRT,
            Op.FMIN,
            Op.FRINT,
            Op.TOI,
            Op.BITS,
            Op.FROMBITS,
            Op.IADD,
            Op.ISHR,
            Op.FLT,
            Op.FSELECT);
    compare(FloatTargets.exp(), programs(NumberFormat.FLOAT32, ops, 150, 11));
    compare(FloatTargets.exp2(), programs(NumberFormat.FLOAT32, ops, 100, 12));
  }

  @Test
  void float64ScorerEqualsSlowScorerOnRandomPrograms() {
    List<Op> ops = List.of(Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FFMA, Op.FSQRT);
    compare(FloatTargets.exp2Real(), programs(NumberFormat.FLOAT64, ops, 100, 13));
  }
}
