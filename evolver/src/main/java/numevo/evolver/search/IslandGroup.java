package numevo.evolver.search;

import java.util.List;
import numevo.hashing.cache.CacheStats;

/**
 * The islands of a running search, wherever they run: in this process ({@link LocalIslands}) or as
 * tasks of an {@link IslandRunner} ({@link TaskIslands}). Either gives the same generations.
 */
interface IslandGroup {
  /**
   * Runs every island up to {@code batch} generations (fewer once the deadline passes), then the
   * islands that stopped early up to the most any island ran, so that all end at one generation: a
   * barrier where the state can be taken. Which generation that is depends on timing only through
   * the deadline; what each generation computes does not.
   */
  List<List<Island.Step>> runBatch(int batch, long deadline, boolean hasDeadline);

  /** The migration after generation {@code gen}: done now or before the next batch runs. */
  void migrate(long gen);

  /** Whether {@link #migrate} changes the populations at once (else at the next batch). */
  boolean migratesAtOnce();

  /** Each island's state at the current barrier (before a migration not yet applied). */
  List<SearchState.IslandState> states();

  /** Each island's cache statistics now. */
  List<CacheStats> cacheStats();
}
