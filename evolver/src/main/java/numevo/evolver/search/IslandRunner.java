package numevo.evolver.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the islands of a search between barriers, wherever they run (a search made {@link
 * Search#withRunner} hands its islands out as tasks; without a runner they live in its process). An
 * implementation must return, for each task, the bytes {@link IslandWorker#run} returns for it on a
 * worker made from the same search configuration and scorer, never its {@link IslandWorker#notHeld}
 * answer: a task is best sent without its rebuild ({@link IslandTask#write(boolean)}) to the worker
 * that ran the island's last task, and with it to any other worker, or when that one answers that
 * it does not hold the island. Which worker, thread or member runs which task, whether the island
 * was held or rebuilt, and how often a task is run (after a failure), does not change the bytes
 * (times aside).
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
   * A runner in this process: each task written to bytes (without its rebuild, and again with it if
   * the worker does not hold the island), run by {@code worker} and its result returned as bytes,
   * one task after the other (the worker's threads run inside each island): the whole round trip a
   * cluster makes, without a network.
   */
  static IslandRunner inProcess(IslandWorker worker) {
    return tasks -> {
      List<byte[]> results = new ArrayList<>(tasks.size());
      for (IslandTask t : tasks) {
        results.add(runOn(worker, t));
      }
      return results;
    };
  }

  /**
   * Runs a task on {@code worker}: without its rebuild first, and with it if the worker does not
   * hold the island.
   */
  static byte[] runOn(IslandWorker worker, IslandTask task) {
    byte[] r = worker.run(task.write(false));
    return IslandWorker.notHeld(r) ? worker.run(task.write(true)) : r;
  }
}
