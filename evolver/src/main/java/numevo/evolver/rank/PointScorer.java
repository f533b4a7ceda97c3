package numevo.evolver.rank;

import java.util.OptionalDouble;
import numevo.dsl.program.Program;
import numevo.evolver.fitness.CandidateScorer;
import numevo.targets.Metric;
import numevo.targets.Scorer;

/**
 * One target scorer as a {@link CandidateScorer} for the re-tunings of a ranking (one thread): the
 * objective, its mean for the coarse phase, and the residuals.
 */
final class PointScorer implements CandidateScorer {
  private final Scorer scorer;
  private final String coarseKey;

  PointScorer(Scorer scorer) {
    this.scorer = scorer;
    this.coarseKey =
        switch (scorer.objective()) {
          case Metric.MAX_ULP -> Metric.MEAN_ULP;
          case Metric.MAX_REL_ERR -> Metric.MEAN_REL_ERR;
          default -> scorer.objective();
        };
  }

  Scorer scorer() {
    return scorer;
  }

  @Override
  public double error(Program program) {
    return scorer.error(program);
  }

  @Override
  public double coarseError(Program program) {
    OptionalDouble v = scorer.value(program, coarseKey);
    return v.isPresent() ? v.getAsDouble() : scorer.error(program);
  }

  @Override
  public int residualPoints() {
    return Double.isNaN(scorer.residualResolution()) ? 0 : scorer.points();
  }

  @Override
  public boolean residuals(Program program, double[] out) {
    return scorer.residuals(program, out);
  }

  @Override
  public double residualResolution() {
    return scorer.residualResolution();
  }
}
