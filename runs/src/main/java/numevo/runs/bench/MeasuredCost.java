package numevo.runs.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.DoubleUnary;
import numevo.dsl.compile.Float32Binary;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.I32Binary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.simd.SimdCompiler;
import numevo.dsl.simd.SimdDeclinedException;

/**
 * The measured cost of a kernel ({@code --cost measured}): the kernel compiled as a user would
 * export it for speed, by the SIMD backend where it takes the kernel ({@link
 * SimdCompiler#compileOrScalar}: float32 kernels, on a JVM with the Vector API module) and by the
 * scalar ASM compiler otherwise, as {@code numevo bench --backend simd} times it, run in batch over
 * {@value #POINTS} inputs, in nanoseconds per element. A plain timed loop, not JMH: warm-up calls
 * until the JIT has compiled the loop (for a SIMD kernel first {@link KernelBench#warmUp}, since
 * until C2 compiles its loop the Vector API runs its Java fallback), then the median of {@value
 * #SAMPLES} timed samples of several batches each. Not deterministic: it depends on the machine,
 * its load and the JIT; {@code numevo bench} gives error bars. The launcher gives {@code --cost
 * measured} runs the module and {@link SimdCompiler#FAST_JIT_OPTION}.
 */
public final class MeasuredCost {
  private MeasuredCost() {}

  /** The file of a run directory holding the final front's measured costs. */
  public static final String FILE = "measured.tsv";

  /** Inputs per batch, as {@link KernelBench#POINTS}. */
  public static final int POINTS = KernelBench.POINTS;

  /** Timed samples; the median is reported. */
  public static final int SAMPLES = 15;

  private static final long WARMUP_NANOS = 400_000_000L;
  private static final long SAMPLE_NANOS = 4_000_000L;

  /**
   * Nanoseconds per element of {@code p}'s compiled kernel, or NaN if it cannot be evaluated on the
   * inputs (an invalid exact-integer evaluation). Float inputs are drawn uniformly from [0, 1), i32
   * inputs over the format's codes (all ints for formats of more than 16 bits), int inputs from [0,
   * 64), with a fixed seed.
   */
  public static double nsPerElement(Program p) {
    return measure(p).nsPerElement();
  }

  /**
   * A measured cost and the backend that ran the kernel.
   *
   * @param nsPerElement nanoseconds per element, NaN if the kernel cannot be evaluated
   * @param backend {@code simd} or {@code scalar}
   */
  public record Measured(double nsPerElement, String backend) {}

  /** {@link #nsPerElement}, with the backend that ran the kernel. */
  public static Measured measure(Program p) {
    CompiledKernel k = null;
    if (SimdCompiler.available() && SimdCompiler.declineReason(p).isEmpty()) {
      try {
        k = SimdCompiler.compile(p);
      } catch (SimdDeclinedException e) {
        k = null; // too large for the JIT as one loop: timed scalar
      }
    }
    boolean simd = k != null;
    if (!simd) {
      k = KernelCompiler.compile(p);
    }
    return new Measured(time(p, k, simd), simd ? "simd" : "scalar");
  }

  private static double time(Program p, CompiledKernel k, boolean simd) {
    Runnable call = batch(p, k);
    try {
      if (simd) {
        KernelBench.warmUp(k, p);
      }
      long end = System.nanoTime() + WARMUP_NANOS;
      long calls = 0;
      while (System.nanoTime() < end || calls < 1000) {
        call.run();
        calls++;
      }
      long perCall = Math.max(1, WARMUP_NANOS / calls);
      int reps = (int) Math.max(1, SAMPLE_NANOS / perCall);
      double[] ns = new double[SAMPLES];
      for (int s = 0; s < SAMPLES; s++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
          call.run();
        }
        ns[s] = (System.nanoTime() - t0) / ((double) reps * POINTS);
      }
      Arrays.sort(ns);
      return ns[SAMPLES / 2];
    } catch (EvaluationException e) {
      return Double.NaN;
    }
  }

  private static Runnable batch(Program p, CompiledKernel k) {
    SplittableRandom rnd = new SplittableRandom(0x5eed);
    int bits = p.format().bits();
    int codeRange = bits <= 16 ? 1 << bits : Integer.MAX_VALUE;
    float[] xs = new float[POINTS];
    float[] ys = new float[POINTS];
    float[] rs = new float[POINTS];
    int[] ia = new int[POINTS];
    int[] ib = new int[POINTS];
    int[] ir = new int[POINTS];
    for (int i = 0; i < POINTS; i++) {
      xs[i] = (float) rnd.nextDouble();
      ys[i] = (float) rnd.nextDouble();
      ia[i] = rnd.nextInt(codeRange);
      ib[i] = rnd.nextInt(codeRange);
    }
    if (k instanceof Float32Unary u) {
      return () -> u.apply(xs, rs, POINTS);
    }
    if (k instanceof Float32Binary b) {
      return () -> b.apply(xs, ys, rs, POINTS);
    }
    if (k instanceof I32Binary c) {
      return () -> c.apply(ia, ib, ir, POINTS);
    }
    if (k instanceof DoubleUnary d) {
      double[] dx = new double[POINTS];
      double[] dr = new double[POINTS];
      for (int i = 0; i < POINTS; i++) {
        dx[i] = rnd.nextDouble();
      }
      return () -> d.apply(dx, dr, POINTS);
    }
    Batch in = Batch.of(p.inputTypes(), POINTS);
    Batch out = Batch.of(p.outputTypes(), POINTS);
    for (int port = 0; port < in.ports(); port++) {
      Type t = in.type(port);
      for (int i = 0; i < POINTS; i++) {
        switch (t) {
          case F -> in.f(port)[i] = p.format().round(xs[i]);
          case I32 -> in.i32(port)[i] = ia[i];
          case INT -> in.intSmall(port)[i] = ia[i] & 63;
        }
      }
    }
    return () -> k.evaluate(in, out, POINTS);
  }
}
