package numevo.targets.floats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.program.Program;

/**
 * Scores a kernel on every point of an enumerable domain: the domain is cut into fixed chunks of
 * consecutive points; worker threads take chunks in turn, each computing the reference on the fly
 * (nothing is stored beyond a chunk) and the kernel with its own columnar evaluator; the partial
 * results are merged in chunk order, so that every figure, sums included, is the same for any
 * number of threads.
 */
public final class ExhaustiveVerifier {
  private ExhaustiveVerifier() {}

  /** Points per chunk. */
  public static final int CHUNK = 1 << 16;

  /** The result of a run: the merged errors and how many reference points needed the fallback. */
  public record Result(ErrorStats stats, long fallbacks) {}

  /**
   * Runs the kernel over the whole domain.
   *
   * @param p a kernel with one f input and one f output in the domain's format
   * @param domain an enumerable domain
   * @param reference the reference, in the domain's format
   * @param threads worker threads, at least 1
   */
  public static Result run(Program p, FloatDomain domain, FloatReference reference, int threads) {
    long size = domain.size();
    int chunk = (int) Math.min(CHUNK, size);
    long chunksLong = (size + chunk - 1) / chunk;
    if (chunksLong > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("domain too large to enumerate: " + size + " points");
    }
    int chunks = (int) chunksLong;
    ErrorStats[] partial = new ErrorStats[chunks];
    AtomicInteger next = new AtomicInteger();
    AtomicLong fallbacks = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int workers = Math.max(1, Math.min(threads, chunks));
    List<Thread> pool = new ArrayList<>(workers);
    for (int t = 0; t < workers; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  work(p, domain, reference, chunk, partial, next, fallbacks, failure);
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "numevo-verify-" + t);
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
    return new Result(total, fallbacks.get());
  }

  private static void work(
      Program p,
      FloatDomain domain,
      FloatReference reference,
      int chunk,
      ErrorStats[] partial,
      AtomicInteger next,
      AtomicLong fallbacks,
      AtomicReference<Throwable> failure) {
    ColumnarEvaluator ev = ColumnarEvaluator.of(p, chunk);
    Batch in = ev.newInputBatch();
    Batch out = ev.newOutputBatch();
    FloatReference.Evaluator ref = reference.evaluator(chunk);
    ReferenceColumns cols = new ReferenceColumns(chunk);
    double[] x = in.f(0);
    long size = domain.size();
    for (int c = next.getAndIncrement(); c < partial.length; c = next.getAndIncrement()) {
      if (failure.get() != null) {
        return;
      }
      long from = (long) c * chunk;
      int n = (int) Math.min(chunk, size - from);
      domain.fill(from, x, n);
      ref.compute(x, n, cols);
      ev.evaluate(in, out, n);
      ErrorStats s = new ErrorStats();
      s.add(x, out.f(0), cols, n, from);
      partial[c] = s;
    }
    fallbacks.addAndGet(ref.fallbacks());
  }
}
