package numevo.targets.floats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
import numevo.targets.Split;
import numevo.targets.Target;
import numevo.targets.TargetException;

/**
 * A float target: kernels {@code (f) -> (f)} in one format, scored against an exact reference in
 * ULPs and relative error ({@link Ulp} states the convention). Sampled scores use seeded samples
 * whose reference values are computed once and cached; exhaustive scores stream over the whole
 * domain on all cores ({@link CertificateVerifier}, which hands what it has no fast path for to
 * {@link ExhaustiveVerifier}). Immutable and thread-safe.
 */
public final class FloatTarget implements Target {
  private final FloatTargetSpec spec;
  private final Signature signature;
  private final Map<SampleKey, FloatSample> samples = new LinkedHashMap<>(16, 0.75f, true);

  private static final int CACHED_SAMPLES = 8;

  private record SampleKey(int points, long seed, Split split) {}

  private FloatTarget(FloatTargetSpec spec) {
    this.spec = spec;
    this.signature = Signature.of(spec.domain().format(), List.of(Type.F), List.of(Type.F));
  }

  /** The target a spec defines. */
  public static FloatTarget of(FloatTargetSpec spec) {
    return new FloatTarget(spec);
  }

  /** Its definition. */
  public FloatTargetSpec spec() {
    return spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public String summary() {
    return spec.summary();
  }

  @Override
  public Signature signature() {
    return signature;
  }

  @Override
  public PrimitiveSet primitives() {
    return spec.primitives();
  }

  @Override
  public CostModel costModel() {
    return spec.costModel();
  }

  @Override
  public List<Baseline> baselines() {
    return spec.baselines().get();
  }

  @Override
  public String objective() {
    return spec.metric() == FloatTargetSpec.ErrorMetric.ULP ? Metric.MAX_ULP : Metric.MAX_REL_ERR;
  }

  @Override
  public OptionalLong domainSize() {
    return spec.domain().enumerable()
        ? OptionalLong.of(spec.domain().size())
        : OptionalLong.empty();
  }

  /** The sample {@code options} names, drawn and referenced once, then cached. */
  public FloatSample sample(ScoreOptions options) {
    SampleKey k = new SampleKey(options.points(), options.seed(), options.split());
    synchronized (samples) {
      FloatSample s = samples.get(k);
      if (s != null) {
        return s;
      }
    }
    FloatSample s =
        FloatSample.draw(
            spec.domain(),
            spec.plan(),
            spec.reference(),
            options.points(),
            options.seed(),
            options.split());
    synchronized (samples) {
      samples.put(k, s);
      if (samples.size() > CACHED_SAMPLES) {
        samples.remove(samples.keySet().iterator().next());
      }
    }
    return s;
  }

  @Override
  public Scorer scorer(ScoreOptions options) {
    return new FloatScorer(this, sample(options));
  }

  /**
   * A scorer on given points (not cached): each point must be in the domain.
   *
   * @param points values of the domain's format, at least one
   * @param seed the seed its scores report
   * @throws IllegalArgumentException if a point is outside the domain
   */
  public Scorer scorerAt(double[] points, long seed) {
    for (double v : points) {
      if (!spec.domain().contains(v)) {
        throw new IllegalArgumentException(v + " is not in the domain " + spec.domain());
      }
    }
    return new FloatScorer(this, FloatSample.at(spec.reference(), points, seed));
  }

  @Override
  public Score verify(Program p, ScoreOptions options) {
    checkKernel(p);
    if (!spec.domain().enumerable()) {
      throw new TargetException(
          "target "
              + name()
              + " cannot be scored exhaustively: its domain, "
              + spec.domain()
              + ", has "
              + spec.domain().size()
              + " values; score a sample instead");
    }
    ExhaustiveVerifier.Result r =
        CertificateVerifier.run(p, spec.domain(), spec.reference(), options.threads());
    Score s = toScore(p, r.stats(), Method.EXHAUSTIVE, OptionalLong.empty());
    List<Metric> m = new java.util.ArrayList<>(s.metrics());
    m.add(Metric.count("reference_fallbacks", r.fallbacks()));
    return new Score(
        s.target(), s.method(), s.points(), s.seed(), s.objective(), m, s.ops(), s.cost());
  }

  /**
   * Checks that {@code p} fits the signature and computes only with floats and i32s.
   *
   * @throws TargetException if not
   */
  void checkKernel(Program p) {
    signature.check(name(), p);
    for (int v = 0; v < p.valueCount(); v++) {
      if (p.typeOf(v) == Type.INT) {
        throw new TargetException(
            "kernel '" + p.name() + "' uses int values, which float targets do not evaluate");
      }
    }
  }

  Score toScore(Program p, ErrorStats stats, Method method, OptionalLong seed) {
    boolean rel = spec.metric() == FloatTargetSpec.ErrorMetric.REL;
    return new Score(
        name(),
        method,
        stats.points(),
        seed,
        objective(),
        stats.metrics(rel),
        spec.costModel().ops(p),
        spec.costModel().cost(p));
  }

  @Override
  public String toString() {
    return name();
  }
}
