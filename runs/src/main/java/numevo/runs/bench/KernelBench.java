package numevo.runs.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.Float32Binary;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.I32Binary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.eval.Batch;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.simd.SimdCompiler;
import numevo.dsl.text.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Times one kernel per fork and {@link BenchShape}: a compiled kernel file (compiled by the scalar
 * compiler, or by the SIMD backend when the spec is {@code simd:FILE}) or a built-in baseline, over
 * inputs drawn once (seeded) from the domain and kept in this state. One invocation is the shape's
 * work on all its inputs ({@code batch:N}: the kernel's array method over N inputs; {@code call:N}:
 * its per-point method called N times in a loop) and returns the outputs, so nothing is dead code.
 * JMH reports ns per invocation; {@link BenchRunner} divides by N. Driven by {@code numevo bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBench {
  /** Inputs per invocation when no shape is given. */
  public static final int POINTS = 4096;

  /** Prefix of a spec whose kernel the SIMD backend ({@link SimdCompiler}) compiles. */
  public static final String SIMD = "simd:";

  /** A kernel file path, {@code simd:} and a path, or {@code builtin:NAME}. */
  @Param({"builtin:exp"})
  public String spec;

  /** Lower end of the f input domain. */
  @Param({"0"})
  public double lo;

  /** Upper end (exclusive) of the f input domain. */
  @Param({"1"})
  public double hi;

  /** A {@link BenchShape}: {@code batch:N} or {@code call:N}. */
  @Param({"batch:4096"})
  public String shape;

  private boolean perCall;
  private int n;
  private Builtins.Unary unary;
  private Builtins.Binary binary;
  private Builtins.Scalar scalar;
  private Float32Unary callUnary;
  private Float32Binary callBinary;
  private I32Binary codes;
  private CompiledKernel generic;
  private float[] xs;
  private float[] ys;
  private float[] rs;
  private int[] ia;
  private int[] ib;
  private int[] ir;
  private Batch in;
  private Batch out;

  @Setup
  public void setup() {
    BenchShape s = BenchShape.parse(shape);
    perCall = s.perCall();
    n = s.points();
    SplittableRandom rnd = new SplittableRandom(0x5eed);
    xs = new float[n];
    ys = new float[n];
    rs = new float[n];
    ia = new int[n];
    ib = new int[n];
    ir = new int[n];
    for (int i = 0; i < n; i++) {
      xs[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
      ys[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
    }
    if (spec.startsWith("builtin:")) {
      Builtins.Kernel b = Builtins.of(spec.substring("builtin:".length()));
      unary = b.unary();
      binary = b.binary();
      scalar = b.scalar();
      if (perCall && scalar == null) {
        throw new IllegalStateException(spec + " has no per-call form");
      }
      return;
    }
    boolean simd = spec.startsWith(SIMD);
    String file = simd ? spec.substring(SIMD.length()) : spec;
    Program p = Parser.parse(readFile(file), file);
    CompiledKernel k = simd ? SimdCompiler.compile(p) : KernelCompiler.compile(p);
    int codeRange = p.format().bits() <= 16 ? 1 << p.format().bits() : Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      ia[i] = rnd.nextInt(codeRange);
      ib[i] = rnd.nextInt(codeRange);
    }
    if (simd) {
      warmUp(k, p);
    }
    if (k instanceof Float32Unary u) {
      unary = u::apply;
      callUnary = u;
    } else if (k instanceof Float32Binary b) {
      binary = b::apply;
      callBinary = b;
    } else if (k instanceof I32Binary c) {
      codes = c;
    } else {
      if (perCall) {
        throw new IllegalStateException(spec + " has no per-call form");
      }
      generic = k;
      in = Batch.of(p.inputTypes(), n);
      out = Batch.of(p.outputTypes(), n);
      for (int port = 0; port < in.ports(); port++) {
        for (int i = 0; i < n; i++) {
          Type t = in.type(port);
          switch (t) {
            case F -> in.f(port)[i] = xs[i];
            case I32 -> in.i32(port)[i] = ia[i];
            case INT -> in.intSmall(port)[i] = ia[i];
          }
        }
      }
    }
  }

  /** Calls of a SIMD kernel before timing, bounded by {@link #WARMUP_NANOS}. */
  static final int WARMUP_CALLS = 500;

  private static final long WARMUP_NANOS = 30_000_000_000L;

  /**
   * Runs a SIMD kernel's batch method until C2 has compiled its loop (see {@link
   * SimdCompiler#FAST_JIT_OPTION}): before that, each call runs the Vector API's Java fallback at
   * microseconds per vector op, slow enough that JMH's warm-up iterations alone may end first.
   */
  static void warmUp(CompiledKernel k, Program p) {
    float[] x = new float[POINTS];
    float[] y = new float[POINTS];
    Batch in = Batch.of(p.inputTypes(), POINTS);
    Batch out = Batch.of(p.outputTypes(), POINTS);
    long end = System.nanoTime() + WARMUP_NANOS;
    for (int c = 0; c < WARMUP_CALLS && System.nanoTime() < end; c++) {
      if (k instanceof Float32Unary u) {
        u.apply(x, y, POINTS);
      } else {
        k.evaluate(in, out, POINTS);
      }
    }
  }

  private static String readFile(String path) {
    try {
      return java.nio.file.Files.readString(Path.of(path));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  @Benchmark
  public Object run() {
    return perCall ? calls() : batch();
  }

  private Object batch() {
    if (unary != null) {
      unary.apply(xs, rs, n);
      return rs;
    }
    if (binary != null) {
      binary.apply(xs, ys, rs, n);
      return rs;
    }
    if (codes != null) {
      codes.apply(ia, ib, ir, n);
      return ir;
    }
    generic.evaluate(in, out, n);
    return out;
  }

  private Object calls() {
    if (scalar != null) {
      for (int i = 0; i < n; i++) {
        rs[i] = scalar.apply(xs[i]);
      }
      return rs;
    }
    if (callUnary != null) {
      for (int i = 0; i < n; i++) {
        rs[i] = callUnary.apply(xs[i]);
      }
      return rs;
    }
    if (callBinary != null) {
      for (int i = 0; i < n; i++) {
        rs[i] = callBinary.apply(xs[i], ys[i]);
      }
      return rs;
    }
    for (int i = 0; i < n; i++) {
      ir[i] = codes.apply(ia[i], ib[i]);
    }
    return ir;
  }
}
