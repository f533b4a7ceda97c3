package numevo.dsl.export;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.export.CHelpers.Helper;
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
import numevo.dsl.text.Printer;

/** One pass over a program writing the C function {@link CExporter} describes. */
final class CEmitter {
  private final Program program;
  private final NumberFormat format;
  private final FormatKind kind;
  private final String function;
  private final CHelpers helpers;
  private final boolean[] kept;
  private final Names locals = new Names(CNames::isReserved);
  private final String[] names;

  CEmitter(Program program, String function, CHelpers helpers) {
    this.program = program;
    this.format = program.format();
    this.kind = FormatKind.of(format);
    this.function = function;
    this.helpers = helpers;
    this.kept = Liveness.kept(program);
    List<String> dslNames = new ArrayList<>();
    for (int v = 0; v < program.valueCount(); v++) {
      dslNames.add(program.nameOf(v));
    }
    this.names = locals.assign(dslNames);
  }

  /**
   * Whether the function returns a status and writes its outputs through pointers: whether the
   * kernel has an {@code int} input, output or (kept) instruction operand or result.
   */
  static boolean returnsStatus(Program p) {
    if (p.inputTypes().contains(Type.INT) || p.outputTypes().contains(Type.INT)) {
      return true;
    }
    boolean[] kept = Liveness.kept(p);
    int k = p.inputs().size();
    for (int i = 0; i < p.body().size(); i++) {
      Op op = p.body().get(i).op();
      if (kept[k + i] && (op.result() == Type.INT || op.params().contains(Type.INT))) {
        return true;
      }
    }
    return false;
  }

  /** Whether evaluating the op in C can fail: int64_t arithmetic. */
  private static boolean givesStatus(Op op) {
    return op.checkedInt64();
  }

  /** The C type of a parameter or output of a type in a format. */
  static String portType(Type t, NumberFormat f) {
    return switch (t) {
      case F -> f == NumberFormat.FLOAT64 ? "double" : "float";
      case I32 -> "int32_t";
      case INT -> "int64_t";
    };
  }

  private String localType(Type t) {
    return switch (t) {
      case F -> kind == FormatKind.DOUBLE ? "double" : "float";
      case I32 -> "uint32_t"; // i32 arithmetic wraps: in uint32_t it is defined
      case INT -> "int64_t";
    };
  }

  /** The comment and the definition, ending in a newline. */
  String function() {
    boolean status = returnsStatus(program);
    boolean multi = program.outputs().size() > 1;
    boolean pointers = status || multi;
    String[] outPointers = new String[program.outputs().size()];
    if (pointers) {
      for (int o = 0; o < outPointers.length; o++) {
        outPointers[o] = locals.fresh("out_" + program.nameOf(program.outputs().get(o).index()));
      }
    }
    String body = body(status, pointers, outPointers);

    StringBuilder sb = new StringBuilder();
    comment(sb, status, pointers, outPointers);
    Type single = program.typeOf(program.outputs().get(0).index());
    sb.append(status ? "int" : multi ? "void" : portType(single, format))
        .append(' ')
        .append(function)
        .append('(');
    List<String> params = new ArrayList<>();
    for (int i = 0; i < program.inputs().size(); i++) {
      params.add(portType(program.inputs().get(i).type(), format) + " " + names[i]);
    }
    if (pointers) {
      for (int o = 0; o < outPointers.length; o++) {
        params.add(
            portType(program.typeOf(program.outputs().get(o).index()), format)
                + " *"
                + outPointers[o]);
      }
    }
    sb.append(params.isEmpty() ? "void" : String.join(", ", params)).append(") {\n");
    sb.append(body).append("}\n");
    return sb.toString();
  }

  private void comment(StringBuilder sb, boolean status, boolean pointers, String[] outPointers) {
    sb.append("/*\n * Kernel ")
        .append(program.name())
        .append(" (")
        .append(format.formatName())
        .append(").\n");
    List<String> ins = new ArrayList<>();
    for (int i = 0; i < program.inputs().size(); i++) {
      ins.add(names[i] + ": " + describe(program.inputs().get(i).type(), true));
    }
    if (!ins.isEmpty()) {
      sb.append(" * Inputs: ").append(String.join("; ", ins)).append(".\n");
    }
    List<String> outs = new ArrayList<>();
    for (int o = 0; o < program.outputs().size(); o++) {
      int v = program.outputs().get(o).index();
      outs.add(
          (pointers ? "*" + outPointers[o] + " = " : "")
              + program.nameOf(v)
              + ": "
              + describe(program.typeOf(v), false));
    }
    sb.append(pointers ? " * Outputs: " : " * Returns ").append(String.join("; ", outs));
    sb.append(".\n");
    int dropped = 0;
    for (int i = program.inputs().size(); i < kept.length; i++) {
      dropped += kept[i] ? 0 : 1;
    }
    if (dropped > 0) {
      sb.append(" * Left out: ")
          .append(dropped)
          .append(dropped == 1 ? " instruction" : " instructions")
          .append(" no output depends on.\n");
    }
    if (status) {
      sb.append(
          " * Returns 0, or leaves the outputs unwritten and returns where numevo calls the\n"
              + " * evaluation invalid 1 (int division by zero) or 2 (inexact int division), or 3\n"
              + " * when an int value is beyond int64_t (numevo computes it exactly, this code"
              + " cannot).\n");
    }
    sb.append(" */\n");
  }

  /** "a float16", "an e4m3fn". */
  private String article() {
    return (format.formatName().startsWith("e") ? "an " : "a ") + format.formatName();
  }

  private String describe(Type t, boolean input) {
    return switch (t) {
      case F ->
          kind == FormatKind.NARROW
              ? article()
                  + " value as a float"
                  + (input ? " (other floats are rounded to " + format.formatName() + ")" : "")
              : article() + " value";
      case I32 -> "an i32";
      case INT -> "an int";
    };
  }

  private String body(boolean status, boolean pointers, String[] outPointers) {
    int k = program.inputs().size();
    boolean[] used = new boolean[program.valueCount()];
    boolean failing = false;
    for (int i = 0; i < program.body().size(); i++) {
      if (!kept[k + i]) {
        continue;
      }
      Instr ins = program.body().get(i);
      failing |= givesStatus(ins.op());
      for (Operand o : ins.args()) {
        if (o instanceof Ref r) {
          used[r.index()] = true;
        }
      }
    }
    for (Ref r : program.outputs()) {
      used[r.index()] = true;
    }
    StringBuilder sb = new StringBuilder();
    if (failing) {
      sb.append("  int status;\n");
    }
    for (int i = 0; i < k; i++) {
      Input in = program.inputs().get(i);
      if (!used[i]) {
        sb.append("  (void) ").append(names[i]).append("; /* unused */\n");
      } else if (in.type() == Type.F && kind == FormatKind.NARROW) {
        sb.append("  ")
            .append(names[i])
            .append(" = ")
            .append(helpers.use(Helper.ROUND, format))
            .append('(')
            .append(names[i])
            .append(");\n");
      }
    }
    for (int i = 0; i < program.body().size(); i++) {
      if (!kept[k + i]) {
        continue;
      }
      Instr ins = program.body().get(i);
      String dsl = " /* " + Printer.instruction(program, ins) + " */\n";
      List<String> a = new ArrayList<>();
      for (Operand o : ins.args()) {
        a.add(operand(o, ins));
      }
      String name = names[k + i];
      if (givesStatus(ins.op())) {
        sb.append("  int64_t ").append(name).append(";\n");
        sb.append("  if ((status = ")
            .append(checked(ins.op(), a, name))
            .append(") != 0) return status;")
            .append(dsl);
      } else {
        sb.append("  const ")
            .append(localType(ins.op().result()))
            .append(' ')
            .append(name)
            .append(" = ")
            .append(expression(ins.op(), a))
            .append(';')
            .append(dsl);
      }
    }
    if (pointers) {
      for (int o = 0; o < outPointers.length; o++) {
        sb.append("  *")
            .append(outPointers[o])
            .append(" = ")
            .append(output(program.outputs().get(o)))
            .append(";\n");
      }
      if (status) {
        sb.append("  return 0;\n");
      }
    } else {
      sb.append("  return ").append(output(program.outputs().get(0))).append(";\n");
    }
    return sb.toString();
  }

  private String output(Ref r) {
    boolean instruction = r.index() >= program.inputs().size();
    if (program.typeOf(r.index()) == Type.I32 && instruction) {
      return helpers.use(Helper.S32, format) + "(" + names[r.index()] + ")";
    }
    return names[r.index()];
  }

  private String operand(Operand o, Instr ins) {
    return switch (o) {
      case Ref r ->
          r.index() < program.inputs().size() && program.typeOf(r.index()) == Type.I32
              ? "(uint32_t) " + names[r.index()]
              : names[r.index()];
      case FloatLit l -> floatLiteral(l.value());
      case I32Lit l ->
          l.value() >= 0
              ? l.value() + "u"
              : "0x" + Integer.toHexString(l.value()) + "u"; // two's complement
      case IntLit l -> intLiteral(l.value(), ins);
    };
  }

  private String floatLiteral(double v) {
    if (Double.isNaN(v)) {
      return "NAN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "INFINITY" : "(-INFINITY)";
    }
    String s = exactDecimal(v);
    if (s == null) {
      // A hexadecimal constant is exact wherever the value is representable.
      s = Double.toHexString(v);
    }
    s += kind == FormatKind.DOUBLE ? "" : "f";
    return s.startsWith("-") ? "(" + s + ")" : s;
  }

  /**
   * The value as a short decimal constant that is exactly the value ({@code 0.5}, {@code 448.0}),
   * or null if it has none: C only promises the nearest value for decimal constants under Annex F.
   */
  private static String exactDecimal(double v) {
    BigDecimal exact = new BigDecimal(v);
    if (exact.signum() != 0 && exact.stripTrailingZeros().precision() > 9) {
      return null;
    }
    String plain = exact.toPlainString();
    String s = plain.contains(".") ? plain : plain + ".0";
    s = v == 0 && Double.doubleToRawLongBits(v) < 0 ? "-" + s : s; // BigDecimal has no -0
    return s.length() <= 12 ? s : null;
  }

  private String intLiteral(BigInteger v, Instr ins) {
    if (v.bitLength() >= Long.SIZE) {
      throw new ExportException(
          "kernel "
              + program.name()
              + ", instruction '"
              + ins.name()
              + "': an int literal of "
              + v.bitLength()
              + " bits does not fit the int64_t of exported C");
    }
    long l = v.longValue();
    if (l == Long.MIN_VALUE) {
      return "INT64_MIN";
    }
    return l < 0 ? "(-INT64_C(" + -l + "))" : "INT64_C(" + l + ")";
  }

  private String checked(Op op, List<String> a, String result) {
    String target = "&" + result;
    return switch (op) {
      case ZADD -> call(helpers.use(Helper.ADD64, format), a.get(0), a.get(1), target);
      case ZSUB -> call(helpers.use(Helper.SUB64, format), a.get(0), a.get(1), target);
      case ZMUL -> call(helpers.use(Helper.MUL64, format), a.get(0), a.get(1), target);
      case ZNEG -> call(helpers.use(Helper.NEG64, format), a.get(0), target);
      case ZDIV -> {
        helpers.use(Helper.NEG64, format);
        yield call(helpers.use(Helper.DIV64, format), a.get(0), a.get(1), target);
      }
      case FADD,
          FSUB,
          FMUL,
          FDIV,
          FFMA,
          FNEG,
          FABS,
          FMIN,
          FMAX,
          FSQRT,
          FRINT,
          FFLOOR,
          FLT,
          FLE,
          FEQ,
          FSELECT,
          FEXP,
          FLOG,
          FSIN,
          FCOS,
          FTANH,
          FPOW,
          IADD,
          ISUB,
          IMUL,
          INEG,
          ISHL,
          ISHR,
          IUSHR,
          IAND,
          IOR,
          IXOR,
          ILT,
          ILE,
          IEQ,
          ISELECT,
          TOI,
          TRUNC,
          ITOF,
          BITS,
          FROMBITS,
          ZLT,
          ZLE,
          ZEQ,
          ZSELECT,
          TOINT ->
          throw new IllegalArgumentException(op.toString());
    };
  }

  private String expression(Op op, List<String> a) {
    String x = a.isEmpty() ? "" : a.get(0);
    String y = a.size() < 2 ? "" : a.get(1);
    String z = a.size() < 3 ? "" : a.get(2);
    return switch (op) {
      case FADD -> arithmetic(x, "+", y);
      case FSUB -> arithmetic(x, "-", y);
      case FMUL -> arithmetic(x, "*", y);
      case FDIV -> arithmetic(x, "/", y);
      case FFMA ->
          switch (kind) {
            case DOUBLE -> call("fma", x, y, z);
            case FLOAT -> call("fmaf", x, y, z);
            case NARROW -> call(helper(Helper.FMA), x, y, z);
          };
      case FNEG -> kind == FormatKind.NARROW ? round("-" + x) : "-" + x;
      case FABS -> call(kind == FormatKind.DOUBLE ? "fabs" : "fabsf", x);
      case FMIN -> call(helper(kind == FormatKind.DOUBLE ? Helper.MIN : Helper.MINF), x, y);
      case FMAX -> call(helper(kind == FormatKind.DOUBLE ? Helper.MAX : Helper.MAXF), x, y);
      case FSQRT -> library("sqrt", x);
      case FRINT -> library("nearbyint", x); // the default rounding mode: half to even
      case FFLOOR -> library("floor", x);
      case FLT, FLE, FEQ, IEQ, ZLT, ZLE, ZEQ -> comparison(op, x, y);
      case FSELECT, ISELECT, ZSELECT -> x + " != 0u ? " + y + " : " + z;
      case FEXP -> call("exp", x);
      case FLOG -> call("log", x);
      case FSIN -> call("sin", x);
      case FCOS -> call("cos", x);
      case FTANH -> call("tanh", x);
      case FPOW -> call(helper(Helper.POW), x, y);
      case IADD -> x + " + " + y;
      case ISUB -> x + " - " + y;
      case IMUL -> call(helper(Helper.MUL32), x, y);
      case INEG -> "0u - " + x;
      case ISHL -> x + " << (" + y + " & 31u)";
      case ISHR -> call(helper(Helper.SHR32), x, y);
      case IUSHR -> x + " >> (" + y + " & 31u)";
      case IAND -> x + " & " + y;
      case IOR -> x + " | " + y;
      case IXOR -> x + " ^ " + y;
      case ILT -> call(helper(Helper.LT32), x, y);
      case ILE -> call(helper(Helper.LE32), x, y);
      case TOI -> call(helper(Helper.D2I), call("nearbyint", x));
      case TRUNC -> call(helper(Helper.D2I), x);
      case ITOF -> {
        String i = call(helper(Helper.S32), x);
        yield switch (kind) {
          case DOUBLE -> "(double) " + i;
          case FLOAT -> "(float) " + i; // rounds to nearest, ties to even (Annex F)
          case NARROW -> round("(double) " + i); // exact in binary64: one rounding
        };
      }
      case BITS -> call(helper(kind == FormatKind.NARROW ? Helper.BITS : Helper.F32_BITS), x);
      case FROMBITS ->
          call(helper(kind == FormatKind.NARROW ? Helper.DECODE : Helper.F32_FROMBITS), x);
      case TOINT -> "(int64_t) " + call(helper(Helper.S32), x);
      case ZADD, ZSUB, ZMUL, ZNEG, ZDIV -> throw new IllegalArgumentException(op.toString());
    };
  }

  /**
   * A comparison giving 0 or 1. A value compared with itself is spelled so that compilers do not
   * warn about it: the quiet comparison macros for floats (NaN makes the result depend on the
   * value), the constant for integers.
   */
  private static String comparison(Op op, String x, String y) {
    if (x.equals(y)) {
      return switch (op) {
        case FLT -> "isless(" + x + ", " + x + ")";
        case FLE -> "islessequal(" + x + ", " + x + ")";
        case FEQ -> "!isunordered(" + x + ", " + x + ")";
        case ZLT -> "((void) " + x + ", 0u)";
        case ZLE, ZEQ, IEQ -> "((void) " + x + ", 1u)";
        case FADD,
            FSUB,
            FMUL,
            FDIV,
            FFMA,
            FNEG,
            FABS,
            FMIN,
            FMAX,
            FSQRT,
            FRINT,
            FFLOOR,
            FSELECT,
            FEXP,
            FLOG,
            FSIN,
            FCOS,
            FTANH,
            FPOW,
            IADD,
            ISUB,
            IMUL,
            INEG,
            ISHL,
            ISHR,
            IUSHR,
            IAND,
            IOR,
            IXOR,
            ILT,
            ILE,
            ISELECT,
            TOI,
            TRUNC,
            ITOF,
            BITS,
            FROMBITS,
            ZADD,
            ZSUB,
            ZMUL,
            ZNEG,
            ZDIV,
            ZSELECT,
            TOINT ->
            throw new IllegalArgumentException(op.toString());
      };
    }
    return switch (op) {
      case FLT, ZLT -> x + " < " + y;
      case FLE, ZLE -> x + " <= " + y;
      case FEQ, ZEQ, IEQ -> x + " == " + y;
      case FADD,
          FSUB,
          FMUL,
          FDIV,
          FFMA,
          FNEG,
          FABS,
          FMIN,
          FMAX,
          FSQRT,
          FRINT,
          FFLOOR,
          FSELECT,
          FEXP,
          FLOG,
          FSIN,
          FCOS,
          FTANH,
          FPOW,
          IADD,
          ISUB,
          IMUL,
          INEG,
          ISHL,
          ISHR,
          IUSHR,
          IAND,
          IOR,
          IXOR,
          ILT,
          ILE,
          ISELECT,
          TOI,
          TRUNC,
          ITOF,
          BITS,
          FROMBITS,
          ZADD,
          ZSUB,
          ZMUL,
          ZNEG,
          ZDIV,
          ZSELECT,
          TOINT ->
          throw new IllegalArgumentException(op.toString());
    };
  }

  /** add, sub, mul, div: C's own op, or binary64 then one rounding (exact, see CExporter). */
  private String arithmetic(String x, String operator, String y) {
    return kind == FormatKind.NARROW
        ? round("(double) " + x + " " + operator + " " + y)
        : x + " " + operator + " " + y;
  }

  /** sqrt, nearbyint, floor: the float or double function, or binary64 then one rounding. */
  private String library(String function, String x) {
    return switch (kind) {
      case DOUBLE -> call(function, x);
      case FLOAT -> call(function + "f", x);
      case NARROW -> round(call(function, x));
    };
  }

  private String round(String e) {
    return call(helper(Helper.ROUND), e);
  }

  private String helper(Helper h) {
    return helpers.use(h, format);
  }

  private static String call(String function, String... args) {
    return function + "(" + String.join(", ", args) + ")";
  }
}
