package numevo.evolver.search;

/**
 * The islands of a search and the threads that run them. The number of threads never changes the
 * result: only {@code islands}, {@code migrationInterval} and {@code migrants} do.
 *
 * @param islands the number of islands, {@code >= 1}
 * @param migrationInterval generations between migrations, {@code >= 1}
 * @param migrants individuals each island sends to the next (in a ring) at a migration, {@code >=
 *     0}
 * @param threads worker threads, {@code >= 1}
 */
public record IslandConfig(int islands, int migrationInterval, int migrants, int threads) {

  /**
   * @throws IllegalArgumentException if a bound is violated
   */
  public IslandConfig {
    if (islands < 1) {
      throw new IllegalArgumentException("islands must be >= 1: " + islands);
    }
    if (migrationInterval < 1) {
      throw new IllegalArgumentException("migrationInterval must be >= 1: " + migrationInterval);
    }
    if (migrants < 0) {
      throw new IllegalArgumentException("migrants must be >= 0: " + migrants);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
  }

  /** See the record's components. */
  public static IslandConfig of(int islands, int migrationInterval, int migrants, int threads) {
    return new IslandConfig(islands, migrationInterval, migrants, threads);
  }

  /** The default number of islands: a constant, so that results never depend on the machine. */
  public static final int DEFAULT_ISLANDS = 4;

  /**
   * {@value #DEFAULT_ISLANDS} islands (whatever the machine: the island count changes results),
   * migrating 2 individuals every 10 generations, on one thread per available processor (which
   * changes only the speed).
   */
  public static IslandConfig defaults() {
    return new IslandConfig(DEFAULT_ISLANDS, 10, 2, Runtime.getRuntime().availableProcessors());
  }

  /** This configuration with another thread count (which does not change results). */
  public IslandConfig withThreads(int threads) {
    return new IslandConfig(islands, migrationInterval, migrants, threads);
  }
}
