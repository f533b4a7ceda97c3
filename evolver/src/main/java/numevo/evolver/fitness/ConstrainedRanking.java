package numevo.evolver.fitness;

import io.jenetics.EliteSelector;
import io.jenetics.Selector;
import io.jenetics.TournamentSelector;
import numevo.evolver.genome.ProgramGene;

/**
 * Single-objective ranking under a constraint on the other objective, as a {@link Constrained}
 * comparator: "cheapest kernel with error at most E" ranks by (error over E, cost, error);
 * "smallest error at cost at most B" by (cost over B, error, cost). Tournament selection for
 * parents; the two best survive for sure, the other survivors by tournament.
 */
final class ConstrainedRanking implements Ranking<Constrained> {
  private final boolean boundOnError;
  private final double bound;

  private ConstrainedRanking(boolean boundOnError, double bound) {
    this.boundOnError = boundOnError;
    this.bound = bound;
  }

  static ConstrainedRanking cheapestUnder(double maxError) {
    return new ConstrainedRanking(true, maxError);
  }

  static ConstrainedRanking smallestErrorUnder(double maxCost) {
    return new ConstrainedRanking(false, maxCost);
  }

  @Override
  public Constrained rank(Fitness f) {
    double error = f.isValid() ? f.error() : Double.MAX_VALUE;
    return boundOnError
        ? new Constrained(Math.max(0, error - bound), f.cost(), error, f)
        : new Constrained(Math.max(0, f.cost() - bound), error, f.cost(), f);
  }

  @Override
  public Fitness fitness(Constrained c) {
    return c.fitness();
  }

  @Override
  public Selector<ProgramGene, Constrained> offspringSelector(int tournamentSize) {
    return new TournamentSelector<>(tournamentSize);
  }

  @Override
  public Selector<ProgramGene, Constrained> survivorsSelector(int tournamentSize) {
    return new EliteSelector<ProgramGene, Constrained>(
        2, new TournamentSelector<ProgramGene, Constrained>(tournamentSize));
  }
}
