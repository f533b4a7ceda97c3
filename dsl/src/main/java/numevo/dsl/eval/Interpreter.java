package numevo.dsl.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * The reference scalar interpreter: the semantics of the DSL, written to be obviously right, not
 * fast. Other engines are tested against it bit for bit.
 *
 * <p>Values are boxed: {@code f} as {@link Double} (a value of the kernel's format), {@code i32} as
 * {@link Integer}, {@code int} as {@link BigInteger}.
 *
 * <p>Float ops compute the exact result and round it once to the format. In float32 and float64
 * that is Java's own arithmetic. In the narrower formats add, sub, mul and fma are computed exactly
 * with {@link BigDecimal} and rounded with {@link NumberFormat#roundExact}; div and sqrt are
 * computed in binary64 and rounded once more, which is exact rounding because binary64 has more
 * than twice the precision plus two bits of every narrow format.
 */
public final class Interpreter {
  private final Program program;
  private final NumberFormat format;

  private Interpreter(Program program) {
    this.program = program;
    this.format = program.format();
  }

  /** An interpreter for {@code program} (never null). */
  public static Interpreter of(Program program) {
    return new Interpreter(program);
  }

  /** The program interpreted. */
  public Program program() {
    return program;
  }

  /**
   * Evaluates the program on one input tuple.
   *
   * @param inputs one value per input, boxed as described in the class comment; an {@code f} value
   *     is first rounded to the format
   * @return one value per output
   * @throws EvaluationException if the evaluation is invalid (inexact int division, int too large)
   * @throws IllegalArgumentException if the inputs do not match the program's inputs
   */
  public Object[] eval(Object... inputs) {
    int k = program.inputs().size();
    if (inputs.length != k) {
      throw new IllegalArgumentException("expected " + k + " inputs, got " + inputs.length);
    }
    Object[] values = new Object[program.valueCount()];
    for (int i = 0; i < k; i++) {
      values[i] = coerce(program.inputs().get(i).type(), inputs[i]);
    }
    List<Instr> body = program.body();
    for (int i = 0; i < body.size(); i++) {
      Instr ins = body.get(i);
      Object[] a = new Object[ins.args().size()];
      for (int j = 0; j < a.length; j++) {
        a[j] = operand(values, ins.args().get(j));
      }
      values[k + i] = apply(ins, a);
    }
    Object[] out = new Object[program.outputs().size()];
    for (int o = 0; o < out.length; o++) {
      out[o] = values[program.outputs().get(o).index()];
    }
    return out;
  }

  private Object coerce(Type type, Object v) {
    return switch (type) {
      case F -> format.round(((Number) v).doubleValue());
      case I32 -> ((Number) v).intValue();
      case INT ->
          checkBits(v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue()));
    };
  }

  private static Object operand(Object[] values, Operand o) {
    return switch (o) {
      case Ref r -> values[r.index()];
      case FloatLit l -> l.value();
      case I32Lit l -> l.value();
      case IntLit l -> l.value();
    };
  }

  private Object apply(Instr ins, Object[] a) {
    return switch (ins.op()) {
      case FADD -> exact2(d(a[0]), d(a[1]), Kind.ADD);
      case FSUB -> exact2(d(a[0]), d(a[1]), Kind.SUB);
      case FMUL -> exact2(d(a[0]), d(a[1]), Kind.MUL);
      case FDIV -> viaDouble(d(a[0]) / d(a[1]), (float) d(a[0]) / (float) d(a[1]));
      case FFMA -> fma(d(a[0]), d(a[1]), d(a[2]));
      case FNEG -> format.round(-d(a[0]));
      case FABS -> format.round(Math.abs(d(a[0])));
      case FMIN -> format.round(Math.min(d(a[0]), d(a[1])));
      case FMAX -> format.round(Math.max(d(a[0]), d(a[1])));
      case FSQRT -> format.round(Math.sqrt(d(a[0])));
      case FRINT -> format.round(Math.rint(d(a[0])));
      case FFLOOR -> format.round(Math.floor(d(a[0])));
      case FLT -> d(a[0]) < d(a[1]) ? 1 : 0;
      case FLE -> d(a[0]) <= d(a[1]) ? 1 : 0;
      case FEQ -> d(a[0]) == d(a[1]) ? 1 : 0;
      case FSELECT, ISELECT, ZSELECT -> i(a[0]) != 0 ? a[1] : a[2];
      case FEXP -> StrictMath.exp(d(a[0]));
      case FLOG -> StrictMath.log(d(a[0]));
      case FSIN -> StrictMath.sin(d(a[0]));
      case FCOS -> StrictMath.cos(d(a[0]));
      case FTANH -> StrictMath.tanh(d(a[0]));
      case FPOW -> StrictMath.pow(d(a[0]), d(a[1]));
      case IADD -> i(a[0]) + i(a[1]);
      case ISUB -> i(a[0]) - i(a[1]);
      case IMUL -> i(a[0]) * i(a[1]);
      case INEG -> -i(a[0]);
      case ISHL -> i(a[0]) << i(a[1]);
      case ISHR -> i(a[0]) >> i(a[1]);
      case IUSHR -> i(a[0]) >>> i(a[1]);
      case IAND -> i(a[0]) & i(a[1]);
      case IOR -> i(a[0]) | i(a[1]);
      case IXOR -> i(a[0]) ^ i(a[1]);
      case ILT -> i(a[0]) < i(a[1]) ? 1 : 0;
      case ILE -> i(a[0]) <= i(a[1]) ? 1 : 0;
      case IEQ -> i(a[0]) == i(a[1]) ? 1 : 0;
      case TOI -> (int) Math.rint(d(a[0]));
      case TRUNC -> (int) d(a[0]);
      case ITOF -> format.roundExact(BigDecimal.valueOf(i(a[0])));
      case BITS -> (int) format.bitsOf(d(a[0]));
      case FROMBITS -> format.decode(i(a[0]) & format.codeMask());
      case ZADD -> checkBits(z(a[0]).add(z(a[1])));
      case ZSUB -> checkBits(z(a[0]).subtract(z(a[1])));
      case ZMUL -> checkBits(z(a[0]).multiply(z(a[1])));
      case ZNEG -> z(a[0]).negate();
      case ZDIV -> exactDiv(z(a[0]), z(a[1]));
      case ZLT -> z(a[0]).compareTo(z(a[1])) < 0 ? 1 : 0;
      case ZLE -> z(a[0]).compareTo(z(a[1])) <= 0 ? 1 : 0;
      case ZEQ -> z(a[0]).equals(z(a[1])) ? 1 : 0;
      case TOINT -> BigInteger.valueOf(i(a[0]));
    };
  }

  private enum Kind {
    ADD,
    SUB,
    MUL
  }

  private double exact2(double x, double y, Kind kind) {
    switch (format) {
      case FLOAT64:
        return switch (kind) {
          case ADD -> x + y;
          case SUB -> x - y;
          case MUL -> x * y;
        };
      case FLOAT32:
        float fx = (float) x;
        float fy = (float) y;
        return switch (kind) {
          case ADD -> fx + fy;
          case SUB -> fx - fy;
          case MUL -> fx * fy;
        };
      default:
        break;
    }
    double viaDouble =
        switch (kind) {
          case ADD -> x + y;
          case SUB -> x - y;
          case MUL -> x * y;
        };
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return format.round(viaDouble); // Inf and NaN arithmetic is exact in binary64
    }
    BigDecimal bx = new BigDecimal(x);
    BigDecimal by = new BigDecimal(y);
    BigDecimal exact =
        switch (kind) {
          case ADD -> bx.add(by);
          case SUB -> bx.subtract(by);
          case MUL -> bx.multiply(by);
        };
    if (exact.signum() == 0) {
      return format.round(viaDouble); // the sign of an exact zero follows IEEE rules
    }
    return format.roundExact(exact);
  }

  private double fma(double x, double y, double z) {
    switch (format) {
      case FLOAT64:
        return Math.fma(x, y, z);
      case FLOAT32:
        return Math.fma((float) x, (float) y, (float) z);
      default:
        break;
    }
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      return format.round(Math.fma(x, y, z));
    }
    BigDecimal exact = new BigDecimal(x).multiply(new BigDecimal(y)).add(new BigDecimal(z));
    if (exact.signum() == 0) {
      return format.round(Math.fma(x, y, z));
    }
    return format.roundExact(exact);
  }

  private double viaDouble(double d, float f) {
    return format == NumberFormat.FLOAT32 ? f : format.round(d);
  }

  private static BigInteger exactDiv(BigInteger x, BigInteger y) {
    if (y.signum() == 0) {
      throw new EvaluationException("int division by zero");
    }
    BigInteger[] qr = x.divideAndRemainder(y);
    if (qr[1].signum() != 0) {
      throw new EvaluationException("inexact int division");
    }
    return qr[0];
  }

  private static BigInteger checkBits(BigInteger v) {
    if (v.bitLength() > IntLimits.MAX_BITS) {
      throw new EvaluationException("int value beyond " + IntLimits.MAX_BITS + " bits");
    }
    return v;
  }

  private static double d(Object o) {
    return (Double) o;
  }

  private static int i(Object o) {
    return (Integer) o;
  }

  private static BigInteger z(Object o) {
    return (BigInteger) o;
  }
}
