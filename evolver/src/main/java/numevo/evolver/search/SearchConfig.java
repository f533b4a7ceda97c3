package numevo.evolver.search;

import java.util.List;
import java.util.Objects;
import numevo.dsl.program.Program;
import numevo.evolver.fitness.Objective;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.genome.Kernels;
import numevo.evolver.genome.MutationConfig;
import numevo.evolver.hash.HashConfig;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.CostModel;

/**
 * Everything that determines a search, its manifest: with the same configuration (and scorer), a
 * search gives the same Pareto front and the same per-generation statistics whatever the number of
 * threads (only a time limit makes the stopping point vary).
 *
 * @param seed the seed of all randomness
 * @param genome the kernels' shape and primitive set
 * @param mutation how kernels are edited
 * @param costs the cost model
 * @param objective what is optimized
 * @param engine the Jenetics engine of each island
 * @param islands the islands, migration and threads
 * @param hash functional hashing and the equivalence cache
 * @param tuning constant tuning
 * @param stop when to stop
 * @param seeds known kernels put into every island's first population (copied, fitted to the
 *     genome's canonical form); may be empty
 */
public record SearchConfig(
    long seed,
    GenomeConfig genome,
    MutationConfig mutation,
    CostModel costs,
    Objective objective,
    EngineConfig engine,
    IslandConfig islands,
    HashConfig hash,
    TuningConfig tuning,
    StopConfig stop,
    List<Program> seeds) {

  /**
   * Validates and copies; seeds are fitted to the genome.
   *
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if a seed does not fit the genome
   */
  public SearchConfig {
    Objects.requireNonNull(genome, "genome");
    Objects.requireNonNull(mutation, "mutation");
    Objects.requireNonNull(costs, "costs");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(islands, "islands");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(tuning, "tuning");
    Objects.requireNonNull(stop, "stop");
    GenomeConfig g = genome;
    seeds = seeds.stream().map(p -> Kernels.fit(p, g)).toList();
  }

  /**
   * A configuration with the defaults for everything but the genome, the seed and the stop: default
   * mutations, unit costs, Pareto objective, default engine, islands and hashing, no seed kernels.
   */
  public static SearchConfig of(long seed, GenomeConfig genome, StopConfig stop) {
    return new SearchConfig(
        seed,
        genome,
        MutationConfig.DEFAULT,
        CostModel.UNIT,
        Objective.pareto(),
        EngineConfig.DEFAULT,
        IslandConfig.defaults(),
        HashConfig.DEFAULT,
        TuningConfig.DEFAULT,
        stop,
        List.of());
  }

  /** This configuration with another seed. */
  public SearchConfig withSeed(long seed) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with another objective. */
  public SearchConfig withObjective(Objective objective) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with another engine. */
  public SearchConfig withEngine(EngineConfig engine) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with other islands. */
  public SearchConfig withIslands(IslandConfig islands) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with other hashing. */
  public SearchConfig withHash(HashConfig hash) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with another stop. */
  public SearchConfig withStop(StopConfig stop) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with other mutations. */
  public SearchConfig withMutation(MutationConfig mutation) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with another cost model. */
  public SearchConfig withCosts(CostModel costs) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with other constant tuning. */
  public SearchConfig withTuning(TuningConfig tuning) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with another genome. */
  public SearchConfig withGenome(GenomeConfig genome) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }

  /** This configuration with seed kernels. */
  public SearchConfig withSeeds(List<Program> seeds) {
    return new SearchConfig(
        seed, genome, mutation, costs, objective, engine, islands, hash, tuning, stop, seeds);
  }
}
