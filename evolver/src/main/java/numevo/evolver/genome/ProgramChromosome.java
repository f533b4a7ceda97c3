package numevo.evolver.genome;

import io.jenetics.Chromosome;
import io.jenetics.util.ISeq;
import java.util.Objects;

/** A chromosome of exactly one {@link ProgramGene}: the genotype of a kernel. */
public final class ProgramChromosome implements Chromosome<ProgramGene> {
  private final ProgramGene gene;

  private ProgramChromosome(ProgramGene gene) {
    this.gene = Objects.requireNonNull(gene, "gene");
  }

  /** The chromosome of one gene. */
  public static ProgramChromosome of(ProgramGene gene) {
    return new ProgramChromosome(gene);
  }

  @Override
  public ProgramGene get(int index) {
    if (index != 0) {
      throw new IndexOutOfBoundsException("a program chromosome has one gene, not " + index);
    }
    return gene;
  }

  @Override
  public int length() {
    return 1;
  }

  /**
   * @throws IllegalArgumentException if {@code genes} does not hold exactly one gene
   */
  @Override
  public ProgramChromosome newInstance(ISeq<ProgramGene> genes) {
    if (genes.length() != 1) {
      throw new IllegalArgumentException(
          "a program chromosome has one gene, got " + genes.length());
    }
    return new ProgramChromosome(genes.get(0));
  }

  /** A chromosome with a new random kernel (drawn through Jenetics' random registry). */
  @Override
  public ProgramChromosome newInstance() {
    return new ProgramChromosome(gene.newInstance());
  }

  @Override
  public boolean isValid() {
    return gene.isValid();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProgramChromosome c && gene.equals(c.gene);
  }

  @Override
  public int hashCode() {
    return gene.hashCode();
  }

  @Override
  public String toString() {
    return "[" + gene + "]";
  }
}
