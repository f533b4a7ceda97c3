package numevo.evolver.concurrent;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * The threads of a search: a fork-join pool of {@code threads} workers, or none at all for one
 * thread (everything then runs on the caller). Loops started from inside a worker fork into the
 * same pool, so islands and the parallel loops inside them share the workers without
 * oversubscription.
 *
 * <p>Only the scheduling is parallel: callers give each index its own output slot and combine
 * results in index order afterwards, so results never depend on which thread ran what.
 */
public final class Workers implements AutoCloseable {
  private final int threads;
  private final ForkJoinPool pool;

  private Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1: " + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : new ForkJoinPool(threads);
  }

  /**
   * @param threads the number of worker threads, {@code >= 1}
   */
  public static Workers of(int threads) {
    return new Workers(threads);
  }

  /** The number of threads. */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} for every index in {@code [0, n)}, in parallel when there are several
   * threads, and returns when all are done. An exception in a body propagates (others may still
   * have run).
   */
  public void forEach(int n, IntConsumer body) {
    if (pool == null || n < 2) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    int grain = Math.max(1, n / (threads * 4));
    run(new Range(body, 0, n, grain));
  }

  /** Runs every task, in parallel when there are several threads, and returns when all are done. */
  public void runAll(List<? extends Runnable> tasks) {
    forEach(tasks.size(), i -> tasks.get(i).run());
  }

  private void run(ForkJoinTask<?> task) {
    if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
      task.invoke();
    } else {
      pool.invoke(task);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private static final class Range extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient IntConsumer body;
    private final int from;
    private final int to;
    private final int grain;

    Range(IntConsumer body, int from, int to, int grain) {
      this.body = body;
      this.from = from;
      this.to = to;
      this.grain = grain;
    }

    @Override
    protected void compute() {
      if (to - from <= grain) {
        for (int i = from; i < to; i++) {
          body.accept(i);
        }
        return;
      }
      int mid = (from + to) >>> 1;
      invokeAll(new Range(body, from, mid, grain), new Range(body, mid, to, grain));
    }
  }
}
