package numevo.evolver.problem;

import java.util.Objects;
import java.util.OptionalDouble;
import numevo.dsl.program.Program;
import numevo.evolver.fitness.CandidateScorer;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.Target;

/**
 * A target's training sample as the search's {@link CandidateScorer}: the error is the target's
 * objective metric on the sample; the coarse error for constant tuning is the matching mean ({@code
 * mean_ulp} for {@code max_ulp}, {@code mean_rel_err} for {@code max_rel_err}) when the score has
 * it, else the objective. Thread-safe: each thread gets its own target scorer, all sharing the
 * target's sample.
 */
public final class TargetScorer implements CandidateScorer {
  private final Target target;
  private final ScoreOptions options;
  private final ThreadLocal<Scorer> scorers;
  private final String coarseKey;

  private TargetScorer(Target target, ScoreOptions options) {
    this.target = Objects.requireNonNull(target, "target");
    this.options = Objects.requireNonNull(options, "options");
    this.scorers = ThreadLocal.withInitial(() -> target.scorer(options));
    this.coarseKey =
        switch (target.objective()) {
          case Metric.MAX_ULP -> Metric.MEAN_ULP;
          case Metric.MAX_REL_ERR -> Metric.MEAN_REL_ERR;
          default -> target.objective();
        };
  }

  /**
   * @param target the target
   * @param options the training sample (size, seed, split)
   */
  public static TargetScorer of(Target target, ScoreOptions options) {
    return new TargetScorer(target, options);
  }

  /** The target. */
  public Target target() {
    return target;
  }

  /** The sample options. */
  public ScoreOptions options() {
    return options;
  }

  /** A scorer of this thread (for reading the sample's inputs). */
  public Scorer scorer() {
    return scorers.get();
  }

  /** The full score of a kernel on the training sample. */
  public Score score(Program program) {
    return scorers.get().score(program);
  }

  /** The objective, without building the whole score where the target's scorer can. */
  @Override
  public double error(Program program) {
    return scorers.get().error(program);
  }

  /** The mean counterpart of the objective where the score has it, else the objective. */
  @Override
  public double coarseError(Program program) {
    Scorer s = scorers.get();
    OptionalDouble v = s.value(program, coarseKey);
    // Scored twice only for a target whose scores lack the mean of a max objective.
    return v.isPresent() ? v.getAsDouble() : s.error(program);
  }

  @Override
  public int residualPoints() {
    Scorer s = scorers.get();
    return Double.isNaN(s.residualResolution()) ? 0 : s.points();
  }

  @Override
  public boolean residuals(Program program, double[] out) {
    return scorers.get().residuals(program, out);
  }

  @Override
  public double residualResolution() {
    return scorers.get().residualResolution();
  }
}
