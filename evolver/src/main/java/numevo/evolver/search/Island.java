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
import java.util.random.RandomGenerator;
import numevo.evolver.alter.MutationCounters;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.genome.ProgramGene;
import numevo.hashing.cache.CacheStats;

/**
 * One island: a Jenetics engine, its own random generator, evaluator and cache. A generation step
 * runs the engine with {@link RandomRegistry#with} binding the island's generator to the running
 * thread, and the engine's own executor is the calling thread, so every random draw of selection
 * and alteration comes from this generator in a fixed order, whichever worker runs the island.
 *
 * @param <C> the Jenetics fitness type
 */
final class Island<C extends Comparable<? super C>> {
  final int index;
  private final Engine<ProgramGene, C> engine;
  private final RandomGenerator rng;
  private final CachedEvaluator<C> evaluator;
  private final MutationCounters mutationCounters;
  private final Tally tally;
  private EvolutionStart<ProgramGene, C> start;
  private ISeq<Phenotype<ProgramGene, C>> population = ISeq.empty();

  Island(
      int index,
      Engine<ProgramGene, C> engine,
      RandomGenerator rng,
      CachedEvaluator<C> evaluator,
      MutationCounters mutationCounters,
      Tally tally,
      EvolutionStart<ProgramGene, C> start) {
    this.index = index;
    this.engine = engine;
    this.rng = rng;
    this.evaluator = evaluator;
    this.mutationCounters = mutationCounters;
    this.tally = tally;
    this.start = start;
  }

  /**
   * What one generation of an island did: its counters and times, the kernels that entered its
   * front, and its cache's statistics after it.
   *
   * @param tally the generation's counters and times (a copy)
   * @param remutations the mutator's extra mutations
   * @param sameFunctionKept offspring the mutator kept although they computed a known function
   * @param mutatorHashNanos the mutator's hashing time
   * @param entered the kernels that entered the island's front, in the order found
   * @param cache the island's cache statistics after the generation
   */
  record Step(
      Tally tally,
      long remutations,
      long sameFunctionKept,
      long mutatorHashNanos,
      List<FrontEntry> entered,
      CacheStats cache) {}

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
    List<Step> steps = new ArrayList<>(max);
    for (int k = 0; k < max; k++) {
      if (k > 0 && hasDeadline && System.nanoTime() - deadline >= 0) {
        break;
      }
      step();
      steps.add(
          new Step(
              tally.copy(),
              mutationCounters.remutationCount(),
              mutationCounters.sameFunctionKeptCount(),
              mutationCounters.hashNanos(),
              drainEntered(),
              evaluator.cache().stats()));
    }
    return steps;
  }

  /** Runs one generation; counters start from zero. */
  void step() {
    tally.reset();
    mutationCounters.reset();
    evaluator.generation(start.generation());
    long t0 = System.nanoTime();
    EvolutionResult<ProgramGene, C> result = RandomRegistry.with(rng, r -> engine.evolve(start));
    tally.stepNanos = System.nanoTime() - t0;
    // Jenetics times its own phases (with a nanosecond clock): selection, which for the Pareto
    // objective includes NSGA-II's ranking and crowding, and alteration, which includes the
    // mutator's hashing (counted apart, see Search).
    EvolutionDurations d = result.durations();
    tally.selectNanos =
        d.offspringSelectionDuration().toNanos() + d.survivorsSelectionDuration().toNanos();
    tally.alterNanos = d.offspringAlterDuration().toNanos();
    population = result.population();
    start = result.next();
  }

  /** The population after the last step. */
  ISeq<Phenotype<ProgramGene, C>> population() {
    return population;
  }

  /** Replaces the population the next step starts from (after a migration). */
  void restart(ISeq<Phenotype<ProgramGene, C>> next) {
    population = next;
    start = EvolutionStart.of(next, start.generation());
  }

  CachedEvaluator<C> evaluator() {
    return evaluator;
  }

  /** Front entries found in the last step, in the order found. */
  List<FrontEntry> drainEntered() {
    return evaluator.drainEntered();
  }
}
