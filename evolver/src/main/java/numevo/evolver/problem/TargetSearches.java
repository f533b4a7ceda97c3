package numevo.evolver.problem;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Op;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.genome.LiteralConfig;
import numevo.evolver.genome.MutationConfig;
import numevo.evolver.genome.MutationKind;
import numevo.evolver.hash.Bounds;
import numevo.evolver.hash.HashConfig;
import numevo.evolver.search.SearchConfig;
import numevo.evolver.search.StopConfig;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.CostModel;
import numevo.targets.CostModels;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;

/**
 * Builds a search's configuration from a target: the genome from its signature and primitive set,
 * the cost model from its cost model, and the hash's input ranges from its training sample.
 */
public final class TargetSearches {
  private TargetSearches() {}

  /**
   * The genome of a target's kernels: its format, inputs (named as {@link Target#inputNames()}
   * says) and outputs; the allowed ops that exist in its format; literals unless the target forbids
   * them (then only where no value of the needed type exists).
   *
   * @param target the target
   * @param maxSize the most instructions of a kernel
   */
  public static GenomeConfig genome(Target target, int maxSize) {
    var sig = target.signature();
    List<Input> inputs = new ArrayList<>();
    List<String> names = target.inputNames();
    for (int i = 0; i < sig.inputs().size(); i++) {
      inputs.add(Input.of(names.get(i), sig.inputs().get(i)));
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
    if (isCodes(sig)) {
      literals = literals.withInts(codeConstants(sig.format()));
    }
    int initial = Math.min(defaults(target).initialMaxSize(), maxSize);
    return new GenomeConfig(
        sig.format(), inputs, sig.outputs(), ops, 0, maxSize, initial, literals);
  }

  /** Whether a target's kernels take codes: every input an i32 (the L-Mul family). */
  private static boolean isCodes(numevo.targets.Signature sig) {
    return !sig.inputs().isEmpty() && sig.inputs().stream().allMatch(t -> t == Type.I32);
  }

  /** Whether a target's kernels are exact-integer recurrences: every input and output an int. */
  private static boolean isExactInt(numevo.targets.Signature sig) {
    return sig.inputs().stream().allMatch(t -> t == Type.INT)
        && sig.outputs().stream().allMatch(t -> t == Type.INT);
  }

  /**
   * The layout constants of a format's codes, which i32 literals of a code-taking genome draw half
   * of the time: the sign bit and its position, the magnitude, exponent-field and mantissa masks,
   * the code mask, the mantissa width and the code of 1.0 ({@code bias << m}). Facts of the format,
   * as 0.5 and 2 are of arithmetic; no target's answer is among them.
   */
  public static List<Long> codeConstants(NumberFormat f) {
    int b = f.bits();
    int m = f.mantissaBits();
    int e = f.exponentBits();
    List<Long> c = new ArrayList<>();
    for (long v :
        new long[] {
          1L << (b - 1),
          b - 1,
          (1L << (b - 1)) - 1,
          ((1L << e) - 1) << m,
          (1L << m) - 1,
          (1L << b) - 1,
          m,
          (long) f.bias() << m
        }) {
      if (!c.contains(v)) {
        c.add(v);
      }
    }
    return List.copyOf(c);
  }

  /**
   * The mutations of a search of a target: the defaults, and for code kernels (every input an i32,
   * the L-Mul targets) {@link MutationKind#GUARD} at weight 1, since their special cases (zero
   * operands, underflow, overflow) each take a comparison and a select at once.
   */
  public static MutationConfig mutation(Target target) {
    return isCodes(target.signature())
        ? MutationConfig.DEFAULT.withWeight(MutationKind.GUARD, 1.0)
        : MutationConfig.DEFAULT;
  }

  /**
   * The constant tuning of a search of a target: the defaults, and for code kernels and exact-int
   * recurrences the integer climb with 200 scorings per tuned kernel (their constants are i32 or
   * int literals: masks, offsets, coefficients). Float kernels whose primitives include {@code
   * frombits} get the integer search with {@link #BIT_TRICK_INT_EVALUATIONS} scorings (a magic
   * constant is searched jointly with the float constants re-fitted to it); other float kernels
   * keep {@link TuningConfig#DEFAULT}, whose integer climb is off: their i32 literals are mostly
   * select conditions.
   */
  public static TuningConfig tuning(Target target) {
    var sig = target.signature();
    if (isCodes(sig) || isExactInt(sig)) {
      return TuningConfig.DEFAULT.withIntClimbEvaluations(200);
    }
    return target.primitives().allows(Op.FROMBITS)
        ? TuningConfig.DEFAULT.withIntClimbEvaluations(BIT_TRICK_INT_EVALUATIONS)
        : TuningConfig.DEFAULT;
  }

  /**
   * The integer search's scorings per tuned kernel of a float target whose primitives include
   * {@code frombits} (bit tricks: the magic constant of rsqrt, Schraudolph's exp): each integer
   * candidate is scored with its float constants re-fitted ({@code ConstantTuner}'s joint search),
   * about 10 to 20 scorings per candidate: a scan of 64 values of a magic constant's significand
   * field, then some 40 steps of the pattern search.
   */
  public static final int BIT_TRICK_INT_EVALUATIONS = 1500;

  /**
   * Probes per hash of a code kernel. L-Mul candidates often differ from each other on a few
   * operand pairs only; a 300-generation lmul-e4m3 search (seed 1) measured false hits in 15 of 192
   * audited cache hits with 128 probes, 3 of 170 with 1,024 and 0 of 157 with 4,096, whose hashing
   * took 2.9% of the search's time (scoring 20%).
   */
  public static final int CODE_PROBES = 4096;

  /**
   * The defaults of a search by the kind of a target's kernels:
   *
   * <ul>
   *   <li>exact-integer recurrences (every input and output {@code int}, the sequence target): at
   *       most 12 instructions (6 at first), islands of 100: recurrences are short (islands of 200
   *       were measured to triple the selection's time per candidate);
   *   <li>code kernels (every input an i32, the L-Mul targets): at most 32 instructions (12 at
   *       first), islands of 100, a training subset of 8,192 pairs: the paper's L-Mul takes 19 to
   *       25 instructions with its special cases;
   *   <li>float kernels: at most 20 instructions (8 at first), islands of 100, 1,024 training
   *       points.
   * </ul>
   */
  public static SearchDefaults defaults(Target target) {
    var sig = target.signature();
    if (isExactInt(sig)) {
      return new SearchDefaults(12, 6, 100, ScoreOptions.DEFAULT_TRAINING_POINTS, "recurrences");
    }
    if (isCodes(sig)) {
      return new SearchDefaults(32, 12, 100, 8192, "code kernels");
    }
    return new SearchDefaults(20, 8, 100, ScoreOptions.DEFAULT_TRAINING_POINTS, "float kernels");
  }

  /**
   * The hashing of a target's kernels: the defaults, with {@link #CODE_PROBES} probes for code
   * kernels.
   */
  public static HashConfig hash(Target target) {
    HashConfig d = HashConfig.DEFAULT;
    return isCodes(target.signature()) ? d.withProbes(d.probes().withCount(CODE_PROBES)) : d;
  }

  /** The target's cost model as the search's. */
  public static CostModel costs(Target target) {
    return target.costModel();
  }

  /**
   * The search's cost model for a {@code --cost} choice ({@link CostModels#of}): null for the
   * target's own.
   *
   * @throws IllegalArgumentException for an unknown choice
   */
  public static CostModel costs(Target target, String choice) {
    return CostModels.of(choice, target);
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
    HashConfig hash = exactInt ? hash(target) : hash(target).withInputs(sampleBounds(scorer));
    return SearchConfig.of(seed, g, stop).withCosts(costs(target)).withHash(hash);
  }
}
