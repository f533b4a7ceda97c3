package numevo.evolver.search;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import numevo.evolver.concurrent.Workers;
import numevo.evolver.fitness.CandidateScorer;

/**
 * Runs {@link IslandTask}s of one search and keeps the islands between tasks: a task for an island
 * this worker holds at the task's generation runs on it; any other is rebuilt from the task's
 * {@link IslandTask.Rebuild} (as {@link Search#resume} rebuilds an island, then the generations
 * since), or answered with {@link #notHeld} if the task came without it. Results and new states are
 * written as bytes. Thread-safe: tasks of different islands may run at once, sharing the worker
 * threads (the parallel hashing, scoring and tuning inside each island). A worker holds at most one
 * copy of each island (an island that moved to another worker stays here, stale, until it comes
 * back or the worker is closed).
 */
public final class IslandWorker implements AutoCloseable {
  private final Search search;
  private final Workers workers;
  private final Search.Parts parts;
  private final SharedScores shared;
  private final Map<Integer, Island<?>> held = new ConcurrentHashMap<>();

  private IslandWorker(SearchConfig config, CandidateScorer scorer, SharedScores shared) {
    Search s = Search.of(config, scorer);
    this.search = shared == null ? s : s.withSharedScores(shared);
    this.shared = shared;
    this.workers = Workers.of(config.islands().threads());
    this.parts = search.parts(workers);
  }

  /**
   * A worker for the search of this configuration and scorer, on {@code config.islands().threads()}
   * threads (which change only the speed).
   */
  public static IslandWorker of(SearchConfig config, CandidateScorer scorer) {
    return new IslandWorker(
        Objects.requireNonNull(config, "config"), Objects.requireNonNull(scorer, "scorer"), null);
  }

  /**
   * A worker whose islands score through {@code shared} ({@link Search#withSharedScores}): the same
   * results, fewer scorings made.
   */
  public static IslandWorker of(SearchConfig config, CandidateScorer scorer, SharedScores shared) {
    return new IslandWorker(
        Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(scorer, "scorer"),
        Objects.requireNonNull(shared, "shared"));
  }

  /** The shared scores its islands use, or null. */
  public SharedScores shared() {
    return shared;
  }

  /**
   * Runs a task written by {@link IslandTask#write(boolean)}.
   *
   * @return the result's bytes, for the search that handed the task out, or the {@link #notHeld}
   *     answer if the worker does not hold the island at the task's generation and the task came
   *     without its rebuild
   * @throws IllegalArgumentException if the bytes are not a task, or a task of another search
   */
  public byte[] run(byte[] task) {
    IslandTask.Read t;
    try {
      t = IslandTask.read(task);
    } catch (SearchStateCodec.StateFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    synchronized (lock(t.task().island())) {
      return search.runTask(t, parts, held);
    }
  }

  private final Map<Integer, Object> locks = new ConcurrentHashMap<>();

  /** One task of an island at a time (a task run again while its first run goes on waits). */
  private Object lock(int island) {
    return locks.computeIfAbsent(island, i -> new Object());
  }

  /** Whether {@code result} says the worker did not hold the island and got no rebuild. */
  public static boolean notHeld(byte[] result) {
    return IslandResult.isNotHeld(result);
  }

  /** The islands this worker holds now. */
  public int held() {
    return held.size();
  }

  @Override
  public void close() {
    held.clear();
    workers.close();
  }
}
