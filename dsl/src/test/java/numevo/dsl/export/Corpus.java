package numevo.dsl.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.ProgramArbitraries;
import numevo.dsl.random.RandomLiterals;
import numevo.dsl.random.RandomProgramConfig;

/**
 * The programs and inputs the export tests run: random programs of every format and op (drawn as
 * the jqwik arbitraries draw them), one-instruction programs of every op, and input tuples that mix
 * the hard values (NaN, ±0, ±Inf, subnormals, the largest finite value, floats off the format, i32
 * and int extremes) with random ones. Values are the interpreter's boxes: Double, Integer,
 * BigInteger.
 */
final class Corpus {
  private Corpus() {}

  /** The same program under another name (exported names must differ within one test run). */
  static Program renamed(Program p, String name) {
    return Program.of(name, p.format(), p.inputs(), p.body(), p.outputs());
  }

  /** {@code count} random programs of a format, named {@code prefix0, prefix1...}. */
  static List<Program> random(NumberFormat f, int count, SplittableRandom rnd, String prefix) {
    List<Program> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(renamed(ProgramArbitraries.next(f, rnd), prefix + i));
    }
    return out;
  }

  /** {@code r = op x0 x1...} for every op valid in the format, named {@code prefix<op>}. */
  static List<Program> singleOps(NumberFormat f, String prefix) {
    List<Program> out = new ArrayList<>();
    for (Op op : RandomProgramConfig.validOps(f)) {
      List<Input> inputs = new ArrayList<>();
      List<Operand> args = new ArrayList<>();
      for (int i = 0; i < op.arity(); i++) {
        inputs.add(Input.of("x" + i, op.params().get(i)));
        args.add(Ref.of(i));
      }
      out.add(
          Program.of(
              prefix + op.name().toLowerCase(java.util.Locale.ROOT),
              f,
              inputs,
              List.of(new Instr("r", op, args)),
              List.of(Ref.of(op.arity()))));
    }
    return out;
  }

  /** i32 values worth trying: extremes, shift counts around 32, float32 bit patterns. */
  static final List<Integer> I32_EDGES =
      List.of(
          0,
          1,
          -1,
          2,
          31,
          32,
          33,
          -33,
          Integer.MIN_VALUE,
          Integer.MAX_VALUE,
          0x7f80_0000,
          0x7fc0_0001,
          0xff80_0000,
          0x3f80_0000,
          0x0000_0001,
          0x80,
          0xff,
          0x7c00,
          0x7e,
          0x7f);

  /** int values worth trying: 0, ±1, divisors, near ±2^63 and ±2^64, far beyond 64 bits. */
  static final List<BigInteger> INT_EDGES =
      List.of(
          BigInteger.ZERO,
          BigInteger.ONE,
          BigInteger.ONE.negate(),
          BigInteger.valueOf(3),
          BigInteger.valueOf(-6),
          BigInteger.valueOf(Long.MAX_VALUE),
          BigInteger.valueOf(Long.MIN_VALUE),
          BigInteger.ONE.shiftLeft(64),
          BigInteger.ONE.shiftLeft(64).negate().add(BigInteger.ONE),
          BigInteger.ONE.shiftLeft(200).multiply(BigInteger.valueOf(3)));

  /**
   * Hard values of the kernel's f type: the format's edges, ±1.5 and, in the narrow formats, floats
   * that are not values of the format (they must be rounded on the way in, as the interpreter
   * does): an overflow, a midpoint, a float32 subnormal.
   */
  static List<Double> floatEdges(NumberFormat f) {
    List<Double> edges = new ArrayList<>(RandomLiterals.floatEdges(f));
    // 1.5 * (1 + ulp) is a midpoint of the format: with a tiny addend, an fma that rounds twice
    // (binary64, then the format) lands on it and rounds to even, the wrong way for one sign.
    edges.add(1.5);
    edges.add(-1.5);
    if (f != NumberFormat.FLOAT64 && f != NumberFormat.FLOAT32) {
      edges.add(f.maxFinite() * 1.5);
      edges.add(1.0 + Math.scalb(1.0, -f.mantissaBits() - 1)); // a tie, to even: 1.0
      edges.add((double) Float.MIN_VALUE);
    }
    return edges;
  }

  /** Every combination of hard values for the inputs of a (small) program. */
  static List<Object[]> edgeTuples(Program p) {
    List<Object[]> tuples = new ArrayList<>();
    tuples.add(new Object[p.inputs().size()]);
    for (int i = 0; i < p.inputs().size(); i++) {
      List<?> values =
          switch (p.inputs().get(i).type()) {
            case F -> floatEdges(p.format());
            case I32 -> I32_EDGES;
            case INT -> INT_EDGES;
          };
      List<Object[]> next = new ArrayList<>();
      for (Object[] t : tuples) {
        for (Object v : values) {
          Object[] u = t.clone();
          u[i] = v;
          next.add(u);
        }
      }
      tuples = next;
    }
    return tuples;
  }

  /** {@code n} random tuples: a third hard values, the rest random values of each type. */
  static List<Object[]> randomTuples(Program p, int n, SplittableRandom rnd) {
    NumberFormat f = p.format();
    List<Double> edges = floatEdges(f);
    boolean narrow = f != NumberFormat.FLOAT64 && f != NumberFormat.FLOAT32;
    List<Object[]> tuples = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      Object[] t = new Object[p.inputs().size()];
      for (int i = 0; i < t.length; i++) {
        Type type = p.inputs().get(i).type();
        boolean hard = rnd.nextInt(3) == 0;
        t[i] =
            switch (type) {
              case F ->
                  hard
                      ? edges.get(rnd.nextInt(edges.size()))
                      : narrow && rnd.nextInt(4) == 0
                          ? (double) Float.intBitsToFloat(rnd.nextInt())
                          : RandomLiterals.floatValue(f, rnd);
              case I32 ->
                  hard
                      ? I32_EDGES.get(rnd.nextInt(I32_EDGES.size()))
                      : RandomLiterals.i32Value(rnd);
              case INT ->
                  hard
                      ? INT_EDGES.get(rnd.nextInt(INT_EDGES.size()))
                      : RandomLiterals.intValue(rnd);
            };
      }
      tuples.add(t);
    }
    return tuples;
  }

  /** Whether two values of a type are the same: bit for bit, every NaN one value. */
  static boolean same(Type type, Object expected, Object actual) {
    return switch (type) {
      case F -> {
        double e = (Double) expected;
        double a = ((Number) actual).doubleValue();
        yield Double.isNaN(e)
            ? Double.isNaN(a)
            : Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a);
      }
      case I32, INT -> expected.equals(actual);
    };
  }
}
