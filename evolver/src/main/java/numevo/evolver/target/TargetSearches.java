package numevo.evolver.target;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.program.Input;
import numevo.dsl.program.Op;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.evolver.fitness.CostModel;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.genome.LiteralConfig;
import numevo.evolver.hash.Bounds;
import numevo.evolver.hash.HashConfig;
import numevo.evolver.search.SearchConfig;
import numevo.evolver.search.StopConfig;
import numevo.targets.Target;

/**
 * Builds a search's configuration from a target: the genome from its signature and primitive set,
 * the cost model from its cost model, and the hash's input ranges from its training sample.
 */
public final class TargetSearches {
  private TargetSearches() {}

  /**
   * The genome of a target's kernels: its format, inputs (named {@code x}, or {@code x0, x1...})
   * and outputs; the allowed ops that exist in its format; literals unless the target forbids them
   * (then only where no value of the needed type exists).
   *
   * @param target the target
   * @param maxSize the most instructions of a kernel
   */
  public static GenomeConfig genome(Target target, int maxSize) {
    var sig = target.signature();
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < sig.inputs().size(); i++) {
      inputs.add(Input.of(sig.inputs().size() == 1 ? "x" : "x" + i, sig.inputs().get(i)));
    }
    List<Op> ops =
        target.primitives().ops().stream()
            .filter(op -> RandomProgramConfig.isValid(op, sig.format()))
            .sorted()
            .toList();
    LiteralConfig literals =
        target.primitives().literals()
            ? LiteralConfig.DEFAULT
            : LiteralConfig.DEFAULT.withProbability(0);
    return new GenomeConfig(
        sig.format(), inputs, sig.outputs(), ops, 0, maxSize, Math.min(8, maxSize), literals);
  }

  /** The target's cost model as the search's. */
  public static CostModel costs(Target target) {
    var c = target.costModel();
    return CostModel.of(c.costs(), c.otherCost());
  }

  /**
   * The range of each input over the training sample: functions equal there get the same fitness,
   * so probes are drawn from it. A float input whose sample reaches both infinities ranges over
   * everything.
   */
  public static List<Bounds> sampleBounds(TargetScorer scorer) {
    Batch in = scorer.scorer().inputs();
    int n = scorer.scorer().points();
    List<Bounds> bounds = new ArrayList<>();
    for (int p = 0; p < in.ports(); p++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        double x =
            switch (in.type(p)) {
              case F -> in.f(p)[i];
              case I32 -> in.i32(p)[i];
              case INT -> 0;
            };
        if (!Double.isNaN(x)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
      bounds.add(lo <= hi ? Bounds.of(lo, hi) : Bounds.ALL);
    }
    return bounds;
  }

  /**
   * A search of a target with the defaults for everything not derived from the target.
   *
   * @param target the target
   * @param scorer its training sample
   * @param seed the search's seed
   * @param maxSize the most instructions of a kernel
   * @param stop when to stop
   */
  public static SearchConfig config(
      Target target, TargetScorer scorer, long seed, int maxSize, StopConfig stop) {
    GenomeConfig g = genome(target, maxSize);
    boolean exactInt = g.inputTypes().contains(Type.INT) || g.outputTypes().contains(Type.INT);
    HashConfig hash =
        exactInt ? HashConfig.DEFAULT : HashConfig.DEFAULT.withInputs(sampleBounds(scorer));
    return SearchConfig.of(seed, g, stop).withCosts(costs(target)).withHash(hash);
  }
}
