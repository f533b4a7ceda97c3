package numevo.evolver.alter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenetics.AltererResult;
import io.jenetics.Phenotype;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.evolver.concurrent.Workers;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.genome.Genomes;
import numevo.evolver.genome.MutationConfig;
import numevo.evolver.genome.MutationKind;
import numevo.evolver.genome.Mutations;
import numevo.evolver.genome.ProgramCodec;
import numevo.evolver.genome.ProgramGene;
import numevo.evolver.hash.HashConfig;
import numevo.evolver.hash.ProgramHasher;
import numevo.targets.CostModel;
import org.junit.jupiter.api.Test;

class ProgramMutatorTest {
  private final GenomeConfig genome = Genomes.float32Arithmetic();
  private final ProgramCodec codec = ProgramCodec.of(genome);
  private final ProgramHasher hasher = ProgramHasher.of(genome, HashConfig.DEFAULT);

  /** A kernel with much dead code: edits that land there change no function. */
  private final Program bloated =
      Parser.parse(
          """
          kernel k float32
          input x0 : f
          y = fma x0 x0 1.0
          d0 = add x0 2.0
          d1 = mul d0 d0
          d2 = sub d1 x0
          d3 = div d2 3.0
          d4 = mul d3 d1
          output y
          """,
          "k");

  private ISeq<Phenotype<ProgramGene, Double>> population(int n) {
    return ISeq.of(() -> Phenotype.<ProgramGene, Double>of(codec.encode(bloated), 1, 0.0), n);
  }

  private ProgramMutator<Double> mutator(int retries, MutationCounters counters) {
    // No live bias: most edits hit the dead code, so most first tries are neutral.
    MutationConfig neutralProne =
        MutationConfig.of(
            Map.of(MutationKind.OPERAND, 1.0, MutationKind.CONSTANT_ULP, 1.0), 0.0, 4, 0.1, 0.5);
    return ProgramMutator.of(
        1.0,
        Mutations.of(genome, neutralProne),
        hasher,
        retries,
        Workers.of(1),
        counters,
        CostModel.UNIT::cost,
        key -> false);
  }

  @Test
  void offspringComputingTheParentsFunctionAreMutatedAgain() {
    MutationCounters counters = new MutationCounters();
    ISeq<Phenotype<ProgramGene, Double>> pop = population(200);
    AltererResult<ProgramGene, Double> r =
        RandomRegistry.with(new SplittableRandom(1), g -> mutator(6, counters).alter(pop, 2));
    assertEquals(200, r.population().size());
    assertTrue(counters.remutationCount() > 100, "remutations " + counters.remutationCount());
    long sameAsParent = 0;
    for (Phenotype<ProgramGene, Double> p : r.population()) {
      assertTrue(p.nonEvaluated());
      assertEquals(2, p.generation());
      if (p.genotype().gene().functionKey(hasher::hash).equals(hasher.hash(bloated))) {
        sameAsParent++;
      }
    }
    assertEquals(counters.sameFunctionKeptCount(), sameAsParent);
    // Without retries about 5 in 6 stay neutral (next test); retries stack further edits.
    assertTrue(sameAsParent < 60, "kept " + sameAsParent);
  }

  @Test
  void withoutRetriesNeutralOffspringAreKept() {
    MutationCounters counters = new MutationCounters();
    ISeq<Phenotype<ProgramGene, Double>> pop = population(200);
    AltererResult<ProgramGene, Double> r =
        RandomRegistry.with(new SplittableRandom(1), g -> mutator(0, counters).alter(pop, 2));
    assertEquals(0, counters.remutationCount());
    assertTrue(counters.sameFunctionKeptCount() > 100);
    long sameAsParent =
        r.population().stream()
            .filter(p -> p.genotype().gene().functionKey(hasher::hash).equals(hasher.hash(bloated)))
            .count();
    assertEquals(counters.sameFunctionKeptCount(), sameAsParent);
  }

  @Test
  void aFunctionTheIslandKnowsCountsAsKnown() {
    MutationCounters counters = new MutationCounters();
    ProgramMutator<Double> everythingKnown =
        ProgramMutator.of(
            1.0,
            Mutations.of(genome, MutationConfig.DEFAULT),
            hasher,
            2,
            Workers.of(1),
            counters,
            CostModel.UNIT::cost,
            key -> true);
    RandomRegistry.with(new SplittableRandom(3), g -> everythingKnown.alter(population(50), 2));
    // Every first try and retry is "known" unless it lowered the cost.
    assertTrue(counters.remutationCount() >= 50);
  }

  @Test
  void untouchedIndividualsKeepTheirFitness() {
    MutationCounters counters = new MutationCounters();
    ProgramMutator<Double> never =
        ProgramMutator.of(
            0.0,
            Mutations.of(genome, MutationConfig.DEFAULT),
            hasher,
            2,
            Workers.of(1),
            counters,
            CostModel.UNIT::cost,
            key -> false);
    ISeq<Phenotype<ProgramGene, Double>> pop = population(10);
    AltererResult<ProgramGene, Double> r =
        RandomRegistry.with(new SplittableRandom(3), g -> never.alter(pop, 2));
    assertEquals(0, r.alterations());
    for (int i = 0; i < pop.size(); i++) {
      assertSame(pop.get(i), r.population().get(i));
    }
  }

  @Test
  void theSameRandomSequenceGivesTheSameOffspringWithOneOrTwoThreads() {
    ISeq<Phenotype<ProgramGene, Double>> pop = population(100);
    List<Program> one;
    List<Program> two;
    try (Workers w1 = Workers.of(1);
        Workers w2 = Workers.of(2)) {
      one = offspring(pop, w1);
      two = offspring(pop, w2);
    }
    assertEquals(one, two);
    assertNotEquals(List.of(), one);
  }

  private List<Program> offspring(ISeq<Phenotype<ProgramGene, Double>> pop, Workers w) {
    ProgramMutator<Double> m =
        ProgramMutator.of(
            0.9,
            Mutations.of(genome, MutationConfig.DEFAULT),
            hasher,
            3,
            w,
            new MutationCounters(),
            CostModel.UNIT::cost,
            key -> false);
    return RandomRegistry.with(new SplittableRandom(5), g -> m.alter(pop, 2)).population().stream()
        .map(p -> p.genotype().gene().allele())
        .toList();
  }
}
