package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op of every format, compiled as a one-instruction kernel, agrees with the interpreter on
 * every combination of special operands: NaN, signed zeros, infinities, subnormals of the format
 * and of float32, the largest finite value and the first overflow, ties, i32 and 64-bit extremes.
 */
class EveryOpOnSpecialValuesTest {

  static Stream<Arguments> formatsAndOps() {
    List<Arguments> args = new ArrayList<>();
    for (NumberFormat f : NumberFormat.values()) {
      for (Op op : RandomPrograms.opsFor(f)) {
        args.add(Arguments.of(f, op));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("formatsAndOps")
  void opAgreesWithInterpreterOnSpecialValues(NumberFormat format, Op op) {
    List<Input> inputs = new ArrayList<>();
    List<Operand> args = new ArrayList<>();
    for (int a = 0; a < op.arity(); a++) {
      inputs.add(Input.of("x" + a, op.params().get(a)));
      args.add(Ref.of(a));
    }
    Program p =
        Program.of(
            "op", format, inputs, List.of(new Instr("r", op, args)), List.of(Ref.of(op.arity())));
    List<List<Object>> columns = new ArrayList<>();
    for (Type t : op.params()) {
      columns.add(specials(format, t, op.arity() == 3));
    }
    Agreement.checkBatch(KernelCompiler.compile(p), cartesian(columns));
  }

  /**
   * fma rounds once: in bfloat16, 1.0625 * 1.0625 = 1 + 2^-3 + 2^-8 is the midpoint between two
   * neighbours, and a tiny addend, lost in a binary64 sum, must still break the tie upwards.
   */
  @Test
  void fmaRoundsOnceInBfloat16() {
    Program p =
        Program.of(
            "fma",
            NumberFormat.BFLOAT16,
            List.of(Input.of("a", Type.F), Input.of("b", Type.F), Input.of("c", Type.F)),
            List.of(Instr.of("r", Op.FFMA, Ref.of(0), Ref.of(1), Ref.of(2))),
            List.of(Ref.of(3)));
    CompiledKernel k = KernelCompiler.compile(p);
    double tiny = 0x1p-100;
    assertEquals(1 + 0x1p-3 + 0x1p-7, (double) k.eval(1.0625, 1.0625, tiny)[0]);
    assertEquals(1 + 0x1p-3, (double) k.eval(1.0625, 1.0625, -tiny)[0]);
    assertEquals(
        (double) Interpreter.of(p).eval(1.0625, 1.0625, tiny)[0],
        (double) k.eval(1.0625, 1.0625, tiny)[0]);
  }

  /** fma products at midpoints of the format with tiny and huge addends, every format. */
  @ParameterizedTest
  @MethodSource("formats")
  void fmaAgreesWithInterpreterAtMidpoints(NumberFormat format) {
    Program p =
        Program.of(
            "fma",
            format,
            List.of(Input.of("a", Type.F), Input.of("b", Type.F), Input.of("c", Type.F)),
            List.of(Instr.of("r", Op.FFMA, Ref.of(0), Ref.of(1), Ref.of(2))),
            List.of(Ref.of(3)));
    List<Object> factors = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      double v = format.round(1 + i / 16.0);
      factors.add(v);
      factors.add(-v);
    }
    List<Object> addends = new ArrayList<>();
    for (double c :
        new double[] {
          0x1p-100,
          0x1p-60,
          0x1p-30,
          0x1p-20,
          format.minSubnormal(),
          format.minNormal(),
          format.maxFinite(),
          0.0,
          Double.MIN_VALUE
        }) {
      addends.add(format.round(c));
      addends.add(format.round(-c));
    }
    Agreement.checkBatch(KernelCompiler.compile(p), cartesian(List.of(factors, factors, addends)));
  }

  static Stream<NumberFormat> formats() {
    return Stream.of(NumberFormat.values());
  }

  static List<Object> specials(NumberFormat format, Type t, boolean fewer) {
    List<Object> s = new ArrayList<>();
    switch (t) {
      case F -> {
        List<Double> all = RandomPrograms.specials(format);
        for (int i = 0; i < all.size(); i += fewer ? 3 : 1) {
          s.add(all.get(i));
        }
        s.add(Double.NaN);
        s.add(-0.0);
        s.add(Double.NEGATIVE_INFINITY);
      }
      case I32 -> {
        int[] v = {
          0,
          1,
          -1,
          2,
          31,
          32,
          33,
          -32,
          Integer.MIN_VALUE,
          Integer.MAX_VALUE,
          0x7f,
          0x80,
          0xff,
          0x7c,
          0x7c00,
          0x7e00,
          0x8000,
          0x7f80,
          0x3f80_0000,
          0x7fc0_0000,
          0xff80_0000,
          0x0000_0001,
          0x8000_0001,
          0x7f7f_ffff
        };
        for (int i = 0; i < v.length; i += fewer ? 2 : 1) {
          s.add(v[i]);
        }
      }
      case INT -> {
        long[] v = {0, 1, -1, 2, -2, 3, 6, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 62, -(1L << 62)};
        for (long x : v) {
          s.add(BigInteger.valueOf(x));
        }
        s.add(BigInteger.ONE.shiftLeft(63));
        s.add(BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE));
        s.add(BigInteger.ONE.shiftLeft(100));
        s.add(BigInteger.ONE.shiftLeft(100).negate());
      }
    }
    return s;
  }

  static List<Object[]> cartesian(List<List<Object>> columns) {
    List<Object[]> points = new ArrayList<>();
    points.add(new Object[0]);
    for (List<Object> column : columns) {
      List<Object[]> next = new ArrayList<>();
      for (Object[] prefix : points) {
        for (Object v : column) {
          Object[] p = java.util.Arrays.copyOf(prefix, prefix.length + 1);
          p[prefix.length] = v;
          next.add(p);
        }
      }
      points = next;
    }
    return points;
  }
}
