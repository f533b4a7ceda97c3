package numevo.targets.lmul;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import numevo.dsl.eval.Batch;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.targets.Baseline;
import numevo.targets.Baselines;
import numevo.targets.CostModel;
import numevo.targets.Method;
import numevo.targets.Metric;
import numevo.targets.PrimitiveSet;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.Signature;
import numevo.targets.Split;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;

/**
 * An L-Mul target in the {@link Target} API: {@code lmul-e4m3} and {@code lmul-e5m2} score all
 * 65,536 pairs on the validation split and in {@link #verify} (their "sample" is the whole domain);
 * on the training split (a search's) they score the {@link TrainingPairs proportionally stratified
 * subset} of {@code options.points()} pairs drawn with the options' seed, or all pairs when {@code
 * points >= 65,536}. {@code lmul-bf16} scores the {@link OperandPairs#stratified stratified sample}
 * drawn with the options' seed on the validation split and with the seed plus {@value
 * #TRAINING_SEED_DELTA} on the training split; its size is fixed by the strata, not by {@code
 * options.points()}. References are built on first use and kept.
 *
 * <p>The objective is {@code loss} ({@link LmulScore#loss()}); the metrics are listed in {@link
 * #metrics(LmulScore)}.
 */
public final class LmulTarget implements Target {

  /** What the training split's seed adds to the options' seed (an independent stream). */
  public static final long TRAINING_SEED_DELTA = 0x5DEECE66DL;

  /** The objective's metric key. */
  public static final String LOSS = "loss";

  /** The target parameter that chooses the training pairs: {@code all} or {@code normal}. */
  public static final String TRAIN = "train";

  /**
   * The target parameter that chooses the loss: {@code real} (the default, {@link
   * LmulScore#loss()}) or {@code exact} (with the exactness term, {@link
   * LmulScorer#withExactLoss}).
   */
  public static final String LOSS_PARAM = "loss";

  private final LmulConfig config;
  private final boolean trainNormal;
  private final boolean exactLoss;
  private final Signature signature;
  private final Map<List<Long>, LmulScorer> scorers = new ConcurrentHashMap<>();

  private LmulTarget(LmulConfig config, boolean trainNormal, boolean exactLoss) {
    this.config = config;
    this.trainNormal = trainNormal;
    this.exactLoss = exactLoss;
    this.signature = Signature.of(config.format(), List.of(Type.I32, Type.I32), List.of(Type.I32));
  }

  /** The target of a configuration. */
  public static LmulTarget of(LmulConfig config) {
    return new LmulTarget(Objects.requireNonNull(config, "config"), false, false);
  }

  /**
   * The target of a configuration whose training split keeps only the pairs of the {@link
   * ProductCategory#NORMAL normal} category (normal operands, normal correctly rounded product):
   * the first stage of a staged search, exact on normal pairs first, then (a second search on the
   * target of {@link #of}, seeded with the first's front) the special cases. The validation split
   * and {@link #verify} still score every pair.
   */
  public static LmulTarget trainingOnNormalPairs(LmulConfig config) {
    return new LmulTarget(Objects.requireNonNull(config, "config"), true, false);
  }

  /** This target with the exactness term in its loss on every split ({@code --loss exact}). */
  public LmulTarget withExactLoss() {
    return new LmulTarget(config, trainNormal, true);
  }

  /** Whether the loss has the exactness term. */
  public boolean hasExactLoss() {
    return exactLoss;
  }

  /**
   * The target of a configuration with its parameters: {@value #TRAIN} absent or {@code all},
   * {@link #of}; {@code normal}, {@link #trainingOnNormalPairs}; and {@value #LOSS_PARAM} absent or
   * {@code real}, the plain loss; {@code exact}, {@link #withExactLoss}.
   *
   * @throws TargetException (usage) for another value
   */
  public static LmulTarget of(LmulConfig config, TargetParams params) {
    String train = params.get(TRAIN).orElse("all");
    LmulTarget t =
        switch (train) {
          case "all" -> of(config);
          case "normal" -> trainingOnNormalPairs(config);
          default ->
              throw TargetException.usage(
                  "--" + TRAIN + " must be all or normal, not '" + train + "'");
        };
    String loss = params.get(LOSS_PARAM).orElse("real");
    return switch (loss) {
      case "real" -> t;
      case "exact" -> t.withExactLoss();
      default ->
          throw TargetException.usage(
              "--" + LOSS_PARAM + " must be real or exact, not '" + loss + "'");
    };
  }

  /** Whether the training split keeps only the normal pairs. */
  public boolean trainsOnNormalPairsOnly() {
    return trainNormal;
  }

  /** The configuration. */
  public LmulConfig config() {
    return config;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public String summary() {
    return "product of two "
        + config.format()
        + " codes with integer ops only, against the exact product; "
        + (exhaustive() ? "all 65,536 pairs" : "a stratified sample of pairs");
  }

  @Override
  public Signature signature() {
    return signature;
  }

  @Override
  public PrimitiveSet primitives() {
    return PrimitiveSet.of(LmulPrimitives.OPS);
  }

  @Override
  public CostModel costModel() {
    return config.energy();
  }

  @Override
  public List<Baseline> baselines() {
    List<Baseline> out = new ArrayList<>();
    for (LmulBaselines.Baseline b : LmulBaselines.all(config.format())) {
      String resource = LmulBaselines.resource(config.format(), b.name());
      out.add(
          new Baseline(
              b.name(), resource, Baselines.summaryOf(Baselines.read(resource)), b.kernel()));
    }
    return List.copyOf(out);
  }

  @Override
  public String objective() {
    return LOSS;
  }

  @Override
  public OptionalLong domainSize() {
    return exhaustive() ? OptionalLong.of(1L << 16) : OptionalLong.empty();
  }

  @Override
  public Scorer scorer(ScoreOptions options) {
    return new Adapter(lmulScorer(options));
  }

  @Override
  public Score verify(Program p, ScoreOptions options) {
    if (!exhaustive()) {
      throw new TargetException(
          name() + " cannot be scored exhaustively (2^32 pairs); score it sampled");
    }
    return scorer(options).score(p);
  }

  private boolean exhaustive() {
    return config.format().bits() == 8;
  }

  /**
   * The scorer of the sample the options name: for 8-bit formats all pairs, or on the training
   * split with fewer than 65,536 points the stratified subset.
   */
  LmulScorer lmulScorer(ScoreOptions options) {
    LmulScorer sampled = sampleScorer(options);
    boolean normal = trainNormal && options.split() == Split.TRAINING;
    if (!normal && !exactLoss) {
      return sampled;
    }
    // Keyed apart from sampleScorer's two-element keys.
    return scorers.computeIfAbsent(
        List.of(
            options.seed(),
            (long) options.points(),
            normal ? 1L : 0L,
            (long) options.split().ordinal()),
        k -> {
          LmulScorer s = normal ? normalOnly(sampled) : sampled;
          return exactLoss ? s.withExactLoss() : s;
        });
  }

  /** The scorer of the normal pairs of {@code s}'s pairs, in their order. */
  private LmulScorer normalOnly(LmulScorer s) {
    ProductReference r = s.reference();
    int n = 0;
    for (int i = 0; i < r.size(); i++) {
      if (r.category(i) == ProductCategory.NORMAL) {
        n++;
      }
    }
    int[] a = new int[n];
    int[] b = new int[n];
    int k = 0;
    for (int i = 0; i < r.size(); i++) {
      if (r.category(i) == ProductCategory.NORMAL) {
        a[k] = r.pairs().a(i);
        b[k] = r.pairs().b(i);
        k++;
      }
    }
    return LmulScorer.of(
        name(),
        ProductReference.of(OperandPairs.of(config.format(), a, b), config.saturation()),
        config.energy());
  }

  /** The scorer of the sample the options name, before {@link #trainingOnNormalPairs}. */
  private LmulScorer sampleScorer(ScoreOptions options) {
    if (exhaustive()) {
      LmulScorer all = scorers.computeIfAbsent(List.of(0L, 0L), k -> LmulScorer.of(config));
      int size = all.reference().size();
      if (options.split() != Split.TRAINING || options.points() >= size) {
        return all;
      }
      long seed = options.seed();
      int points = Math.max(options.points(), TRAINING_MIN_POINTS);
      return scorers.computeIfAbsent(
          List.of(seed, (long) points),
          k ->
              LmulScorer.of(
                  name(),
                  ProductReference.of(
                      TrainingPairs.of(all.reference(), points, seed), config.saturation()),
                  config.energy()));
    }
    long seed = options.seed() + (options.split() == Split.TRAINING ? TRAINING_SEED_DELTA : 0);
    return scorers.computeIfAbsent(List.of(seed, 0L), k -> LmulScorer.of(config.withSeed(seed)));
  }

  /** The fewest pairs of an 8-bit format's training subset (below, some strata would be empty). */
  public static final int TRAINING_MIN_POINTS = 1024;

  /** The score in the API's terms. */
  Score toScore(LmulScorer scorer, LmulScore s) {
    OptionalLong seed = scorer.reference().pairs().seed();
    boolean all = scorer.reference().pairs().method().equals("exhaustive");
    return new Score(
        name(),
        all ? Method.EXHAUSTIVE : Method.SAMPLED,
        s.points(),
        seed,
        LOSS,
        metrics(s),
        s.cost().ops(),
        s.cost().energyPj());
  }

  /**
   * The metrics of a score, in report order: {@code loss}, {@code exact_fraction}, {@code
   * mean_rel_err}, {@code max_rel_err} and {@code bias} (against the real product, see {@link
   * LmulScore}), {@code rel_err_points}, {@code excluded}, {@code core_mean_rel_err}, {@code
   * core_max_rel_err}, {@code core_min_signed_err}, {@code core_max_signed_err}, {@code
   * mean_rel_err_rounded}, {@code max_rel_err_rounded}, {@code special_mismatches}, then {@code
   * <category>_mismatches} for each {@link ProductCategory}.
   */
  public static List<Metric> metrics(LmulScore s) {
    List<Metric> m = new ArrayList<>();
    m.add(Metric.real(LOSS, s.loss()));
    m.add(Metric.fraction(Metric.EXACT_FRACTION, s.exactFraction()));
    m.add(Metric.real(Metric.MEAN_REL_ERR, s.vsReal().mean()));
    m.add(Metric.real(Metric.MAX_REL_ERR, s.vsReal().max()));
    m.add(Metric.real("bias", s.vsReal().meanSigned()));
    m.add(Metric.count("rel_err_points", s.vsReal().count()));
    m.add(Metric.count("excluded", s.vsReal().excluded()));
    m.add(Metric.real("core_mean_rel_err", s.vsRealCore().mean()));
    m.add(Metric.real("core_max_rel_err", s.vsRealCore().max()));
    m.add(Metric.real("core_min_signed_err", s.vsRealCore().minSigned()));
    m.add(Metric.real("core_max_signed_err", s.vsRealCore().maxSigned()));
    m.add(Metric.real("mean_rel_err_rounded", s.vsRounded().mean()));
    m.add(Metric.real("max_rel_err_rounded", s.vsRounded().max()));
    m.add(Metric.count("special_mismatches", s.specialMismatches()));
    for (CategoryOutcome o : s.special()) {
      m.add(Metric.count(o.category().key() + "_mismatches", o.mismatching()));
    }
    return m;
  }

  /** A {@link Scorer} over one {@link LmulScorer}. */
  private final class Adapter implements Scorer {
    private final LmulScorer scorer;
    private volatile Batch inputs;

    Adapter(LmulScorer scorer) {
      this.scorer = scorer;
    }

    @Override
    public Target target() {
      return LmulTarget.this;
    }

    @Override
    public int points() {
      return scorer.reference().size();
    }

    @Override
    public String description() {
      OperandPairs pairs = scorer.reference().pairs();
      String seed = pairs.seed().isPresent() ? " (seed " + pairs.seed().getAsLong() + ")" : "";
      return switch (pairs.method()) {
        case "exhaustive" -> String.format(java.util.Locale.ROOT, "all %,d pairs", pairs.size());
        default ->
            exhaustive()
                ? String.format(
                    java.util.Locale.ROOT,
                    "a stratified subset of %,d of the %,d pairs%s",
                    pairs.size(),
                    1 << 16,
                    seed)
                : String.format(
                    java.util.Locale.ROOT,
                    "a stratified sample of %,d pairs%s",
                    pairs.size(),
                    seed);
      };
    }

    @Override
    public Batch inputs() {
      Batch b = inputs;
      if (b == null) {
        OperandPairs pairs = scorer.reference().pairs();
        b = Batch.of(List.of(Type.I32, Type.I32), pairs.size());
        pairs.copy(0, pairs.size(), b.i32(0), b.i32(1));
        inputs = b;
      }
      return b;
    }

    @Override
    public Score score(Program p) {
      signature.check(name(), p);
      return toScore(scorer, scorer.score(p));
    }

    @Override
    public Score score(Program p, Batch outputs) {
      signature.check(name(), p);
      return toScore(scorer, scorer.score(p, outputs.i32(0)));
    }
  }
}
