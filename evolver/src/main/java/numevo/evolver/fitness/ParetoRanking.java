package numevo.evolver.fitness;

import io.jenetics.Selector;
import io.jenetics.ext.moea.NSGA2Selector;
import io.jenetics.ext.moea.UFTournamentSelector;
import io.jenetics.ext.moea.Vec;
import numevo.evolver.genome.ProgramGene;

/**
 * Multi-objective ranking with Jenetics' MOEA support: the fitness is the vector {@code (error,
 * cost)}, offspring parents are chosen by {@link UFTournamentSelector} (unique-fitness tournaments
 * on Pareto rank and crowding distance) and survivors by {@link NSGA2Selector}.
 *
 * <p>An invalid kernel's infinite error is stored as {@link Double#MAX_VALUE}: crowding distances
 * subtract objective values, and {@code Inf - Inf} would be NaN.
 */
final class ParetoRanking implements Ranking<Vec<double[]>> {
  static final ParetoRanking INSTANCE = new ParetoRanking();

  private ParetoRanking() {}

  @Override
  public Vec<double[]> rank(Fitness f) {
    return Vec.of(f.isValid() ? f.error() : Double.MAX_VALUE, f.cost());
  }

  @Override
  public Fitness fitness(Vec<double[]> v) {
    double e = v.data()[0];
    return Fitness.of(e == Double.MAX_VALUE ? Double.POSITIVE_INFINITY : e, v.data()[1]);
  }

  @Override
  public Selector<ProgramGene, Vec<double[]>> offspringSelector(int tournamentSize) {
    return UFTournamentSelector.ofVec();
  }

  @Override
  public Selector<ProgramGene, Vec<double[]>> survivorsSelector(int tournamentSize) {
    return NSGA2Selector.ofVec();
  }
}
