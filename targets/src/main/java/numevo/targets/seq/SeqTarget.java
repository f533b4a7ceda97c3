package numevo.targets.seq;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import numevo.dsl.eval.Batch;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.targets.Baseline;
import numevo.targets.CostModel;
import numevo.targets.Method;
import numevo.targets.Metric;
import numevo.targets.PrimitiveSet;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.Signature;
import numevo.targets.Target;
import numevo.targets.TargetException;

/**
 * The sequence target {@code seq} on one sequence, in the {@link Target} API.
 *
 * <p>It scores every kernel in the package's convention, whatever its order and whether it uses
 * {@code n} ({@link #score} does not demand the {@link #signature()}, which only says what a search
 * generates: {@code n} and {@code order} previous terms). Every term is evaluated, so scores are
 * exhaustive; the options are ignored. The objective is {@code train_missed}, the training terms
 * after its initial terms that the recurrence does not produce (a recurrence of order {@code k}
 * takes its first {@code k} terms from the data and cannot predict them, so they are no misses: an
 * exact recurrence misses 0); ties go to the smaller kernel. A search minimizes {@code train_loss}
 * instead, which does charge each initial term as a miss, so that a longer memory is no free gain
 * ({@link SeqScore#trainLoss()}). The baselines are what the classical solvers find in the training
 * terms.
 */
public final class SeqTarget implements Target {

  /** The target's name. */
  public static final String NAME = "seq";

  /** The objective's metric key. */
  public static final String TRAIN_MISSED = "train_missed";

  /** The key of the search's training loss ({@link SeqScore#trainLoss()}). */
  public static final String TRAIN_LOSS = "train_loss";

  /**
   * The ops of a search: exact int arithmetic (add, sub, mul, neg, exact div). Comparisons and
   * select are left out: recurrences of the kinds sought rarely branch, the extra ops widen every
   * random choice, and kernels with them cannot be hashed modulo a prime; a search can add them
   * ({@code --add-ops lt,le,eq,select}).
   */
  public static final PrimitiveSet PRIMITIVES =
      PrimitiveSet.of(EnumSet.of(Op.ZADD, Op.ZSUB, Op.ZMUL, Op.ZNEG, Op.ZDIV));

  /** Every op of the cost model: the search's and the comparisons and select a user may add. */
  static final java.util.Set<Op> COSTED_OPS =
      EnumSet.of(Op.ZADD, Op.ZSUB, Op.ZMUL, Op.ZNEG, Op.ZDIV, Op.ZLT, Op.ZLE, Op.ZEQ, Op.ZSELECT);

  private final SeqScorer scorer;
  private final RecurrenceShape searchShape;
  private final Signature signature;
  private volatile List<Baseline> baselines;

  private SeqTarget(SequenceData data, SeqConfig config, int order) {
    this(SeqScorer.of(data, config), order);
  }

  private SeqTarget(SeqScorer scorer, int order) {
    this.scorer = scorer;
    this.searchShape = new RecurrenceShape(true, order);
    List<Type> in = new ArrayList<>();
    for (int i = 0; i <= order; i++) {
      in.add(Type.INT);
    }
    this.signature = Signature.of(NumberFormat.FLOAT64, in, List.of(Type.INT));
    if (order >= scorer.split().train()) {
      throw new TargetException(
          NAME
              + ": order "
              + order
              + " needs more initial terms than the "
              + scorer.split().train()
              + " training terms");
    }
  }

  /**
   * The target on one sequence.
   *
   * @param data the sequence
   * @param config held-out count and bounds
   * @param order the number of previous terms of the kernels a search generates (with {@code n})
   * @throws TargetException if the order leaves no training term to predict
   */
  public static SeqTarget of(SequenceData data, SeqConfig config, int order) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    if (order < 0) {
      throw new TargetException(NAME + ": negative order " + order);
    }
    return new SeqTarget(data, config, order);
  }

  /**
   * The same sequence, split and bounds with another search order (the baselines are computed
   * again, from the same training terms).
   *
   * @throws TargetException if the order leaves no training term to predict
   */
  public SeqTarget withOrder(int order) {
    if (order < 0) {
      throw new TargetException(NAME + ": negative order " + order);
    }
    return new SeqTarget(scorer, order);
  }

  /** The scorer of the split sequence. */
  public SeqScorer seqScorer() {
    return scorer;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    SequenceSplit s = scorer.split();
    return "recurrence for "
        + s.data().id()
        + ": "
        + s.train()
        + " training terms, "
        + s.heldOut()
        + " held out; exact int arithmetic";
  }

  @Override
  public Signature signature() {
    return signature;
  }

  /**
   * {@code n, a1, ..., ak} for the search order {@code k}: the index first, then the previous
   * terms, so that every kernel a search makes reads as a recurrence of order {@code k} that may
   * use {@code n} (see {@link RecurrenceShape}).
   */
  @Override
  public List<String> inputNames() {
    List<String> names = new ArrayList<>();
    names.add(RecurrenceShape.INDEX);
    for (int i = 1; i <= searchShape.order(); i++) {
      names.add("a" + i);
    }
    return List.copyOf(names);
  }

  /** The order of the kernels a search generates: how many previous terms they see. */
  public int searchOrder() {
    return searchShape.order();
  }

  @Override
  public PrimitiveSet primitives() {
    return PRIMITIVES;
  }

  @Override
  public CostModel costModel() {
    return SeqTargets.OP_COUNT;
  }

  @Override
  public List<Baseline> baselines() {
    List<Baseline> b = baselines;
    if (b == null) {
      List<Baseline> found = new ArrayList<>();
      for (SolverResult r :
          List.of(
              BerlekampMassey.of(BmConfig.defaults()).find(scorer),
              PRecursiveGuesser.of(PRecConfig.defaults()).find(scorer))) {
        if (r instanceof SolverResult.Found f) {
          found.add(
              new Baseline(
                  r.solver(),
                  "computed from the training terms",
                  f.recurrence().formula(),
                  f.recurrence().kernel()));
        }
      }
      b = List.copyOf(found);
      baselines = b;
    }
    return b;
  }

  @Override
  public String objective() {
    return TRAIN_MISSED;
  }

  @Override
  public OptionalLong domainSize() {
    return OptionalLong.of(scorer.split().data().size());
  }

  @Override
  public Scorer scorer(ScoreOptions options) {
    return new Adapter();
  }

  @Override
  public Score verify(Program p, ScoreOptions options) {
    return toScore(scoreKernel(p));
  }

  /** Scores any kernel in the convention; the options are ignored (every term is scored). */
  @Override
  public Score score(Program p, ScoreOptions options) {
    return verify(p, options);
  }

  private SeqScore scoreKernel(Program p) {
    try {
      RecurrenceShape.of(p);
    } catch (IllegalArgumentException e) {
      String why = e.getMessage();
      String own = p.name() + ": ";
      throw TargetException.kernel(
          "kernel '"
              + p.name()
              + "' does not fit target "
              + NAME
              + ": "
              + (why.startsWith(own) ? why.substring(own.length()) : why));
    }
    try {
      return scorer.score(p);
    } catch (IllegalArgumentException e) {
      throw new TargetException(e.getMessage());
    }
  }

  /**
   * The metrics of a score: {@code train_missed} (the objective: training terms after the initial
   * ones not reproduced), {@code train_matched}, {@code heldout_matched}, {@code train_terms},
   * {@code heldout_terms}, {@code initial_terms}, {@code predicts_heldout} (1 or 0), {@code failed}
   * (1 if evaluation stopped early or the kernel was rejected by the growth bound) and {@code
   * train_loss} ({@link SeqScore#trainLoss()}, what a search minimizes).
   */
  public static List<Metric> metrics(SeqScore s) {
    return List.of(
        Metric.count(TRAIN_MISSED, s.trainPredicted() - s.trainMatched()),
        Metric.real(TRAIN_LOSS, s.trainLoss()),
        Metric.count(Metric.TRAIN_MATCHED, s.trainMatched()),
        Metric.count(Metric.HELDOUT_MATCHED, s.heldOutMatched()),
        Metric.count("train_terms", s.train()),
        Metric.count("heldout_terms", s.heldOut()),
        Metric.count("initial_terms", s.start()),
        Metric.count("predicts_heldout", s.predictsHeldOut() ? 1 : 0),
        Metric.count("failed", s.failure().isPresent() ? 1 : 0));
  }

  private Score toScore(SeqScore s) {
    return toScore(s, TRAIN_MISSED);
  }

  private Score toScore(SeqScore s, String objective) {
    return new Score(
        NAME,
        Method.EXHAUSTIVE,
        scorer.split().data().size() - s.start(),
        OptionalLong.empty(),
        objective,
        metrics(s),
        s.size(),
        s.size(),
        s.failure());
  }

  /**
   * A {@link Scorer} whose inputs are shaped by the search signature, and whose scores minimize the
   * search's {@code train_loss} (a search's view; {@link #verify} and {@link #score} report {@code
   * train_missed}).
   */
  private final class Adapter implements Scorer {
    private volatile Batch inputs;

    @Override
    public Target target() {
      return SeqTarget.this;
    }

    @Override
    public int points() {
      return scorer.split().data().size() - searchShape.order();
    }

    @Override
    public String description() {
      SequenceSplit s = scorer.split();
      return "the first "
          + s.train()
          + " terms of "
          + s.data().id()
          + " ("
          + s.heldOut()
          + " more held out)";
    }

    @Override
    public Batch inputs() {
      Batch b = inputs;
      if (b == null) {
        b = scorer.inputs(searchShape);
        inputs = b;
      }
      return b;
    }

    @Override
    public String objective() {
      return TRAIN_LOSS;
    }

    @Override
    public Score score(Program p) {
      return toScore(scoreKernel(p), TRAIN_LOSS);
    }

    @Override
    public Score score(Program p, Batch outputs) {
      signature.check(NAME, p);
      return toScore(scorer.score(p, outputs), TRAIN_LOSS);
    }
  }
}
