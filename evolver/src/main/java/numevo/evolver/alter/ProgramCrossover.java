package numevo.evolver.alter;

import io.jenetics.Crossover;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.util.Objects;
import numevo.dsl.program.Program;
import numevo.evolver.genome.Crossovers;
import numevo.evolver.genome.ProgramGene;

/**
 * The Jenetics crossover of kernels: one-point crossover of the two parents' instruction lists,
 * with dangling references rewired ({@link Crossovers}). Jenetics chooses the pairs; a pair whose
 * cut gives no valid child keeps its programs. Randomness comes from {@link
 * RandomRegistry#random()}.
 *
 * @param <C> the fitness type
 */
public final class ProgramCrossover<C extends Comparable<? super C>>
    extends Crossover<ProgramGene, C> {
  private final Crossovers crossovers;

  private ProgramCrossover(double probability, Crossovers crossovers) {
    super(probability);
    this.crossovers = Objects.requireNonNull(crossovers, "crossovers");
  }

  /**
   * @param probability the chance that an individual is crossed with a random mate, in {@code [0,
   *     1]}
   * @param crossovers the program crossover
   */
  public static <C extends Comparable<? super C>> ProgramCrossover<C> of(
      double probability, Crossovers crossovers) {
    return new ProgramCrossover<>(probability, crossovers);
  }

  @Override
  protected int crossover(MSeq<ProgramGene> that, MSeq<ProgramGene> other) {
    ProgramGene a = that.get(0);
    ProgramGene b = other.get(0);
    Program[] kids = crossovers.cross(a.allele(), b.allele(), RandomRegistry.random());
    int changed = 0;
    if (kids[0] != null) {
      that.set(0, a.newInstance(kids[0]));
      changed++;
    }
    if (kids[1] != null) {
      other.set(0, b.newInstance(kids[1]));
      changed++;
    }
    return changed;
  }

  @Override
  public String toString() {
    return "ProgramCrossover[p=" + _probability + "]";
  }
}
