package numevo.evolver.search;

import java.util.function.Supplier;
import numevo.evolver.fitness.FrontEntry;

/**
 * What a running search tells its caller, all on the calling thread, in a deterministic order: each
 * kernel entering the run's front, each generation's statistics, and each barrier, where the whole
 * state can be taken. A run store, a progress display and a cluster coordinator are listeners.
 */
public interface SearchListener {

  /** A kernel the run's front accepted (also one a later kernel pushes out again). */
  default void entered(FrontEntry e) {}

  /** A generation's statistics, after the kernels it put on the front. */
  default void generation(GenerationStats stats) {}

  /**
   * A barrier: every island has run {@code generation} generations (and migrated, unless the search
   * stops here). The state is taken only if {@code state.get()} is called, here and now: it is
   * invalid after this method returns. Also called, with no state, where the search stops inside a
   * batch of generations (an error or scoring limit reached while some islands ran further).
   *
   * @param generation the generations run
   * @param stopReason why the search stops here, or null if it goes on
   * @param state builds the search's state (costly: call it only to keep it); null where the search
   *     stopped inside a batch and there is no state at {@code generation}
   */
  default void barrier(long generation, String stopReason, Supplier<SearchState> state) {}

  /**
   * Polled at each barrier: true stops the search there with reason {@value Search#INTERRUPTED}
   * (for Ctrl-C; a barrier comes within a few generations).
   */
  default boolean stopRequested() {
    return false;
  }
}
