package numevo.runs.bench;

import io.jenetics.prog.op.MathExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import numevo.dsl.compile.Float32Unary;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the evaluators in node evaluations per second (instructions x points / s): a
 * 20-instruction float32 program (degree-10 Horner, 10 mul + 10 add, every value used once so it is
 * also a 20-node expression tree) over 1,024 points, one thread. Every benchmark returns or
 * consumes all outputs. Scores are node evaluations per second (ops/s with {@code
 * OperationsPerInvocation = 20 x 1024}). {@code compiledKernel} is the same program compiled to
 * bytecode by {@link KernelCompiler} (issue 3's compiled vs columnar vs interpreter figure).
 *
 * <p>Run: {@code ./numevo jmh EvaluatorBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2)
@Threads(1)
public class EvaluatorBenchmark {
  static final int POINTS = 1024;
  static final int DEGREE = 10;
  static final int NODES = 2 * DEGREE;

  /** Coefficients c[0..10] (about 2^x's Taylor terms, in float32), highest degree first. */
  static final float[] C = coefficients();

  float[] xs;
  float[] ys;
  float[][] columns;
  ColumnarEvaluator columnar;
  Batch in;
  Batch out;
  Interpreter interpreter;
  Float32Unary compiled;
  float[] compiledOut;
  MathExpr expr;
  double[] xd;

  private static float[] coefficients() {
    float[] c = new float[DEGREE + 1];
    double ln2 = Math.log(2);
    double term = 1;
    for (int k = 0; k <= DEGREE; k++) {
      c[DEGREE - k] = (float) term;
      term = term * ln2 / (k + 1);
    }
    return c;
  }

  /** The benchmark program: t = c10; t = t*x + c(k) for k = 9..0, as 20 SSA instructions. */
  static Program program() {
    List<Instr> body = new ArrayList<>();
    // v1 = x * c10, v2 = v1 + c9, v3 = v2 * x, v4 = v3 + c8, ...
    int last = -1;
    for (int k = DEGREE - 1; k >= 0; k--) {
      Operand a = last < 0 ? FloatLit.of(C[0]) : Ref.of(last);
      body.add(Instr.of("m" + k, Op.FMUL, a, Ref.of(0)));
      body.add(Instr.of("a" + k, Op.FADD, Ref.of(body.size()), FloatLit.of(C[DEGREE - k])));
      last = body.size();
    }
    return Program.of(
        "horner10",
        NumberFormat.FLOAT32,
        List.of(Input.of("x", Type.F)),
        body,
        List.of(Ref.of(last)));
  }

  /** The same polynomial as a Jenetics expression string. */
  static String expression() {
    String e = Float.toString(C[0]);
    for (int k = DEGREE - 1; k >= 0; k--) {
      e = "(" + e + ")*x + " + C[DEGREE - k];
    }
    return e;
  }

  @Setup
  public void setup() {
    SplittableRandom rnd = new SplittableRandom(42);
    xs = new float[POINTS];
    xd = new double[POINTS];
    ys = new float[POINTS];
    for (int i = 0; i < POINTS; i++) {
      xs[i] = (float) rnd.nextDouble(0, 1);
      xd[i] = xs[i];
    }
    columns = new float[NODES][POINTS];
    Program p = program();
    columnar = ColumnarEvaluator.of(p, POINTS);
    in = columnar.newInputBatch();
    out = columnar.newOutputBatch();
    System.arraycopy(xd, 0, in.f(0), 0, POINTS);
    interpreter = Interpreter.of(p);
    compiled = KernelCompiler.compile(p, Float32Unary.class);
    compiledOut = new float[POINTS];
    compiled.apply(xs, compiledOut, POINTS);
    expr = MathExpr.parse(expression());
    // All engines compute the same function; check before timing.
    handWritten();
    columnar.evaluate(in, out, POINTS);
    for (int i = 0; i < POINTS; i++) {
      float viaInterp = (float) (double) (Double) interpreter.eval((double) xs[i])[0];
      if (Float.floatToIntBits(viaInterp) != Float.floatToIntBits(ys[i])
          || Float.floatToIntBits((float) out.f(0)[i]) != Float.floatToIntBits(ys[i])
          || Float.floatToIntBits(compiledOut[i]) != Float.floatToIntBits(ys[i])) {
        throw new IllegalStateException("engines disagree at point " + i);
      }
      if (Math.abs(expr.eval(xd[i]) - ys[i]) > 1e-5) {
        throw new IllegalStateException("Jenetics expression disagrees at point " + i);
      }
    }
  }

  /** The ceiling: the same program column by column, written by hand. */
  private void handWritten() {
    float[][] t = columns;
    float[] x = xs;
    float c0 = C[0];
    float[] prev = null;
    for (int k = DEGREE - 1, j = 0; k >= 0; k--, j += 2) {
      float[] m = t[j];
      float[] a = t[j + 1];
      float c = C[DEGREE - k];
      if (prev == null) {
        for (int i = 0; i < POINTS; i++) {
          m[i] = c0 * x[i];
        }
      } else {
        for (int i = 0; i < POINTS; i++) {
          m[i] = prev[i] * x[i];
        }
      }
      for (int i = 0; i < POINTS; i++) {
        a[i] = m[i] + c;
      }
      prev = a;
    }
    System.arraycopy(prev, 0, ys, 0, POINTS);
  }

  @Benchmark
  @OperationsPerInvocation(NODES * POINTS)
  public float[] handWrittenColumns() {
    handWritten();
    return ys;
  }

  @Benchmark
  @OperationsPerInvocation(NODES * POINTS)
  public double[] columnarEvaluator() {
    columnar.evaluate(in, out, POINTS);
    return out.f(0);
  }

  @Benchmark
  @OperationsPerInvocation(NODES * POINTS)
  public float[] compiledKernel() {
    compiled.apply(xs, compiledOut, POINTS);
    return compiledOut;
  }

  @Benchmark
  @OperationsPerInvocation(NODES * POINTS)
  public void scalarInterpreter(Blackhole bh) {
    for (int i = 0; i < POINTS; i++) {
      bh.consume(interpreter.eval(xd[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(NODES * POINTS)
  public void jeneticsMathExpr(Blackhole bh) {
    for (int i = 0; i < POINTS; i++) {
      bh.consume(expr.eval(xd[i]));
    }
  }
}
