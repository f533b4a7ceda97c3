package numevo.runs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.program.Program;
import numevo.dsl.simd.SimdCompiler;
import numevo.dsl.text.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SIMD backend ({@link SimdCompiler}) against the scalar compiled kernel ({@link
 * KernelCompiler}) and hand-written Java, per call over {@code size} inputs (ns per call; divide by
 * {@code size} for ns per element):
 *
 * <ul>
 *   <li>{@code poly*}: a degree-6 float32 Horner polynomial in fma over [-1, 1);
 *   <li>{@code exp*}: {@code cody_waite6.kernel} (the targets module's full-range exp baseline)
 *       over [-80, 80), against {@code (float) Math.exp} and a hand-written Java loop of the same
 *       Cody-Waite algorithm, and the columnar evaluator ({@code expColumnar}: one instruction at a
 *       time over all points, in float[] columns with one Java loop per op, which C2
 *       auto-vectorizes where it can): the other design a vector backend could take.
 * </ul>
 *
 * <p>The SIMD kernels are warmed up in the set-up until C2 has compiled their loops ({@link
 * KernelBench#warmUp}), which JMH's warm-up iterations alone may not reach on a loaded machine.
 *
 * <p>Run: {@code ./numevo jmh SimdBenchmark} (docs/BENCHMARKS.md, "SIMD backend").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-modules",
      "jdk.incubator.vector",
      SimdCompiler.QUIET_COMPILE_COMMANDS,
      SimdCompiler.FAST_JIT_OPTION
    })
public class SimdBenchmark {

  /** The degree-6 polynomial (cody_waite6's coefficients) as a Horner chain of fma. */
  static final String POLY =
      """
      kernel horner6 float32
      input r : f
      p5 = fma r 0x1.73ca84p-10 0x1.126416p-7
      p4 = fma r p5 0x1.554e6ap-5
      p3 = fma r p4 0x1.55545p-3
      p2 = fma r p3 0x1.000002p-1
      p1 = fma r p2 1.0
      p0 = fma r p1 1.0
      output p0
      """;

  /** The resource of the exp kernel in the targets module. */
  static final String EXP_KERNEL = "numevo/targets/baselines/exp/cody_waite6.kernel";

  /** Inputs per call. */
  @Param({"1024", "4096"})
  public int size;

  private float[] polyIn;
  private float[] expIn;
  private float[] out;
  private Float32Unary polySimd;
  private Float32Unary polyScalar;
  private Float32Unary expSimd;
  private Float32Unary expScalar;
  private ColumnarEvaluator columnar;
  private Batch columnarIn;
  private Batch columnarOut;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(0x5eed);
    polyIn = new float[size];
    expIn = new float[size];
    out = new float[size];
    for (int i = 0; i < size; i++) {
      polyIn[i] = (float) (-1 + 2 * rnd.nextDouble());
      expIn[i] = (float) (-80 + 160 * rnd.nextDouble());
    }
    Program poly = Parser.parse(POLY, "horner6");
    Program exp = Parser.parse(expKernel(), EXP_KERNEL);
    polySimd = (Float32Unary) SimdCompiler.compile(poly);
    polyScalar = (Float32Unary) KernelCompiler.compile(poly);
    expSimd = (Float32Unary) SimdCompiler.compile(exp);
    expScalar = (Float32Unary) KernelCompiler.compile(exp);
    columnar = ColumnarEvaluator.of(exp, size);
    columnarIn = columnar.newInputBatch();
    columnarOut = columnar.newOutputBatch();
    for (int i = 0; i < size; i++) {
      columnarIn.f(0)[i] = expIn[i];
    }
    KernelBench.warmUp(polySimd, poly);
    KernelBench.warmUp(expSimd, exp);
  }

  static String expKernel() {
    try (InputStream in = SimdBenchmark.class.getClassLoader().getResourceAsStream(EXP_KERNEL)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + EXP_KERNEL);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public float[] polySimd() {
    polySimd.apply(polyIn, out, size);
    return out;
  }

  @Benchmark
  public float[] polyScalar() {
    polyScalar.apply(polyIn, out, size);
    return out;
  }

  @Benchmark
  public float[] polyHand() {
    float[] xs = polyIn;
    float[] ys = out;
    for (int i = 0; i < size; i++) {
      ys[i] = horner(xs[i]);
    }
    return ys;
  }

  static float horner(float r) {
    float p5 = Math.fma(r, 0x1.73ca84p-10f, 0x1.126416p-7f);
    float p4 = Math.fma(r, p5, 0x1.554e6ap-5f);
    float p3 = Math.fma(r, p4, 0x1.55545p-3f);
    float p2 = Math.fma(r, p3, 0x1.000002p-1f);
    float p1 = Math.fma(r, p2, 1f);
    return Math.fma(r, p1, 1f);
  }

  @Benchmark
  public float[] expSimd() {
    expSimd.apply(expIn, out, size);
    return out;
  }

  @Benchmark
  public float[] expScalar() {
    expScalar.apply(expIn, out, size);
    return out;
  }

  @Benchmark
  public float[] expHand() {
    float[] xs = expIn;
    float[] ys = out;
    for (int i = 0; i < size; i++) {
      ys[i] = codyWaite(xs[i]);
    }
    return ys;
  }

  @Benchmark
  public Batch expColumnar() {
    columnar.evaluate(columnarIn, columnarOut, size);
    return columnarOut;
  }

  @Benchmark
  public float[] expMath() {
    float[] xs = expIn;
    float[] ys = out;
    for (int i = 0; i < size; i++) {
      ys[i] = (float) Math.exp(xs[i]);
    }
    return ys;
  }

  /** cody_waite6.kernel written by hand in scalar Java, op for op. */
  static float codyWaite(float x) {
    float xc = Math.min(Math.max(x, -104f), 89f);
    float n = (float) Math.rint(xc * 0x1.715476p0f);
    float r1 = Math.fma(n, -0x1.62e43p-1f, xc);
    float r = Math.fma(n, 0x1.05c61p-29f, r1);
    float p = horner(r);
    int k = (int) n;
    int k1 = k >> 1;
    int k2 = k - k1;
    float s1 = Float.intBitsToFloat((k1 + 127) << 23);
    float s2 = Float.intBitsToFloat((k2 + 127) << 23);
    return p * s1 * s2;
  }
}
