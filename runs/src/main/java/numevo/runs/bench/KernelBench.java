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
import numevo.dsl.text.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Times one kernel per fork, in ns per element: a compiled kernel file or a built-in baseline, over
 * {@value #POINTS} inputs drawn once (seeded) from the domain and kept in this state. Each call
 * runs the kernel's array method over all inputs and returns the outputs, so nothing is dead code.
 * Driven by {@code numevo bench}; see {@link BenchRunner}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBench {
  /** Inputs per call. */
  public static final int POINTS = 4096;

  /** A kernel file path, or {@code builtin:NAME}. */
  @Param({"builtin:exp"})
  public String spec;

  /** Lower end of the f input domain. */
  @Param({"0"})
  public double lo;

  /** Upper end (exclusive) of the f input domain. */
  @Param({"1"})
  public double hi;

  private Builtins.Unary unary;
  private Builtins.Binary binary;
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
    SplittableRandom rnd = new SplittableRandom(0x5eed);
    xs = new float[POINTS];
    ys = new float[POINTS];
    rs = new float[POINTS];
    ia = new int[POINTS];
    ib = new int[POINTS];
    ir = new int[POINTS];
    for (int i = 0; i < POINTS; i++) {
      xs[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
      ys[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
    }
    if (spec.startsWith("builtin:")) {
      Builtins.Kernel b = Builtins.of(spec.substring("builtin:".length()));
      unary = b.unary();
      binary = b.binary();
      return;
    }
    Program p = Parser.parse(readFile(spec), spec);
    CompiledKernel k = KernelCompiler.compile(p);
    int codeRange = p.format().bits() <= 16 ? 1 << p.format().bits() : Integer.MAX_VALUE;
    for (int i = 0; i < POINTS; i++) {
      ia[i] = rnd.nextInt(codeRange);
      ib[i] = rnd.nextInt(codeRange);
    }
    if (k instanceof Float32Unary u) {
      unary = u::apply;
    } else if (k instanceof Float32Binary b) {
      binary = b::apply;
    } else if (k instanceof I32Binary c) {
      codes = c;
    } else {
      generic = k;
      in = Batch.of(p.inputTypes(), POINTS);
      out = Batch.of(p.outputTypes(), POINTS);
      for (int port = 0; port < in.ports(); port++) {
        for (int i = 0; i < POINTS; i++) {
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

  private static String readFile(String path) {
    try {
      return java.nio.file.Files.readString(Path.of(path));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public Object run() {
    if (unary != null) {
      unary.apply(xs, rs, POINTS);
      return rs;
    }
    if (binary != null) {
      binary.apply(xs, ys, rs, POINTS);
      return rs;
    }
    if (codes != null) {
      codes.apply(ia, ib, ir, POINTS);
      return ir;
    }
    generic.evaluate(in, out, POINTS);
    return out;
  }
}
