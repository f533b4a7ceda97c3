package numevo.evolver.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the islands of a search between barriers, wherever they run (a search made {@link
 * Search#withRunner} hands its islands out as tasks; without a runner they live in its process). An
 * implementation must return, for each task, the bytes {@link IslandWorker#run} returns for it on a
 * worker made from the same search configuration and scorer; which worker, thread or member runs
 * which task, and how often a task is run (after a failure), does not change them.
 */
public interface IslandRunner {

  /**
   * Runs every task and returns when all are done.
   *
   * @param tasks one per island, islands distinct
   * @return for each task, in order, its result's bytes
   * @throws RuntimeException if a task cannot be run at all (the search stops with it)
   */
  List<byte[]> runAll(List<IslandTask> tasks);

  /**
   * A runner in this process: each task written to bytes, run by {@code worker} and its result
   * returned as bytes, one task after the other (the worker's threads run inside each island): the
   * whole round trip a cluster makes, without a network.
   */
  static IslandRunner inProcess(IslandWorker worker) {
    return tasks -> {
      List<byte[]> results = new ArrayList<>(tasks.size());
      for (IslandTask t : tasks) {
        results.add(worker.run(t.write()));
      }
      return results;
    };
  }
}
