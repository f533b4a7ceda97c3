package numevo.runs.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import numevo.dsl.compile.CompiledKernel;
import numevo.dsl.compile.Float32Binary;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.I32Binary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.compile.NarrowBinary;
import numevo.dsl.compile.Rounding;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.text.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiled kernels against hand-written Java, one small kernel per op family (issue 12, section 1),
 * in ns per element over {@value #N} inputs. For each family {@code F}:
 *
 * <ul>
 *   <li>{@code F_batch}: the compiled kernel's array method over all inputs;
 *   <li>{@code F_call}: the compiled kernel's per-point method, called once per element in a loop;
 *   <li>{@code F_batchF}, {@code F_callF} (narrow formats only): the same over floats ({@link
 *       NarrowBinary}'s float methods), the arrays the hand-written loops use;
 *   <li>{@code F_hand}: a hand-written Java loop computing the same thing bit for bit (for the
 *       narrow formats with the rounding helper {@code numevo export --lang java} emitted before it
 *       rounded through float: binary64 scaling and {@code rint});
 *   <li>{@code F_handAlt} (toi, itof, bits): another hand-written loop, the same function on every
 *       input, that a person might write faster;
 *   <li>{@code F_handFast} (narrow formats only): the fastest plain Java of the same function this
 *       benchmark knows, over floats: the JDK's float16 conversions, the bfloat16 rounding on float
 *       bits (NaN kept), and numevo's float {@link Rounding} for e4m3fn and e5m2.
 * </ul>
 *
 * <p>Every kernel has a shape with primitive per-point and array methods ({@link Float32Unary},
 * {@link Float32Binary}, {@link I32Binary}, {@link NarrowBinary}); where a family's op does not
 * give such a shape by itself, {@code frombits} or {@code bits} (reinterpretations) carry the
 * values in or out, and the hand-written loop does the same. {@code OpFamilyBenchmarkTest} checks
 * that each hand-written loop agrees bit for bit with the compiled kernel on these inputs.
 *
 * <p>Run: {@code ./numevo jmh OpFamilyBenchmark} (docs/BENCHMARKS.md, "Compiled kernels per op
 * family").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OpFamilyBenchmark {
  /** Inputs per call. */
  static final int N = 1024;

  /** float32 add, mul and fma. */
  static final String ARITH =
      """
      kernel arith float32
      input x : f
      input y : f
      t0 = mul x y
      t1 = fma t0 x y
      t2 = add t1 y
      t3 = fma t2 x t0
      output t3
      """;

  /** rint (and the reduced argument x - rint x, as in a range reduction). */
  static final String RINT =
      """
      kernel rint float32
      input x : f
      r = rint x
      d = sub x r
      output d
      """;

  /** toi on floats carried in as codes. */
  static final String TOI =
      """
      kernel toi float32
      input a : i32
      input b : i32
      x = frombits a
      y = frombits b
      k = toi x
      m = toi y
      r = sub k m
      output r
      """;

  /** itof, the sum's code carried out. */
  static final String ITOF =
      """
      kernel itof float32
      input a : i32
      input b : i32
      x = itof a
      y = itof b
      s = add x y
      r = bits s
      output r
      """;

  /** bits and frombits: |x| * 2 on the code. */
  static final String BITS =
      """
      kernel bits float32
      input x : f
      b = bits x
      c = and b 0x7fffffff
      d = add c 0x800000
      r = frombits d
      output r
      """;

  /** min and max: a clamp. */
  static final String MINMAX =
      """
      kernel minmax float32
      input x : f
      input y : f
      lo = min x y
      hi = max x y
      a = min hi 1.0
      b = max lo -1.0
      r = sub a b
      output r
      """;

  /** Comparisons and select. */
  static final String SELECT =
      """
      kernel select float32
      input x : f
      input y : f
      c = lt x y
      s = select c x y
      e = le x 0
      r = select e y s
      output r
      """;

  /** Comparisons whose i32 results are used as integers (not only by select). */
  static final String CMP =
      """
      kernel cmp float32
      input a : i32
      input b : i32
      x = frombits a
      y = frombits b
      c = lt x y
      d = eq x y
      e = le y x
      g = add c d
      r = shl g e
      output r
      """;

  /** i32 shifts. */
  static final String SHIFT =
      """
      kernel shift float32
      input a : i32
      input b : i32
      s = shl a b
      t = ushr a 3
      u = shr s 5
      v = xor t u
      output v
      """;

  /** Two adds rounded to a narrow format (the format is substituted). */
  static final String NARROW_ADD =
      """
      kernel add2 %s
      input x : f
      input y : f
      s = add x y
      t = add s x
      output t
      """;

  // Inputs: float32 values, their codes, i32s, and narrow values (as doubles for the compiled
  // kernels, as floats for the hand-written loops, which carry them as exported Java does).
  float[] xs;
  float[] ys;
  float[] rs;
  int[] ca;
  int[] cb;
  int[] ia;
  int[] ib;
  int[] sa;
  int[] sb;
  int[] ir;
  double[] bf16X;
  double[] bf16Y;
  float[] bf16Xf;
  float[] bf16Yf;
  double[] f16X;
  double[] f16Y;
  float[] f16Xf;
  float[] f16Yf;
  double[] e4m3X;
  double[] e4m3Y;
  float[] e4m3Xf;
  float[] e4m3Yf;
  double[] e5m2X;
  double[] e5m2Y;
  float[] e5m2Xf;
  float[] e5m2Yf;
  double[] rd;

  Float32Binary arith;
  Float32Unary rint;
  I32Binary toi;
  I32Binary itof;
  Float32Unary bits;
  Float32Binary minmax;
  Float32Binary select;
  I32Binary shift;
  I32Binary cmp;
  NarrowBinary bf16;
  NarrowBinary f16;
  NarrowBinary e4m3;
  NarrowBinary e5m2;

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(0x0b12);
    xs = new float[N];
    ys = new float[N];
    rs = new float[N];
    ca = new int[N];
    cb = new int[N];
    ia = new int[N];
    ib = new int[N];
    sa = new int[N];
    sb = new int[N];
    ir = new int[N];
    bf16X = new double[N];
    bf16Y = new double[N];
    f16X = new double[N];
    f16Y = new double[N];
    e4m3X = new double[N];
    e4m3Y = new double[N];
    e5m2X = new double[N];
    e5m2Y = new double[N];
    rd = new double[N];
    for (int i = 0; i < N; i++) {
      xs[i] = (float) (-4 + 8 * rnd.nextDouble());
      ys[i] = (float) (-4 + 8 * rnd.nextDouble());
      ca[i] = Float.floatToRawIntBits((float) (-1e6 + 2e6 * rnd.nextDouble()));
      cb[i] = Float.floatToRawIntBits((float) (-1e6 + 2e6 * rnd.nextDouble()));
      ia[i] = rnd.nextInt();
      ib[i] = rnd.nextInt();
      sa[i] = rnd.nextInt();
      sb[i] = rnd.nextInt(64);
      bf16X[i] = NumberFormat.BFLOAT16.round(-100 + 200 * rnd.nextDouble());
      bf16Y[i] = NumberFormat.BFLOAT16.round(-100 + 200 * rnd.nextDouble());
      f16X[i] = NumberFormat.FLOAT16.round(-100 + 200 * rnd.nextDouble());
      f16Y[i] = NumberFormat.FLOAT16.round(-100 + 200 * rnd.nextDouble());
      e4m3X[i] = NumberFormat.E4M3FN.round(-8 + 16 * rnd.nextDouble());
      e4m3Y[i] = NumberFormat.E4M3FN.round(-8 + 16 * rnd.nextDouble());
      e5m2X[i] = NumberFormat.E5M2.round(-100 + 200 * rnd.nextDouble());
      e5m2Y[i] = NumberFormat.E5M2.round(-100 + 200 * rnd.nextDouble());
    }
    bf16Xf = toFloats(bf16X);
    bf16Yf = toFloats(bf16Y);
    f16Xf = toFloats(f16X);
    f16Yf = toFloats(f16Y);
    e4m3Xf = toFloats(e4m3X);
    e4m3Yf = toFloats(e4m3Y);
    e5m2Xf = toFloats(e5m2X);
    e5m2Yf = toFloats(e5m2Y);
    arith = compile(ARITH, Float32Binary.class);
    rint = compile(RINT, Float32Unary.class);
    toi = compile(TOI, I32Binary.class);
    itof = compile(ITOF, I32Binary.class);
    bits = compile(BITS, Float32Unary.class);
    minmax = compile(MINMAX, Float32Binary.class);
    select = compile(SELECT, Float32Binary.class);
    shift = compile(SHIFT, I32Binary.class);
    cmp = compile(CMP, I32Binary.class);
    bf16 = compile(NARROW_ADD.formatted("bfloat16"), NarrowBinary.class);
    f16 = compile(NARROW_ADD.formatted("float16"), NarrowBinary.class);
    e4m3 = compile(NARROW_ADD.formatted("e4m3fn"), NarrowBinary.class);
    e5m2 = compile(NARROW_ADD.formatted("e5m2"), NarrowBinary.class);
  }

  private static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  static <K extends CompiledKernel> K compile(String text, Class<K> shape) {
    return KernelCompiler.compile(Parser.parse(text, "<op-family>"), shape);
  }

  // ---- hand-written loops (the test checks them against the compiled kernels) ----

  static void handArith(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = xs[i];
      float y = ys[i];
      float t0 = x * y;
      float t1 = Math.fma(t0, x, y);
      float t2 = t1 + y;
      rs[i] = Math.fma(t2, x, t0);
    }
  }

  static void handRint(float[] xs, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = xs[i];
      rs[i] = x - (float) Math.rint(x);
    }
  }

  static void handToi(int[] as, int[] bs, int[] rs) {
    for (int i = 0; i < as.length; i++) {
      int k = (int) Math.rint(Float.intBitsToFloat(as[i]));
      int m = (int) Math.rint(Float.intBitsToFloat(bs[i]));
      rs[i] = k - m;
    }
  }

  static void handItof(int[] as, int[] bs, int[] rs) {
    for (int i = 0; i < as.length; i++) {
      rs[i] = Float.floatToIntBits((float) as[i] + (float) bs[i]);
    }
  }

  static void handBits(float[] xs, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      rs[i] = Float.intBitsToFloat((Float.floatToIntBits(xs[i]) & 0x7fffffff) + 0x800000);
    }
  }

  /**
   * toi another way, the same on every input: {@code rint} of a float is an integer a float holds
   * exactly, so the float-to-int conversion ({@code F2I}) replaces the double-to-int one.
   */
  static void handAltToi(int[] as, int[] bs, int[] rs) {
    for (int i = 0; i < as.length; i++) {
      int k = (int) (float) Math.rint(Float.intBitsToFloat(as[i]));
      int m = (int) (float) Math.rint(Float.intBitsToFloat(bs[i]));
      rs[i] = k - m;
    }
  }

  /**
   * itof another way, the same on every input: the sum of two converted i32s is never NaN, so the
   * raw code needs no NaN canonicalization (a fact a person knows and the compiler does not use).
   */
  static void handAltItof(int[] as, int[] bs, int[] rs) {
    for (int i = 0; i < as.length; i++) {
      rs[i] = Float.floatToRawIntBits((float) as[i] + (float) bs[i]);
    }
  }

  /** bits another way, the same on every input: NaN canonicalized by an integer select. */
  static void handAltBits(float[] xs, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      int b = Float.floatToRawIntBits(xs[i]);
      int c = (b & 0x7fffffff) > 0x7f800000 ? 0x7fc00000 : b;
      rs[i] = Float.intBitsToFloat((c & 0x7fffffff) + 0x800000);
    }
  }

  static void handMinmax(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = xs[i];
      float y = ys[i];
      float a = Math.min(Math.max(x, y), 1.0f);
      float b = Math.max(Math.min(x, y), -1.0f);
      rs[i] = a - b;
    }
  }

  static void handSelect(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = xs[i];
      float y = ys[i];
      float s = x < y ? x : y;
      rs[i] = x <= 0f ? y : s;
    }
  }

  static void handShift(int[] as, int[] bs, int[] rs) {
    for (int i = 0; i < as.length; i++) {
      int a = as[i];
      rs[i] = (a >>> 3) ^ ((a << bs[i]) >> 5);
    }
  }

  static void handCmp(int[] as, int[] bs, int[] rs) {
    for (int i = 0; i < as.length; i++) {
      float x = Float.intBitsToFloat(as[i]);
      float y = Float.intBitsToFloat(bs[i]);
      int f = (x < y ? 1 : 0) + (x == y ? 1 : 0);
      rs[i] = f << (y <= x ? 1 : 0);
    }
  }

  /** The exported Java's two adds: inputs rounded first, as the exported {@code apply} does. */
  static void handBf16(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = roundBf16((double) xs[i]);
      float y = roundBf16((double) ys[i]);
      float s = roundBf16((double) x + y);
      rs[i] = roundBf16((double) s + x);
    }
  }

  static void handF16(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = roundF16((double) xs[i]);
      float y = roundF16((double) ys[i]);
      float s = roundF16((double) x + y);
      rs[i] = roundF16((double) s + x);
    }
  }

  static void handE4m3(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = roundE4m3((double) xs[i]);
      float y = roundE4m3((double) ys[i]);
      float s = roundE4m3((double) x + y);
      rs[i] = roundE4m3((double) s + x);
    }
  }

  /**
   * bfloat16 on float bits: a float32 sum of two bfloat16 values rounded to bfloat16 is the
   * correctly rounded sum (24 >= 2 * 8 + 2 bits), and rounding a float to bfloat16 is integer
   * arithmetic on its code (overflow carries into Inf; NaN is kept apart).
   */
  static void handFastBf16(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = bf16OfFloat(xs[i]);
      float y = bf16OfFloat(ys[i]);
      float s = bf16OfFloat(x + y);
      rs[i] = bf16OfFloat(s + x);
    }
  }

  /**
   * bfloat16 rounding of a float: to nearest even on its code; a NaN kept as it is (its code plus
   * the rounding increment could carry into Inf or the sign).
   */
  private static float bf16OfFloat(float f) {
    int b = Float.floatToRawIntBits(f);
    int r = (b + 0x7fff + ((b >>> 16) & 1)) & 0xffff0000;
    return f != f ? f : Float.intBitsToFloat(r);
  }

  /**
   * float16 through the JDK's conversions (HotSpot intrinsics): the float32 sum rounded to float16
   * is the correctly rounded sum (24 >= 2 * 11 + 2 bits).
   */
  static void handFastF16(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = Float.float16ToFloat(Float.floatToFloat16(xs[i]));
      float y = Float.float16ToFloat(Float.floatToFloat16(ys[i]));
      float s = Float.float16ToFloat(Float.floatToFloat16(x + y));
      rs[i] = Float.float16ToFloat(Float.floatToFloat16(s + x));
    }
  }

  static void handE5m2(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = roundE5m2((double) xs[i]);
      float y = roundE5m2((double) ys[i]);
      float s = roundE5m2((double) x + y);
      rs[i] = roundE5m2((double) s + x);
    }
  }

  /**
   * e4m3fn over floats: float32 adds (correctly rounded after one more rounding: 24 >= 2 * 4 + 2
   * bits) rounded with numevo's float rounding {@link Rounding#e4m3fn(float)}, the fastest plain
   * Java rounding to e4m3fn known here (the JDK has none).
   */
  static void handFastE4m3(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = Rounding.e4m3fn(xs[i]);
      float y = Rounding.e4m3fn(ys[i]);
      float s = Rounding.e4m3fn(x + y);
      rs[i] = Rounding.e4m3fn(s + x);
    }
  }

  /** e5m2 over floats, as {@link #handFastE4m3}. */
  static void handFastE5m2(float[] xs, float[] ys, float[] rs) {
    for (int i = 0; i < xs.length; i++) {
      float x = Rounding.e5m2(xs[i]);
      float y = Rounding.e5m2(ys[i]);
      float s = Rounding.e5m2(x + y);
      rs[i] = Rounding.e5m2(s + x);
    }
  }

  // The round helpers numevo export --lang java emits for each format (constants inlined).

  private static float roundBf16(double x) {
    if (Double.isNaN(x)) {
      return Float.NaN;
    }
    double a = Math.abs(x);
    if (a == 0.0) {
      return (float) x;
    }
    if (Double.isInfinite(a)) {
      return (float) x;
    }
    int e = Math.max(Math.getExponent(a), -126);
    double r = Math.scalb(Math.rint(Math.scalb(a, 7 - e)), e - 7);
    if (r > 3.3895313892515355E38) {
      return x > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
    }
    return (float) Math.copySign(r, x);
  }

  private static float roundF16(double x) {
    if (Double.isNaN(x)) {
      return Float.NaN;
    }
    double a = Math.abs(x);
    if (a == 0.0) {
      return (float) x;
    }
    if (Double.isInfinite(a)) {
      return (float) x;
    }
    int e = Math.max(Math.getExponent(a), -14);
    double r = Math.scalb(Math.rint(Math.scalb(a, 10 - e)), e - 10);
    if (r > 65504.0) {
      return x > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
    }
    return (float) Math.copySign(r, x);
  }

  private static float roundE4m3(double x) {
    if (Double.isNaN(x)) {
      return Float.NaN;
    }
    double a = Math.abs(x);
    if (a == 0.0) {
      return (float) x;
    }
    if (Double.isInfinite(a)) {
      return Float.NaN; // no infinities
    }
    int e = Math.max(Math.getExponent(a), -6);
    double r = Math.scalb(Math.rint(Math.scalb(a, 3 - e)), e - 3);
    if (r > 448.0) {
      return Float.NaN;
    }
    return (float) Math.copySign(r, x);
  }

  private static float roundE5m2(double x) {
    if (Double.isNaN(x)) {
      return Float.NaN;
    }
    double a = Math.abs(x);
    if (a == 0.0) {
      return (float) x;
    }
    if (Double.isInfinite(a)) {
      return (float) x;
    }
    int e = Math.max(Math.getExponent(a), -14);
    double r = Math.scalb(Math.rint(Math.scalb(a, 2 - e)), e - 2);
    if (r > 57344.0) {
      return x > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
    }
    return (float) Math.copySign(r, x);
  }

  // ---- float32 add, mul, fma ----

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] arith_batch() {
    arith.apply(xs, ys, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] arith_call() {
    for (int i = 0; i < N; i++) {
      rs[i] = arith.apply(xs[i], ys[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] arith_hand() {
    handArith(xs, ys, rs);
    return rs;
  }

  // ---- rint ----

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] rint_batch() {
    rint.apply(ys, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] rint_call() {
    for (int i = 0; i < N; i++) {
      rs[i] = rint.apply(ys[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] rint_hand() {
    handRint(ys, rs);
    return rs;
  }

  // ---- toi ----

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] toi_batch() {
    toi.apply(ca, cb, ir, N);
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] toi_call() {
    for (int i = 0; i < N; i++) {
      ir[i] = toi.apply(ca[i], cb[i]);
    }
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] toi_hand() {
    handToi(ca, cb, ir);
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] toi_handAlt() {
    handAltToi(ca, cb, ir);
    return ir;
  }

  // ---- itof ----

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] itof_batch() {
    itof.apply(ia, ib, ir, N);
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] itof_call() {
    for (int i = 0; i < N; i++) {
      ir[i] = itof.apply(ia[i], ib[i]);
    }
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] itof_hand() {
    handItof(ia, ib, ir);
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] itof_handAlt() {
    handAltItof(ia, ib, ir);
    return ir;
  }

  // ---- bits, frombits ----

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] bits_batch() {
    bits.apply(xs, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] bits_call() {
    for (int i = 0; i < N; i++) {
      rs[i] = bits.apply(xs[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] bits_hand() {
    handBits(xs, rs);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] bits_handAlt() {
    handAltBits(xs, rs);
    return rs;
  }

  // ---- min, max ----

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] minmax_batch() {
    minmax.apply(xs, ys, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] minmax_call() {
    for (int i = 0; i < N; i++) {
      rs[i] = minmax.apply(xs[i], ys[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] minmax_hand() {
    handMinmax(xs, ys, rs);
    return rs;
  }

  // ---- comparisons, select ----

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] select_batch() {
    select.apply(xs, ys, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] select_call() {
    for (int i = 0; i < N; i++) {
      rs[i] = select.apply(xs[i], ys[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] select_hand() {
    handSelect(xs, ys, rs);
    return rs;
  }

  // ---- i32 shifts ----

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] shift_batch() {
    shift.apply(sa, sb, ir, N);
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] shift_call() {
    for (int i = 0; i < N; i++) {
      ir[i] = shift.apply(sa[i], sb[i]);
    }
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] shift_hand() {
    handShift(sa, sb, ir);
    return ir;
  }

  // ---- comparisons as integers ----

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] cmp_batch() {
    cmp.apply(ca, cb, ir, N);
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] cmp_call() {
    for (int i = 0; i < N; i++) {
      ir[i] = cmp.apply(ca[i], cb[i]);
    }
    return ir;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public int[] cmp_hand() {
    handCmp(ca, cb, ir);
    return ir;
  }

  // ---- bfloat16 add ----

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] bf16_batch() {
    bf16.apply(bf16X, bf16Y, rd, N);
    return rd;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] bf16_call() {
    for (int i = 0; i < N; i++) {
      rd[i] = bf16.apply(bf16X[i], bf16Y[i]);
    }
    return rd;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] bf16_batchF() {
    bf16.apply(bf16Xf, bf16Yf, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] bf16_callF() {
    for (int i = 0; i < N; i++) {
      rs[i] = bf16.apply(bf16Xf[i], bf16Yf[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] bf16_hand() {
    handBf16(bf16Xf, bf16Yf, rs);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] bf16_handFast() {
    handFastBf16(bf16Xf, bf16Yf, rs);
    return rs;
  }

  // ---- float16 add ----

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] f16_batch() {
    f16.apply(f16X, f16Y, rd, N);
    return rd;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] f16_call() {
    for (int i = 0; i < N; i++) {
      rd[i] = f16.apply(f16X[i], f16Y[i]);
    }
    return rd;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] f16_batchF() {
    f16.apply(f16Xf, f16Yf, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] f16_callF() {
    for (int i = 0; i < N; i++) {
      rs[i] = f16.apply(f16Xf[i], f16Yf[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] f16_hand() {
    handF16(f16Xf, f16Yf, rs);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] f16_handFast() {
    handFastF16(f16Xf, f16Yf, rs);
    return rs;
  }

  // ---- e4m3fn add ----

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] e4m3_batch() {
    e4m3.apply(e4m3X, e4m3Y, rd, N);
    return rd;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] e4m3_call() {
    for (int i = 0; i < N; i++) {
      rd[i] = e4m3.apply(e4m3X[i], e4m3Y[i]);
    }
    return rd;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] e4m3_batchF() {
    e4m3.apply(e4m3Xf, e4m3Yf, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] e4m3_callF() {
    for (int i = 0; i < N; i++) {
      rs[i] = e4m3.apply(e4m3Xf[i], e4m3Yf[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] e4m3_hand() {
    handE4m3(e4m3Xf, e4m3Yf, rs);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] e4m3_handFast() {
    handFastE4m3(e4m3Xf, e4m3Yf, rs);
    return rs;
  }

  // ---- e5m2 add ----

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] e5m2_batch() {
    e5m2.apply(e5m2X, e5m2Y, rd, N);
    return rd;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public double[] e5m2_call() {
    for (int i = 0; i < N; i++) {
      rd[i] = e5m2.apply(e5m2X[i], e5m2Y[i]);
    }
    return rd;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] e5m2_batchF() {
    e5m2.apply(e5m2Xf, e5m2Yf, rs, N);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] e5m2_callF() {
    for (int i = 0; i < N; i++) {
      rs[i] = e5m2.apply(e5m2Xf[i], e5m2Yf[i]);
    }
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] e5m2_hand() {
    handE5m2(e5m2Xf, e5m2Yf, rs);
    return rs;
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] e5m2_handFast() {
    handFastE5m2(e5m2Xf, e5m2Yf, rs);
    return rs;
  }
}
