package numevo.targets.floats;

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
    return Chunks.run(
        domain.size(), threads, "numevo-verify-", chunk -> new Worker(p, domain, reference, chunk));
  }

  /** One thread's columnar evaluator, reference and buffers. */
  private static final class Worker implements Chunks.Worker {
    private final FloatDomain domain;
    private final ColumnarEvaluator ev;
    private final Batch in;
    private final Batch out;
    private final FloatReference.Evaluator ref;
    private final ReferenceColumns cols;

    Worker(Program p, FloatDomain domain, FloatReference reference, int chunk) {
      this.domain = domain;
      ev = ColumnarEvaluator.of(p, chunk);
      in = ev.newInputBatch();
      out = ev.newOutputBatch();
      ref = reference.evaluator(chunk);
      cols = new ReferenceColumns(chunk);
    }

    @Override
    public ErrorStats chunk(long from, int n) {
      double[] x = in.f(0);
      domain.fill(from, x, n);
      ref.compute(x, n, cols);
      ev.evaluate(in, out, n);
      ErrorStats s = new ErrorStats();
      s.add(x, out.f(0), cols, n, from);
      return s;
    }

    @Override
    public long fallbacks() {
      return ref.fallbacks();
    }
  }
}
