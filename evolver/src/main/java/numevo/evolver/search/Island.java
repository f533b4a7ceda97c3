package numevo.evolver.search;

import io.jenetics.Phenotype;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionDurations;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import numevo.evolver.alter.MutationCounters;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.fitness.Ranking;
import numevo.evolver.genome.Kernels;
import numevo.evolver.genome.ProgramGene;
import numevo.hashing.cache.CacheStats;

/**
 * One island: a Jenetics engine, its evaluator, cache and constant tuning. A generation step runs
 * the engine with {@link RandomRegistry#with} binding the island's generator of that generation
 * ({@link RandomStreams}) to the running thread, and the engine's own executor is the calling
 * thread, so every random draw of selection and alteration comes from a generator that depends on
 * the seed, the island and the generation only, in a fixed order, whichever worker runs the island.
 *
 * @param <C> the Jenetics fitness type
 */
final class Island<C extends Comparable<? super C>> {
  final int index;
  private final long seed;
  private final Engine<ProgramGene, C> engine;
  private final Ranking<C> ranking;
  private final CachedEvaluator<C> evaluator;
  private final ConstantTuning<C> tuning;
  private final MutationCounters mutationCounters;
  private final Tally tally;
  private EvolutionStart<ProgramGene, C> start;

  Island(
      int index,
      long seed,
      Engine<ProgramGene, C> engine,
      Ranking<C> ranking,
      CachedEvaluator<C> evaluator,
      ConstantTuning<C> tuning,
      MutationCounters mutationCounters,
      Tally tally,
      EvolutionStart<ProgramGene, C> start) {
    this.index = index;
    this.seed = seed;
    this.engine = engine;
    this.ranking = ranking;
    this.evaluator = evaluator;
    this.tuning = tuning;
    this.mutationCounters = mutationCounters;
    this.tally = tally;
    this.start = start;
  }

  /**
   * What one generation of an island did: its counters and times, the kernels that entered its
   * front, its cache's statistics and its population's digest after it.
   *
   * @param tally the generation's counters and times (a copy)
   * @param mutatorHashNanos the mutator's hashing time
   * @param entered the kernels that entered the island's front, in the order found
   * @param cache the island's cache statistics after the generation
   * @param digest the population's digest after the generation ({@link #digest})
   */
  record Step(
      Tally tally,
      long mutatorHashNanos,
      List<FrontEntry> entered,
      CacheStats cache,
      long digest) {}

  /**
   * Runs up to {@code max} generations, at least one, and records each. Between barriers islands
   * share nothing, so running several generations before the next one changes no result; it only
   * spares the idle time of waiting at a barrier after every generation.
   *
   * @param max the most generations to run
   * @param deadline a {@link System#nanoTime()} value after which no further generation starts (the
   *     first always does); ignored unless {@code hasDeadline}
   * @param hasDeadline whether there is a deadline
   */
  List<Step> run(int max, long deadline, boolean hasDeadline) {
    return run(max, deadline, hasDeadline, System::nanoTime);
  }

  /** {@link #run(int, long, boolean)} with the deadline read on {@code clock}. */
  List<Step> run(int max, long deadline, boolean hasDeadline, LongSupplier clock) {
    List<Step> steps = new ArrayList<>(max);
    for (int k = 0; k < max; k++) {
      if (k > 0 && hasDeadline && clock.getAsLong() - deadline >= 0) {
        break;
      }
      step();
      tally.add(Stat.REMUTATIONS, mutationCounters.remutationCount());
      tally.add(Stat.SAME_FUNCTION_KEPT, mutationCounters.sameFunctionKeptCount());
      steps.add(
          new Step(
              tally.copy(),
              mutationCounters.hashNanos(),
              drainEntered(),
              evaluator.cache().stats(),
              digest()));
    }
    return steps;
  }

  /** Runs one generation; counters start from zero. */
  void step() {
    tally.reset();
    mutationCounters.reset();
    long generation = start.generation();
    evaluator.generation(generation);
    long t0 = System.nanoTime();
    EvolutionResult<ProgramGene, C> result =
        RandomRegistry.with(RandomStreams.of(seed, index, generation), r -> engine.evolve(start));
    tally.stepNanos = System.nanoTime() - t0;
    // Jenetics times its own phases (with a nanosecond clock): selection, which for the Pareto
    // objective includes NSGA-II's ranking and crowding, and alteration, which includes the
    // mutator's hashing (counted apart, see Search).
    EvolutionDurations d = result.durations();
    tally.selectNanos =
        d.offspringSelectionDuration().toNanos() + d.survivorsSelectionDuration().toNanos();
    tally.alterNanos = d.offspringAlterDuration().toNanos();
    start = result.next();
  }

  /** The population the next step starts from. */
  ISeq<Phenotype<ProgramGene, C>> population() {
    return start.population();
  }

  /** The generation the next step runs (from 1). */
  long nextGeneration() {
    return start.generation();
  }

  /** Replaces the population the next step starts from (after a migration). */
  void restart(ISeq<Phenotype<ProgramGene, C>> next) {
    start = EvolutionStart.of(next, start.generation());
  }

  /**
   * A digest of the population: each individual's program ({@link Kernels#fingerprint}), birth
   * generation, error and cost, in population order. Equal populations give equal digests on any
   * machine.
   */
  long digest() {
    long h = 0x706f_7075_6c61_7469L;
    for (Phenotype<ProgramGene, C> p : start.population()) {
      h = mix(h ^ Kernels.fingerprint(p.genotype().gene().allele()));
      h = mix(h ^ p.generation());
      if (p.isEvaluated()) {
        Fitness f = ranking.fitness(p.fitness());
        h = mix(h ^ Double.doubleToLongBits(f.error()));
        h = mix(h ^ Double.doubleToLongBits(f.cost()));
      }
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
    return z ^ (z >>> 31);
  }

  CachedEvaluator<C> evaluator() {
    return evaluator;
  }

  ConstantTuning<C> tuning() {
    return tuning;
  }

  Ranking<C> ranking() {
    return ranking;
  }

  /** Front entries found in the last step, in the order found. */
  List<FrontEntry> drainEntered() {
    return evaluator.drainEntered();
  }
}
