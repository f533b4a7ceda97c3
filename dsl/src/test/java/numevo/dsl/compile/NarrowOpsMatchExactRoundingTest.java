package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compiled narrow-format arithmetic (add, sub and mul in float32 rounded again; div, sqrt, fma
 * and the inputs through rounding to odd) agrees with the interpreter's exact arithmetic: on every
 * pair of values of each FP8 format (and every pair with eight addends for fma), and for float16
 * and bfloat16 on random pairs of codes (every exponent alike) and on every pair of edge values
 * (signed zeros, smallest subnormals, subnormal/normal boundary, largest finite values, infinities,
 * NaN, values whose sum or product lands on a midpoint or next to one). Results are compared by
 * {@link Agreement#same}: the same code, and the same double where not NaN.
 */
class NarrowOpsMatchExactRoundingTest {
  private static final String[] BINARY = {"add", "sub", "mul", "div"};

  @ParameterizedTest
  @EnumSource(
      value = NumberFormat.class,
      names = {"E4M3FN", "E5M2", "E4M3FNUZ", "E5M2FNUZ"})
  void everyPairOfFp8Values(NumberFormat f) {
    List<double[]> pairs = new ArrayList<>();
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        pairs.add(new double[] {f.decode(a), f.decode(b)});
      }
    }
    for (String op : BINARY) {
      check(f, "r = " + op + " x y", 2, pairs);
    }
    check(f, "r = sqrt x", 1, pairs);
    List<double[]> triples = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(f.ordinal());
    double[] addends = new double[8];
    for (int k = 0; k < addends.length; k++) {
      addends[k] = f.decode(rnd.nextInt(256));
    }
    addends[0] = f.minSubnormal();
    addends[1] = -f.maxFinite();
    for (double[] p : pairs) {
      for (double c : addends) {
        triples.add(new double[] {p[0], p[1], c});
      }
    }
    check(f, "r = fma x y z", 3, triples);
  }

  @ParameterizedTest
  @EnumSource(
      value = NumberFormat.class,
      names = {"FLOAT16", "BFLOAT16"})
  void randomAndEdgePairsOfSixteenBitValues(NumberFormat f) {
    List<double[]> pairs = new ArrayList<>();
    SplittableRandom rnd = new SplittableRandom(16 + f.ordinal());
    for (int i = 0; i < 30_000; i++) {
      pairs.add(new double[] {f.decode(rnd.nextInt(1 << 16)), f.decode(rnd.nextInt(1 << 16))});
    }
    // Pairs close in magnitude: sums and products with carries, cancellations and ties.
    for (int i = 0; i < 30_000; i++) {
      int a = rnd.nextInt(1 << 16);
      int b = (a + rnd.nextInt(-64, 65)) & 0xffff ^ (rnd.nextBoolean() ? 0x8000 : 0);
      pairs.add(new double[] {f.decode(a), f.decode(b)});
    }
    List<Double> edges = edges(f);
    for (double a : edges) {
      for (double b : edges) {
        pairs.add(new double[] {a, b});
      }
    }
    for (String op : BINARY) {
      check(f, "r = " + op + " x y", 2, pairs);
    }
    check(f, "r = sqrt x", 1, pairs);
    List<double[]> triples = new ArrayList<>();
    for (double[] p : pairs) {
      triples.add(new double[] {p[0], p[1], f.decode(rnd.nextInt(1 << 16))});
      triples.add(new double[] {p[0], p[1], p[0]});
    }
    check(f, "r = fma x y z", 3, triples);
  }

  /** Inputs that are not values of the format: rounded first, once, through rounding to odd. */
  @ParameterizedTest
  @EnumSource(
      value = NumberFormat.class,
      names = {"FLOAT16", "BFLOAT16", "E4M3FN", "E5M2", "E4M3FNUZ", "E5M2FNUZ"})
  void inputsBetweenValuesRoundOnce(NumberFormat f) {
    List<double[]> pairs = new ArrayList<>();
    for (double v : edges(f)) {
      for (double x :
          new double[] {
            v, Math.nextUp(v), Math.nextDown(v), v * (1 + 0x1p-30), v * 0x1.0000001p0
          }) {
        pairs.add(new double[] {x, 1.0});
        pairs.add(new double[] {x, -x});
      }
    }
    int codes = 1 << f.bits();
    for (int c = 0; c + 1 < codes; c++) {
      double v = f.decode(c);
      double next = f.decode(c + 1L);
      if (Double.isFinite(v) && Double.isFinite(next) && v < next) {
        double mid = v + (next - v) / 2;
        pairs.add(new double[] {mid, Math.nextUp(mid)});
        pairs.add(new double[] {Math.nextDown(mid), -mid});
      }
    }
    check(f, "r = add x y", 2, pairs);
  }

  /** Edge values of a 16-bit format and their neighbours. */
  private static List<Double> edges(NumberFormat f) {
    List<Double> e = new ArrayList<>();
    double[] base = {
      0.0,
      f.minSubnormal(),
      2 * f.minSubnormal(),
      3 * f.minSubnormal(),
      f.minNormal() - f.minSubnormal(),
      f.minNormal(),
      f.minNormal() + f.minSubnormal(),
      1.0,
      1.0 + Math.scalb(1.0, -f.mantissaBits()),
      1.5,
      2.0 - Math.scalb(1.0, -f.mantissaBits()),
      3.0,
      f.maxFinite(),
      f.maxFinite() - Math.scalb(Math.ulp(f.maxFinite()), 52 - f.mantissaBits()),
      Math.scalb(1.0, f.minExponent() / 2),
      Math.scalb(1.5, f.minExponent() / 2),
      Double.POSITIVE_INFINITY,
      Double.NaN
    };
    for (double b : base) {
      double r = f.round(b);
      e.add(r);
      e.add(f.round(-r));
    }
    return e;
  }

  private static void check(NumberFormat f, String body, int arity, List<double[]> points) {
    StringBuilder text = new StringBuilder("kernel k " + f.formatName() + "\n");
    for (int a = 0; a < arity; a++) {
      text.append("input ").append("xyz".charAt(a)).append(" : f\n");
    }
    text.append(body).append("\noutput r\n");
    Program p = Parser.parse(text.toString(), "<narrow>");
    CompiledKernel k = KernelCompiler.compile(p);
    Interpreter interpreter = Interpreter.of(p);
    int n = points.size();
    Batch in = Batch.of(p.inputTypes(), n);
    Batch out = Batch.of(p.outputTypes(), n);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < arity; a++) {
        in.f(a)[i] = points.get(i)[a];
      }
    }
    k.evaluate(in, out, n);
    for (int i = 0; i < n; i++) {
      Object[] args = new Object[arity];
      for (int a = 0; a < arity; a++) {
        args[a] = points.get(i)[a];
      }
      Object expected = interpreter.eval(args)[0];
      Object actual = out.f(0)[i];
      if (!Agreement.same(f, Type.F, expected, actual)) {
        fail(
            f
                + " "
                + body
                + " at "
                + java.util.Arrays.toString(args)
                + ": interpreter "
                + Agreement.describe(f, Type.F, expected)
                + ", compiled "
                + Agreement.describe(f, Type.F, actual));
      }
    }
  }
}
