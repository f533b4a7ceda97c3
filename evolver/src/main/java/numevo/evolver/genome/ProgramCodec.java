package numevo.evolver.genome;

import io.jenetics.Genotype;
import io.jenetics.engine.Codec;
import io.jenetics.util.Factory;
import java.util.Objects;
import java.util.function.Function;
import numevo.dsl.program.Program;

/**
 * The codec between kernels and Jenetics genotypes: a genotype is one {@link ProgramChromosome} of
 * one {@link ProgramGene}; decoding takes its program.
 */
public final class ProgramCodec implements Codec<Program, ProgramGene> {
  private final RandomKernels factory;

  private ProgramCodec(RandomKernels factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * @param genome the shape of the kernels, never null
   */
  public static ProgramCodec of(GenomeConfig genome) {
    return new ProgramCodec(RandomKernels.of(genome));
  }

  /** The random kernel factory new genotypes draw from. */
  public RandomKernels factory() {
    return factory;
  }

  /** Random genotypes, drawn through Jenetics' random registry. */
  @Override
  public Factory<Genotype<ProgramGene>> encoding() {
    return () -> Genotype.of(ProgramChromosome.of(ProgramGene.random(factory)));
  }

  @Override
  public Function<Genotype<ProgramGene>, Program> decoder() {
    return gt -> gt.gene().allele();
  }

  /**
   * The genotype of a program.
   *
   * @param program a program; the genotype is valid only if it has the genome's shape
   */
  public Genotype<ProgramGene> encode(Program program) {
    return Genotype.of(ProgramChromosome.of(ProgramGene.of(program, factory)));
  }
}
