package numevo.evolver.genome;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import numevo.dsl.program.Program;

/**
 * Every edit, crossover and random kernel, on random genomes of every format and random parents,
 * gives a program of the genome's shape: it passes the checker (types, references) by construction,
 * keeps the inputs and output types, stays within the size limits and uses only allowed ops.
 * Nothing throws.
 */
class EveryEditGivesAValidProgramTest {

  private static void assertFits(Program p, RandomKernels factory, String what) {
    assertTrue(ProgramGene.of(p, factory).isValid(), () -> what + " does not fit: " + p);
  }

  @Property(tries = 300, seed = "1100")
  void randomKernelsFitTheirGenome(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    GenomeConfig g = Genomes.random(rng);
    RandomKernels kernels = RandomKernels.of(g);
    for (int i = 0; i < 20; i++) {
      Program p = kernels.next(rng);
      assertFits(p, kernels, "random kernel");
      assertTrue(p.body().size() <= g.initialMaxSize() || p.body().size() <= g.maxSize());
    }
  }

  @Property(tries = 300, seed = "1101")
  void everyMutationKindGivesAValidProgramOrDoesNotApply(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    GenomeConfig g = Genomes.random(rng);
    RandomKernels kernels = RandomKernels.of(g);
    Mutations mutations = Mutations.of(g, MutationConfig.DEFAULT);
    for (int i = 0; i < 10; i++) {
      Program p = kernels.next(rng);
      for (MutationKind kind : MutationKind.values()) {
        Program q = mutations.apply(kind, p, rng);
        if (q != null) {
          assertFits(q, kernels, kind.toString());
          p = q;
        }
      }
    }
  }

  @Property(tries = 200, seed = "1102")
  void chainsOfMutationsStayValid(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    GenomeConfig g = Genomes.random(rng);
    RandomKernels kernels = RandomKernels.of(g);
    Mutations mutations = Mutations.of(g, MutationConfig.DEFAULT);
    Program p = kernels.next(rng);
    for (int i = 0; i < 100; i++) {
      p = mutations.mutate(p, rng);
      assertFits(p, kernels, "mutation chain step " + i);
    }
  }

  @Property(tries = 300, seed = "1103")
  void crossoverChildrenAreValid(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    GenomeConfig g = Genomes.random(rng);
    RandomKernels kernels = RandomKernels.of(g);
    Mutations mutations = Mutations.of(g, MutationConfig.DEFAULT);
    Crossovers crossovers = Crossovers.of(g);
    for (int i = 0; i < 10; i++) {
      // Grown by mutation, so that parents differ in size and structure.
      Program a = kernels.next(rng);
      Program b = kernels.next(rng);
      for (int j = 0; j < 5; j++) {
        a = mutations.mutate(a, rng);
        b = mutations.mutate(b, rng);
      }
      for (Program child : crossovers.cross(a, b, rng)) {
        if (child != null) {
          assertFits(child, kernels, "crossover child");
        }
      }
    }
  }
}
