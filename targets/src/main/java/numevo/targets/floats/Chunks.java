package numevo.targets.floats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * The exhaustive verifiers' one parallel pass: points {@code 0 .. size-1} are cut into fixed chunks
 * of {@link ExhaustiveVerifier#CHUNK} consecutive points; worker threads take chunks in turn, each
 * with its own {@link Worker}; the partial results are merged in chunk order, so that every figure,
 * sums included, is the same for any number of threads. The first failure stops the other workers
 * and is rethrown.
 */
final class Chunks {
  private Chunks() {}

  /** One thread's evaluator of chunks (it owns its buffers; nothing is allocated per point). */
  interface Worker {
    /** The errors of the {@code n} points from {@code from}. */
    ErrorStats chunk(long from, int n);

    /** How many reference points needed the exact fallback so far. */
    long fallbacks();
  }

  /**
   * Runs every chunk of {@code [0, size)}.
   *
   * @param size the number of points
   * @param threads worker threads, at least 1
   * @param name the threads' name prefix
   * @param workers a new worker for chunks of the given size, called once per thread
   */
  static ExhaustiveVerifier.Result run(
      long size, int threads, String name, IntFunction<? extends Worker> workers) {
    int chunk = (int) Math.min(ExhaustiveVerifier.CHUNK, size);
    long chunksLong = (size + chunk - 1) / chunk;
    if (chunksLong > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("domain too large to enumerate: " + size + " points");
    }
    int chunks = (int) chunksLong;
    ErrorStats[] partial = new ErrorStats[chunks];
    AtomicInteger next = new AtomicInteger();
    AtomicLong fallbacks = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int count = Math.max(1, Math.min(threads, chunks));
    List<Thread> pool = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  Worker w = workers.apply(chunk);
                  for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                    if (failure.get() != null) {
                      return;
                    }
                    long from = (long) c * chunk;
                    partial[c] = w.chunk(from, (int) Math.min(chunk, size - from));
                  }
                  fallbacks.addAndGet(w.fallbacks());
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              name + t);
      th.setDaemon(true);
      pool.add(th);
      th.start();
    }
    for (Thread th : pool) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.compareAndSet(null, e);
      }
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error er) {
      throw er;
    }
    if (f != null) {
      throw new IllegalStateException("exhaustive verification interrupted", f);
    }
    ErrorStats total = new ErrorStats();
    for (ErrorStats s : partial) {
      total.merge(s);
    }
    return new ExhaustiveVerifier.Result(total, fallbacks.get());
  }
}
