package numevo.evolver.search;

import java.util.Objects;
import numevo.evolver.concurrent.Workers;
import numevo.evolver.fitness.CandidateScorer;

/**
 * Runs {@link IslandTask}s of one search: the island rebuilt from the task's state (as {@link
 * Search#resume} rebuilds it), its migrants received, its generations run, and its result and new
 * state written as bytes. Thread-safe: several tasks may run at once, sharing the worker threads
 * (the parallel hashing, scoring and tuning inside each island).
 */
public final class IslandWorker implements AutoCloseable {
  private final Search search;
  private final Workers workers;
  private final Search.Parts parts;

  private IslandWorker(SearchConfig config, CandidateScorer scorer) {
    this.search = Search.of(config, scorer);
    this.workers = Workers.of(config.islands().threads());
    this.parts = search.parts(workers);
  }

  /**
   * A worker for the search of this configuration and scorer, on {@code config.islands().threads()}
   * threads (which change only the speed).
   */
  public static IslandWorker of(SearchConfig config, CandidateScorer scorer) {
    return new IslandWorker(
        Objects.requireNonNull(config, "config"), Objects.requireNonNull(scorer, "scorer"));
  }

  /**
   * Runs a task written by {@link IslandTask#write}.
   *
   * @return the result's bytes, for the search that handed the task out
   * @throws IllegalArgumentException if the bytes are not a task, or a task of another search
   */
  public byte[] run(byte[] task) {
    IslandTask t;
    try {
      t = IslandTask.read(task);
    } catch (SearchStateCodec.StateFormatException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return search.runTask(t, parts).write();
  }

  @Override
  public void close() {
    workers.close();
  }
}
