package numevo.evolver.search;

import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.EvolutionInterceptor;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import numevo.dsl.program.Program;
import numevo.evolver.fitness.Ranking;
import numevo.evolver.genome.Mutations;
import numevo.evolver.genome.ProgramChromosome;
import numevo.evolver.genome.ProgramGene;
import numevo.evolver.hash.ProgramHasher;
import numevo.hashing.Hash128;
import numevo.targets.CostModel;

/**
 * Keeps each island's population functionally unique: after each generation, of the individuals
 * that compute the same function (same functional hash) only the cheapest stays (the first on a
 * tie), and each other one is replaced by a mutant of a random individual. Jenetics evaluates the
 * replacements before the generation ends. The functional analogue of Jenetics' {@code
 * EvolutionResult.toUniquePopulation}: duplicates waste population slots, and NSGA-II crowding
 * cannot tell them apart. Individuals without a hash are left alone. Randomness comes from
 * Jenetics' registry, so from the island's generator.
 *
 * @param <C> the Jenetics fitness type
 */
final class FunctionDedup<C extends Comparable<? super C>>
    implements EvolutionInterceptor<ProgramGene, C> {
  private final ProgramHasher hasher;
  private final Mutations mutations;
  private final CostModel costs;
  private final Ranking<C> ranking;
  private final Tally tally;

  FunctionDedup(
      ProgramHasher hasher, Mutations mutations, CostModel costs, Ranking<C> ranking, Tally tally) {
    this.hasher = Objects.requireNonNull(hasher);
    this.mutations = Objects.requireNonNull(mutations);
    this.costs = Objects.requireNonNull(costs);
    this.ranking = Objects.requireNonNull(ranking);
    this.tally = Objects.requireNonNull(tally);
  }

  @Override
  public EvolutionResult<ProgramGene, C> after(EvolutionResult<ProgramGene, C> result) {
    if (!hasher.enabled()) {
      return result;
    }
    MSeq<Phenotype<ProgramGene, C>> pop = MSeq.of(result.population());
    int n = pop.size();
    Map<Hash128, Integer> keep = new HashMap<>();
    boolean[] drop = new boolean[n];
    double[] cost = new double[n];
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      ProgramGene g = pop.get(i).genotype().gene();
      Hash128 key = g.functionKey(hasher::hash).orElse(null);
      if (key == null) {
        continue;
      }
      // The fitness already holds the cost; unevaluated individuals have none yet.
      Phenotype<ProgramGene, C> p = pop.get(i);
      cost[i] = p.isEvaluated() ? ranking.fitness(p.fitness()).cost() : costs.cost(g.allele());
      Integer j = keep.putIfAbsent(key, i);
      if (j != null) {
        if (cost[i] < cost[j]) {
          drop[j] = true;
          keep.put(key, i);
        } else {
          drop[i] = true;
        }
        dropped++;
      }
    }
    if (dropped == 0) {
      return result;
    }
    RandomGenerator rng = RandomRegistry.random();
    long generation = result.generation();
    for (int i = 0; i < n; i++) {
      if (drop[i]) {
        ProgramGene parent = pop.get(rng.nextInt(n)).genotype().gene();
        Program child = mutations.mutate(parent.allele(), rng);
        pop.set(
            i,
            Phenotype.of(Genotype.of(ProgramChromosome.of(parent.newInstance(child))), generation));
      }
    }
    tally.add(Stat.DEDUPLICATED, dropped);
    return EvolutionResult.of(
        result.optimize(),
        pop.toISeq(),
        result.generation(),
        result.totalGenerations(),
        result.durations(),
        result.killCount(),
        result.invalidCount(),
        result.alterCount());
  }
}
