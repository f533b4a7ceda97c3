package numevo.dsl.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * Seeded random well-typed programs and values for the compiler's tests, biased towards the values
 * where engines disagree when they are wrong: NaN, signed zeros, infinities, subnormals, the
 * largest finite values, ties, i32 and 64-bit extremes.
 */
final class RandomPrograms {
  private RandomPrograms() {}

  /** The ops a program of {@code format} may use. */
  static List<Op> opsFor(NumberFormat format) {
    List<Op> ops = new ArrayList<>();
    for (Op op : Op.values()) {
      if (op.float64Only() && format != NumberFormat.FLOAT64) {
        continue;
      }
      if (op.needsI32Codes() && !format.hasI32Codes()) {
        continue;
      }
      ops.add(op);
    }
    return ops;
  }

  /**
   * A random program with random inputs (0 to 4) and outputs (1 to 3).
   *
   * @param size number of instructions
   */
  static Program program(Random rnd, NumberFormat format, int size) {
    int k = rnd.nextInt(5);
    List<Type> in = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      in.add(randomType(rnd));
    }
    int outs = 1 + rnd.nextInt(3);
    List<Type> out = new ArrayList<>();
    for (int o = 0; o < outs; o++) {
      out.add(randomType(rnd));
    }
    return program(rnd, format, in, size, out);
  }

  private static Type randomType(Random rnd) {
    int r = rnd.nextInt(10);
    return r < 6 ? Type.F : r < 8 ? Type.I32 : Type.INT;
  }

  /**
   * A random program with the given input and output types. Each output is a random value of its
   * type (the last one of that type more often than not); an instruction is appended where the body
   * defines none.
   */
  static Program program(
      Random rnd, NumberFormat format, List<Type> inputTypes, int size, List<Type> outputTypes) {
    List<Op> ops = opsFor(format);
    List<Input> inputs = new ArrayList<>();
    List<Type> types = new ArrayList<>();
    for (int i = 0; i < inputTypes.size(); i++) {
      inputs.add(Input.of("x" + i, inputTypes.get(i)));
      types.add(inputTypes.get(i));
    }
    List<Instr> body = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Op op = ops.get(rnd.nextInt(ops.size()));
      body.add(instr(rnd, format, op, "v" + body.size(), types));
      types.add(op.result());
    }
    List<Ref> outputs = new ArrayList<>();
    for (Type t : outputTypes) {
      List<Integer> candidates = valuesOf(types, t);
      if (candidates.isEmpty() || (rnd.nextInt(8) == 0 && !types.isEmpty())) {
        List<Op> producers = ops.stream().filter(o -> o.result() == t).toList();
        Op op = producers.get(rnd.nextInt(producers.size()));
        body.add(instr(rnd, format, op, "v" + body.size(), types));
        types.add(t);
        candidates = valuesOf(types, t);
      }
      int last = candidates.get(candidates.size() - 1);
      outputs.add(
          Ref.of(rnd.nextBoolean() ? last : candidates.get(rnd.nextInt(candidates.size()))));
    }
    return Program.of("k", format, inputs, body, outputs);
  }

  private static List<Integer> valuesOf(List<Type> types, Type t) {
    List<Integer> r = new ArrayList<>();
    for (int v = 0; v < types.size(); v++) {
      if (types.get(v) == t) {
        r.add(v);
      }
    }
    return r;
  }

  private static Instr instr(
      Random rnd, NumberFormat format, Op op, String name, List<Type> types) {
    List<Operand> args = new ArrayList<>();
    for (int a = 0; a < op.arity(); a++) {
      Type t = op.params().get(a);
      List<Integer> candidates = valuesOf(types, t);
      boolean literal = candidates.isEmpty() || rnd.nextInt(4) == 0;
      if (op == Op.ZDIV && a == 1 && rnd.nextInt(3) > 0) {
        // Mostly small divisors, so that exact divisions are common.
        args.add(IntLit.of(new long[] {1, -1, 2, 3, -4, 0}[rnd.nextInt(6)]));
        continue;
      }
      if (literal) {
        args.add(literal(rnd, format, t));
      } else {
        // Recent values more often: deeper dependency chains.
        int pick =
            rnd.nextBoolean()
                ? candidates.get(rnd.nextInt(candidates.size()))
                : candidates.get(Math.max(0, candidates.size() - 1 - rnd.nextInt(3)));
        args.add(Ref.of(pick));
      }
    }
    return new Instr(name, op, args);
  }

  static Operand literal(Random rnd, NumberFormat format, Type t) {
    return switch (t) {
      case F -> FloatLit.of(format.round(f(rnd, format)));
      case I32 -> I32Lit.of(i32(rnd, format));
      case INT -> IntLit.of(integer(rnd, true));
    };
  }

  /** A random input value, boxed as the interpreter takes it; {@code f} not always in format. */
  static Object input(Random rnd, NumberFormat format, Type t) {
    return switch (t) {
      case F -> f(rnd, format);
      case I32 -> i32(rnd, format);
      case INT -> integer(rnd, false);
    };
  }

  /** The special values of a format, with their neighbours and float32's own. */
  static List<Double> specials(NumberFormat format) {
    List<Double> s = new ArrayList<>();
    double[] base = {
      0.0,
      1.0,
      0.5,
      1.5,
      2.5,
      3.0,
      format.maxFinite(),
      format.minNormal(),
      format.minSubnormal(),
      format.minSubnormal() / 2,
      format.minSubnormal() * 1.5,
      format.maxFinite() * (1 + Math.scalb(1.0, -format.mantissaBits() - 1)),
      Double.POSITIVE_INFINITY,
      Float.MIN_VALUE,
      Float.MIN_NORMAL,
      Float.MAX_VALUE,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      1e10,
      0x1p31,
    };
    for (double d : base) {
      s.add(d);
      s.add(-d);
      if (d != 0 && Double.isFinite(d)) {
        s.add(Math.nextUp(d));
        s.add(Math.nextDown(d));
      }
    }
    s.add(Double.NaN);
    s.add(Double.longBitsToDouble(0xfff0_0000_0000_0001L)); // a negative signalling NaN
    return s;
  }

  static double f(Random rnd, NumberFormat format) {
    return switch (rnd.nextInt(6)) {
      case 0, 1 -> {
        List<Double> s = specials(format);
        yield s.get(rnd.nextInt(s.size()));
      }
      case 2 ->
          switch (format) {
            case FLOAT64 -> Double.longBitsToDouble(rnd.nextLong());
            case FLOAT32 -> Float.intBitsToFloat(rnd.nextInt());
            default -> format.decode(rnd.nextInt(1 << format.bits()));
          };
      case 3 -> (rnd.nextInt(41) - 20) / 4.0; // small values, halves and ties for rint
      default ->
          (rnd.nextDouble() * 2 - 1)
              * Math.scalb(1.0, rnd.nextInt(2 * format.bias() + 2) - format.bias());
    };
  }

  static int i32(Random rnd, NumberFormat format) {
    return switch (rnd.nextInt(6)) {
      case 0 ->
          new int[] {0, 1, -1, 2, 31, 32, 33, -32, Integer.MIN_VALUE, Integer.MAX_VALUE}
              [rnd.nextInt(10)];
      case 1 -> rnd.nextInt();
      case 2 -> format.hasI32Codes() ? (int) format.encode(f(rnd, format)) : rnd.nextInt(100);
      case 3 -> format.hasI32Codes() ? rnd.nextInt() & (int) format.codeMask() : rnd.nextInt();
      default -> rnd.nextInt(65) - 32;
    };
  }

  /** A random int: mostly small or 64-bit extremes, rarely beyond 64 bits. */
  static BigInteger integer(Random rnd, boolean literal) {
    if (rnd.nextInt(literal ? 25 : 10) == 0) {
      BigInteger big = BigInteger.ONE.shiftLeft(63 + rnd.nextInt(60));
      return (rnd.nextBoolean() ? big : big.negate()).add(BigInteger.valueOf(rnd.nextInt()));
    }
    return switch (rnd.nextInt(5)) {
      case 0 ->
          BigInteger.valueOf(
              new long[] {0, 1, -1, 2, -2, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 62, -(1L << 62)}
                  [rnd.nextInt(9)]);
      case 1 -> BigInteger.valueOf(rnd.nextLong());
      case 2 -> BigInteger.valueOf(rnd.nextInt());
      default -> BigInteger.valueOf(rnd.nextInt(201) - 100);
    };
  }
}
