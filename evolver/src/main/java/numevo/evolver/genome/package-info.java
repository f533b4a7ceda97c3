/**
 * The genotype of the search and the edits on it.
 *
 * <p>A {@link numevo.evolver.genome.GenomeConfig} fixes the shape of every kernel (format, inputs,
 * output types, primitive set, size limits). A genotype is one {@link
 * numevo.evolver.genome.ProgramChromosome} holding one {@link numevo.evolver.genome.ProgramGene},
 * whose allele is an immutable, checked {@link numevo.dsl.program.Program}; {@link
 * numevo.evolver.genome.ProgramCodec} is the Jenetics codec. {@link
 * numevo.evolver.genome.RandomKernels} makes initial kernels, {@link
 * numevo.evolver.genome.Mutations} the point edits and {@link numevo.evolver.genome.Crossovers} the
 * one-point crossover. All edits work on a mutable draft that keeps every reference pointing to an
 * earlier value of the right type, so each result is valid by construction.
 */
package numevo.evolver.genome;
