package numevo.evolver.search;

import io.jenetics.Genotype;
import io.jenetics.Phenotype;
import io.jenetics.engine.EvolutionInterceptor;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.MSeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import numevo.dsl.program.Program;
import numevo.evolver.concurrent.Workers;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.Ranking;
import numevo.evolver.genome.Kernels;
import numevo.evolver.genome.Literals;
import numevo.evolver.genome.ProgramChromosome;
import numevo.evolver.genome.ProgramGene;
import numevo.evolver.tune.ConstantTuner;
import numevo.evolver.tune.Tuned;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.CostModel;

/**
 * Tunes the constants of an island's most promising kernels every few generations (Lamarckian: the
 * tuned kernel replaces the original). Candidates: among kernels with constants not tuned before,
 * the one of smallest error at each cost, the best errors first, up to {@code perIsland} (integer
 * constants count when the integer climb is on). Tunings run in parallel, each with a seed drawn
 * beforehand from the island's generator; results are applied in population order, so nothing
 * depends on threads. Tuned kernels enter the island's cache and front like any scored kernel, and
 * their scorings count in the statistics.
 *
 * @param <C> the Jenetics fitness type
 */
final class ConstantTuning<C extends Comparable<? super C>>
    implements EvolutionInterceptor<ProgramGene, C> {
  /**
   * Kernels remembered as tuned, by {@link Kernels#fingerprint}; beyond this the memory restarts
   * (re-tuning is harmless).
   */
  private static final int MAX_REMEMBERED = 100_000;

  private final TuningConfig config;
  private final ConstantTuner tuner;
  private final CostModel costs;
  private final Ranking<C> ranking;
  private final CachedEvaluator<C> evaluator;
  private final Workers workers;
  private final Tally tally;
  private final Set<Long> tuned = new HashSet<>();

  ConstantTuning(
      TuningConfig config,
      ConstantTuner tuner,
      CostModel costs,
      Ranking<C> ranking,
      CachedEvaluator<C> evaluator,
      Workers workers,
      Tally tally) {
    this.config = Objects.requireNonNull(config);
    this.tuner = Objects.requireNonNull(tuner);
    this.costs = Objects.requireNonNull(costs);
    this.ranking = Objects.requireNonNull(ranking);
    this.evaluator = Objects.requireNonNull(evaluator);
    this.workers = Objects.requireNonNull(workers);
    this.tally = Objects.requireNonNull(tally);
  }

  @Override
  public EvolutionResult<ProgramGene, C> after(EvolutionResult<ProgramGene, C> result) {
    if (!config.enabled() || result.generation() % config.every() != 0) {
      return result;
    }
    MSeq<Phenotype<ProgramGene, C>> pop = MSeq.of(result.population());
    int[] picks = pick(pop);
    if (picks.length == 0) {
      return result;
    }
    long[] seeds = new long[picks.length];
    for (int j = 0; j < picks.length; j++) {
      seeds[j] = RandomRegistry.random().nextLong();
    }
    Program[] base = new Program[picks.length];
    double[] baseError = new double[picks.length];
    for (int j = 0; j < picks.length; j++) {
      Phenotype<ProgramGene, C> p = pop.get(picks[j]);
      base[j] = Kernels.stripDead(p.genotype().gene().allele());
      baseError[j] = ranking.fitness(p.fitness()).error();
    }
    Tuned[] out = new Tuned[picks.length];
    long t0 = System.nanoTime();
    workers.forEach(picks.length, j -> out[j] = tuner.tune(base[j], baseError[j], seeds[j]));
    tally.tuneNanos += System.nanoTime() - t0;
    if (tuned.size() > MAX_REMEMBERED) {
      tuned.clear();
    }
    long generation = result.generation();
    for (int j = 0; j < picks.length; j++) {
      tally.inc(Stat.TUNINGS);
      tally.add(Stat.TUNING_SCORINGS, out[j].evaluations());
      tally.add(Stat.INT_TUNING_SCORINGS, out[j].intEvaluations());
      tuned.add(Kernels.fingerprint(pop.get(picks[j]).genotype().gene().allele()));
      tuned.add(Kernels.fingerprint(out[j].program()));
      if (out[j].error() < baseError[j]) {
        tally.inc(Stat.TUNING_IMPROVEMENTS);
        Program q = out[j].program();
        Fitness f = Fitness.of(out[j].error(), costs.cost(q));
        ProgramGene g = pop.get(picks[j]).genotype().gene().newInstance(q);
        evaluator.accept(g, f);
        pop.set(
            picks[j],
            Phenotype.of(Genotype.of(ProgramChromosome.of(g)), generation, ranking.rank(f)));
      }
    }
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

  /** The fingerprints of the kernels remembered as tuned, sorted: part of a saved state. */
  long[] remembered() {
    return tuned.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** Replaces the kernels remembered as tuned (from {@link #remembered()}). */
  void remember(long[] fingerprints) {
    tuned.clear();
    for (long f : fingerprints) {
      tuned.add(f);
    }
  }

  private boolean hasTunableConstants(Program p) {
    return Literals.sites(p).length > 0
        || (config.intClimbEvaluations() > 0 && Literals.intSites(p).length > 0);
  }

  /** Up to {@code perIsland} random cost levels' best untuned kernels with constants, in order. */
  private int[] pick(MSeq<Phenotype<ProgramGene, C>> pop) {
    Map<Double, Integer> bestAtCost = new LinkedHashMap<>();
    for (int i = 0; i < pop.size(); i++) {
      Phenotype<ProgramGene, C> p = pop.get(i);
      if (p.nonEvaluated()) {
        continue; // a replacement the deduplication just made
      }
      Fitness f = ranking.fitness(p.fitness());
      Program prog = p.genotype().gene().allele();
      if (!f.isValid() || tuned.contains(Kernels.fingerprint(prog)) || !hasTunableConstants(prog)) {
        continue;
      }
      Integer j = bestAtCost.get(f.cost());
      if (j == null || f.error() < ranking.fitness(pop.get(j).fitness()).error()) {
        bestAtCost.put(f.cost(), i);
      }
    }
    // A random choice among the cost levels: a new structure rarely has the best error at first,
    // and it is its tuned error that tells whether it is promising.
    List<Integer> levels = new ArrayList<>(bestAtCost.values());
    RandomGenerator rng = RandomRegistry.random();
    int k = Math.min(config.perIsland(), levels.size());
    for (int j = 0; j < k; j++) {
      Collections.swap(levels, j, j + rng.nextInt(levels.size() - j));
    }
    return levels.subList(0, k).stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
