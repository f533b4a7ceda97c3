package numevo.evolver.search;

import java.util.List;
import java.util.Objects;
import numevo.dsl.program.Program;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.FrontEntry;
import numevo.hashing.cache.CacheSnapshot;

/**
 * A search at a barrier, where every island has run the same number of generations: everything
 * {@link Search#resume} needs to continue exactly as the uninterrupted search would. There is no
 * random generator state: generators are derived from the seed, island and generation ({@link
 * RandomStreams}). Written and read by {@link SearchStateCodec}.
 *
 * @param generation the generations run (0 before the first)
 * @param migrationPending whether the migration due after {@code generation} has not happened yet
 *     (a state taken where the search stopped, before it would have migrated)
 * @param evaluations full scorings made so far
 * @param islands each island's state, in island order (copied)
 * @param front the run's Pareto front (copied)
 * @param timings where the time went up to this state (accumulated over resumes)
 */
public record SearchState(
    long generation,
    boolean migrationPending,
    long evaluations,
    List<IslandState> islands,
    List<FrontEntry> front,
    Timings timings) {

  /** Copies the lists. */
  public SearchState {
    if (generation < 0 || evaluations < 0) {
      throw new IllegalArgumentException("negative generation or evaluations");
    }
    islands = List.copyOf(islands);
    front = List.copyOf(front);
    Objects.requireNonNull(timings, "timings");
  }

  /**
   * One island at a barrier.
   *
   * @param population the individuals, in population order (copied)
   * @param front the island's own Pareto front (copied)
   * @param cache its equivalence cache: error by functional hash, with each representative's {@link
   *     numevo.evolver.genome.Kernels#fingerprint}
   * @param tuned the fingerprints of the kernels constant tuning remembers as tuned, sorted (not
   *     copied: do not modify)
   */
  public record IslandState(
      List<Individual> population,
      List<FrontEntry> front,
      CacheSnapshot<Double, Long> cache,
      long[] tuned) {

    /** Copies the lists. */
    public IslandState {
      population = List.copyOf(population);
      front = List.copyOf(front);
      Objects.requireNonNull(cache, "cache");
      Objects.requireNonNull(tuned, "tuned");
    }
  }

  /**
   * One individual of a population.
   *
   * @param program its kernel (dead code included, as in the population)
   * @param birth the generation it was created in
   * @param fitness its error and cost
   */
  public record Individual(Program program, long birth, Fitness fitness) {

    /** Checks the components are present. */
    public Individual {
      Objects.requireNonNull(program, "program");
      Objects.requireNonNull(fitness, "fitness");
    }
  }
}
