package numevo.evolver.alter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenetics.AltererResult;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import numevo.dsl.program.Program;
import numevo.evolver.genome.Crossovers;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.genome.Genomes;
import numevo.evolver.genome.ProgramCodec;
import numevo.evolver.genome.ProgramGene;
import org.junit.jupiter.api.Test;

class ProgramCrossoverTest {

  @Test
  void jeneticsCrossoverMakesValidNewKernels() {
    GenomeConfig g = Genomes.float32Arithmetic();
    ProgramCodec codec = ProgramCodec.of(g);
    ISeq<Phenotype<ProgramGene, Double>> pop =
        RandomRegistry.with(
            new SplittableRandom(1),
            r ->
                ISeq.of(
                    () -> Phenotype.<ProgramGene, Double>of(codec.encoding().newInstance(), 1),
                    60));
    Set<Program> before = new HashSet<>();
    pop.forEach(p -> before.add(p.genotype().gene().allele()));
    ProgramCrossover<Double> x = ProgramCrossover.of(1.0, Crossovers.of(g));
    AltererResult<ProgramGene, Double> r =
        RandomRegistry.with(new SplittableRandom(2), rng -> x.alter(pop, 2));
    assertEquals(60, r.population().size());
    assertTrue(r.alterations() > 0);
    int fresh = 0;
    for (Phenotype<ProgramGene, Double> p : r.population()) {
      assertTrue(p.isValid());
      if (!before.contains(p.genotype().gene().allele())) {
        fresh++;
      }
    }
    assertTrue(fresh > 20, "new kernels " + fresh);
  }
}
