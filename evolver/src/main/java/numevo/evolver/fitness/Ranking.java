package numevo.evolver.fitness;

import io.jenetics.Optimize;
import io.jenetics.Selector;
import numevo.evolver.genome.ProgramGene;

/**
 * How an {@link Objective} ranks kernels inside Jenetics: the fitness type {@code C} the engine
 * sees, the conversions to and from {@link Fitness}, and the selectors. Every ranking minimizes.
 *
 * @param <C> the Jenetics fitness type
 */
public interface Ranking<C extends Comparable<? super C>> {

  /** The Jenetics fitness of a kernel's objectives. */
  C rank(Fitness fitness);

  /** The objectives back from a Jenetics fitness made by {@link #rank}. */
  Fitness fitness(C ranked);

  /** Chooses the parents of the offspring. */
  Selector<ProgramGene, C> offspringSelector(int tournamentSize);

  /** Chooses the survivors. */
  Selector<ProgramGene, C> survivorsSelector(int tournamentSize);

  /** Always {@link Optimize#MINIMUM}. */
  default Optimize optimize() {
    return Optimize.MINIMUM;
  }
}
