package numevo.dsl.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import numevo.dsl.eval.IntLimits;
import numevo.dsl.export.JavaHelpers.Helper;
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

/** One pass over a program writing the Java class {@link JavaExporter} describes. */
final class JavaEmitter {
  private final Program program;
  private final NumberFormat format;
  private final FormatKind kind;
  private final String[] names;
  private final Set<Helper> helpers = EnumSet.noneOf(Helper.class);
  private final List<BigInteger> bigLiterals = new ArrayList<>();
  private boolean usesBigInteger;

  JavaEmitter(Program program) {
    this.program = program;
    this.format = program.format();
    this.kind = FormatKind.of(format);
    List<String> dslNames = new ArrayList<>();
    for (int v = 0; v < program.valueCount(); v++) {
      dslNames.add(program.nameOf(v));
    }
    this.names = new Names(JavaNames::isReserved).assign(dslNames);
  }

  /**
   * @param packageName the package, or empty for none
   * @param className a usable simple class name
   */
  String source(String packageName, String className) {
    // The method body first: it decides which helpers and literals the class needs.
    String body = body();
    String recordName = className.equals("Result") ? "Outputs" : "Result";
    boolean multi = program.outputs().size() > 1;
    StringBuilder sb = new StringBuilder();
    header(sb);
    if (!packageName.isEmpty()) {
      sb.append("package ").append(packageName).append(";\n\n");
    }
    if (usesBigInteger) {
      sb.append("import java.math.BigInteger;\n\n");
    }
    sb.append("/** Kernel ")
        .append(program.name())
        .append(" in ")
        .append(format.formatName())
        .append(", exported from numevo. */\n");
    sb.append("public final class ").append(className).append(" {\n");
    sb.append("  private ").append(className).append("() {}\n");
    for (int i = 0; i < bigLiterals.size(); i++) {
      sb.append("\n  private static final BigInteger LITERAL_")
          .append(i)
          .append(" =\n      new BigInteger(\"")
          .append(bigLiterals.get(i))
          .append("\");\n");
    }
    if (multi) {
      sb.append('\n');
      record(sb, recordName);
    }
    sb.append('\n');
    javadoc(sb, multi, recordName);
    sb.append("  public static ")
        .append(multi ? recordName : type(program.typeOf(program.outputs().get(0).index())))
        .append(" apply(");
    for (int i = 0; i < program.inputs().size(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(type(program.inputs().get(i).type()))
          .append(' ')
          .append(names[i]);
    }
    sb.append(") {\n").append(body);
    if (multi) {
      sb.append("    return new ").append(recordName).append('(');
      for (int o = 0; o < program.outputs().size(); o++) {
        sb.append(o == 0 ? "" : ", ").append(names[program.outputs().get(o).index()]);
      }
      sb.append(");\n");
    } else {
      sb.append("    return ").append(names[program.outputs().get(0).index()]).append(";\n");
    }
    sb.append("  }\n");
    JavaHelpers.emit(helpers, format, sb);
    sb.append("}\n");
    return sb.toString();
  }

  private void header(StringBuilder sb) {
    String f = format.formatName();
    sb.append("// Kernel ")
        .append(program.name())
        .append(" (")
        .append(f)
        .append("), exported by numevo (numevo export --lang java).\n")
        .append("// Self-contained: compiles alone with Java 17 or later.\n//\n")
        .append(
            "// Computes what numevo's reference interpreter computes, bit for bit (every NaN\n")
        .append("// counts as one value):\n")
        .append(
            switch (kind) {
              case DOUBLE -> "// - float ops are Java's double (IEEE binary64) arithmetic;\n";
              case FLOAT ->
                  "// - float ops are Java's float (IEEE binary32) arithmetic; sqrt, rint and floor\n"
                      + "//   go through double, which is exact;\n";
              case NARROW ->
                  "// - "
                      + f
                      + " values travel as floats, which hold them exactly; add, sub and\n"
                      + "//   mul compute in float and round once more to "
                      + f
                      + " (roundFloat), the other\n"
                      + "//   ops in binary64, rounded to odd to float, then the same (round):\n"
                      + "//   either way the correctly rounded result; fma rounds the binary64\n"
                      + "//   sum to odd first;\n";
            })
        .append("// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and\n")
        .append("//   trunc truncates, both saturating, NaN giving 0")
        .append(usesBigInteger ? ";\n" : ".\n");
    if (usesBigInteger) {
      sb.append("// - int values are exact BigIntegers; where numevo calls an evaluation invalid\n")
          .append("//   (an int division by zero or an inexact one, an int beyond ")
          .append(IntLimits.MAX_BITS)
          .append(" bits)\n")
          .append("//   apply throws an ArithmeticException.\n");
    }
    int dropped = 0;
    boolean[] kept = Liveness.kept(program);
    for (int i = program.inputs().size(); i < kept.length; i++) {
      dropped += kept[i] ? 0 : 1;
    }
    if (dropped > 0) {
      sb.append("// Left out: ")
          .append(dropped)
          .append(dropped == 1 ? " instruction" : " instructions")
          .append(" no output depends on.\n");
    }
    sb.append('\n');
  }

  private void record(StringBuilder sb, String recordName) {
    Names components = new Names(JavaNames::isReserved);
    List<String> outNames = new ArrayList<>();
    for (Ref r : program.outputs()) {
      outNames.add(program.nameOf(r.index()));
    }
    String[] fields = components.assign(outNames);
    sb.append("  /** The outputs of the kernel, in order. */\n");
    sb.append("  public record ").append(recordName).append('(');
    for (int o = 0; o < fields.length; o++) {
      sb.append(o == 0 ? "" : ", ")
          .append(type(program.typeOf(program.outputs().get(o).index())))
          .append(' ')
          .append(fields[o]);
    }
    sb.append(") {}\n");
  }

  private void javadoc(StringBuilder sb, boolean multi, String recordName) {
    sb.append("  /**\n   * Computes kernel ").append(program.name()).append(".\n   *\n");
    for (int i = 0; i < program.inputs().size(); i++) {
      Input in = program.inputs().get(i);
      sb.append("   * @param ").append(names[i]).append(' ').append(describe(in.type(), true));
      sb.append('\n');
    }
    if (multi) {
      sb.append("   * @return the outputs, as a {@link ").append(recordName).append("}\n");
    } else {
      Ref out = program.outputs().get(0);
      sb.append("   * @return ")
          .append(program.nameOf(out.index()))
          .append(", ")
          .append(describe(program.typeOf(out.index()), false))
          .append('\n');
    }
    if (usesBigInteger) {
      sb.append(
          "   * @throws ArithmeticException where numevo calls the evaluation invalid (the message"
              + " says why)\n");
    }
    sb.append("   */\n");
  }

  /** "a float16", "an e4m3fn". */
  private String article() {
    return (format.formatName().startsWith("e") ? "an " : "a ") + format.formatName();
  }

  private String describe(Type t, boolean input) {
    return switch (t) {
      case F ->
          kind == FormatKind.NARROW
              ? article() + " value" + (input ? " (other floats are rounded)" : "")
              : article() + " value";
      case I32 -> "an i32";
      case INT -> "an int" + (input ? ", of at most " + IntLimits.MAX_BITS + " bits" : "");
    };
  }

  private String body() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < program.inputs().size(); i++) {
      Input in = program.inputs().get(i);
      if (in.type() == Type.F && kind == FormatKind.NARROW) {
        helpers.add(Helper.ROUND);
        helpers.add(Helper.ROUND_FLOAT);
        sb.append("    ").append(names[i]).append(" = round(").append(names[i]).append(");\n");
      } else if (in.type() == Type.INT) {
        helpers.add(Helper.CHECK_BITS);
        sb.append("    checkBits(").append(names[i]).append(");\n");
      }
      if (in.type() == Type.INT) {
        usesBigInteger = true;
      }
    }
    boolean[] kept = Liveness.kept(program);
    int k = program.inputs().size();
    for (int i = 0; i < program.body().size(); i++) {
      if (!kept[k + i]) {
        continue;
      }
      Instr ins = program.body().get(i);
      List<String> args = new ArrayList<>();
      for (Operand o : ins.args()) {
        args.add(operand(o));
      }
      Type result = ins.op().result();
      if (result == Type.INT) {
        usesBigInteger = true;
      }
      sb.append("    ")
          .append(type(result))
          .append(' ')
          .append(names[k + i])
          .append(" = ")
          .append(
              ins.op() == Op.FSELECT && maskSelects(kept)
                  ? codeSelect(ins.args())
                  : expression(ins.op(), args))
          .append("; // ")
          .append(Printer.instruction(program, ins))
          .append('\n');
    }
    return sb.toString();
  }

  /**
   * Whether {@code select}s of {@code f} values are written without a branch, as numevo's compiler
   * compiles them ({@code KernelGenerator.maskSelects}): in kernels with a kept {@code bits} or
   * {@code frombits} (float32 ones; the narrow formats keep {@code ?:}, float64 has neither op). C2
   * compiles a float {@code ?:} as a branch, mispredicted about half the time where the condition
   * follows the data (the sign test of kernels/exp: 9.6 ns per call on fresh inputs, 3.9 with the
   * mask), and such kernels stay scalar anyway.
   */
  private boolean maskSelects(boolean[] kept) {
    if (kind != FormatKind.FLOAT) {
      return false;
    }
    int k = program.inputs().size();
    for (int i = 0; i < program.body().size(); i++) {
      Op op = program.body().get(i).op();
      if (kept[k + i] && (op == Op.BITS || op == Op.FROMBITS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code c != 0 ? a : b} as {@code code(b) ^ ((code(a) ^ code(b)) & -one)} over the raw codes,
   * {@code one} 1 where {@code c != 0}, else 0: bit for bit the same value, NaN payloads included.
   */
  private String codeSelect(List<Operand> args) {
    Operand c = args.get(0);
    String cond = operand(c);
    boolean zeroOrOne =
        c instanceof Ref r
            && r.index() >= program.inputs().size()
            && program.body().get(r.index() - program.inputs().size()).op().isComparison();
    // c | -c has its sign bit set exactly when c != 0; >>> 31 makes that 1 or 0.
    String one = zeroOrOne ? cond : "((" + cond + " | -" + cond + ") >>> 31)";
    String a = code(args.get(1));
    String b = code(args.get(2));
    return call("Float.intBitsToFloat", b + " ^ ((" + a + " ^ " + b + ") & -" + one + ")");
  }

  /** The raw code of an {@code f} operand: a literal's as a constant. */
  private String code(Operand o) {
    if (o instanceof FloatLit l) {
      return String.format("0x%08x", Float.floatToRawIntBits((float) l.value()));
    }
    return call("Float.floatToRawIntBits", operand(o));
  }

  private String type(Type t) {
    return switch (t) {
      case F -> kind == FormatKind.DOUBLE ? "double" : "float";
      case I32 -> "int";
      case INT -> "BigInteger";
    };
  }

  private String operand(Operand o) {
    return switch (o) {
      case Ref r -> names[r.index()];
      case FloatLit l -> floatLiteral(l.value());
      case I32Lit l -> l.value() < 0 ? "(" + l.value() + ")" : Integer.toString(l.value());
      case IntLit l -> intLiteral(l.value());
    };
  }

  private String floatLiteral(double v) {
    String box = kind == FormatKind.DOUBLE ? "Double" : "Float";
    if (Double.isNaN(v)) {
      return box + ".NaN";
    }
    if (Double.isInfinite(v)) {
      return box + (v > 0 ? ".POSITIVE_INFINITY" : ".NEGATIVE_INFINITY");
    }
    // Java reads a decimal literal correctly rounded, and toString gives one that reads back.
    String s = kind == FormatKind.DOUBLE ? Double.toString(v) : Float.toString((float) v) + "f";
    return s.startsWith("-") ? "(" + s + ")" : s;
  }

  private String intLiteral(BigInteger v) {
    usesBigInteger = true;
    if (v.bitLength() < Long.SIZE) {
      long l = v.longValue();
      String s = l == (int) l ? Long.toString(l) : l + "L";
      return "BigInteger.valueOf(" + s + ")";
    }
    // Parsed once, when the class initializes.
    bigLiterals.add(v);
    return "LITERAL_" + (bigLiterals.size() - 1);
  }

  private String expression(Op op, List<String> a) {
    String x = a.isEmpty() ? "" : a.get(0);
    String y = a.size() < 2 ? "" : a.get(1);
    String z = a.size() < 3 ? "" : a.get(2);
    return switch (op) {
      case FADD -> viaFloat(x, "+", y);
      case FSUB -> viaFloat(x, "-", y);
      case FMUL -> viaFloat(x, "*", y);
      case FDIV -> arithmetic(x, "/", y);
      case FFMA ->
          kind == FormatKind.NARROW ? use(Helper.FMA, "fma", x, y, z) : call("Math.fma", x, y, z);
      case FNEG -> kind == FormatKind.NARROW ? round("-" + x) : "-" + x;
      case FABS -> call("Math.abs", x);
      case FMIN -> call("Math.min", x, y);
      case FMAX -> call("Math.max", x, y);
      case FSQRT -> viaDouble(call("Math.sqrt", x));
      case FRINT -> viaDouble(call("Math.rint", x));
      case FFLOOR -> viaDouble(call("Math.floor", x));
      case FLT, ILT -> x + " < " + y + " ? 1 : 0";
      case FLE, ILE -> x + " <= " + y + " ? 1 : 0";
      case FEQ, IEQ -> x + " == " + y + " ? 1 : 0";
      case FSELECT, ISELECT, ZSELECT -> x + " != 0 ? " + y + " : " + z;
      case FEXP -> call("StrictMath.exp", x);
      case FLOG -> call("StrictMath.log", x);
      case FSIN -> call("StrictMath.sin", x);
      case FCOS -> call("StrictMath.cos", x);
      case FTANH -> call("StrictMath.tanh", x);
      case FPOW -> call("StrictMath.pow", x, y);
      case IADD -> x + " + " + y;
      case ISUB -> x + " - " + y;
      case IMUL -> x + " * " + y;
      case INEG -> "-" + x;
      case ISHL -> x + " << " + y;
      case ISHR -> x + " >> " + y;
      case IUSHR -> x + " >>> " + y;
      case IAND -> x + " & " + y;
      case IOR -> x + " | " + y;
      case IXOR -> x + " ^ " + y;
      case TOI -> "(int) " + call("Math.rint", x);
      case TRUNC -> "(int) " + x;
      case ITOF ->
          switch (kind) {
            case DOUBLE -> "(double) " + x;
            case FLOAT -> "(float) " + x; // Java rounds an int to float to nearest, ties to even
            case NARROW -> round("(double) " + x); // exact in binary64: one rounding
          };
      case BITS ->
          kind == FormatKind.NARROW
              ? use(Helper.BITS, "bits", x)
              : call("Float.floatToIntBits", x); // which maps every NaN to 0x7fc00000
      case FROMBITS ->
          kind == FormatKind.NARROW
              ? use(Helper.DECODE, "decode", x)
              : call("Float.intBitsToFloat", x);
      case ZADD -> use(Helper.CHECK_BITS, "checkBits", x + ".add(" + y + ")");
      case ZSUB -> use(Helper.CHECK_BITS, "checkBits", x + ".subtract(" + y + ")");
      case ZMUL -> use(Helper.CHECK_BITS, "checkBits", x + ".multiply(" + y + ")");
      case ZNEG -> x + ".negate()";
      case ZDIV -> use(Helper.EXACT_DIV, "exactDiv", x, y);
      case ZLT -> x + ".compareTo(" + y + ") < 0 ? 1 : 0";
      case ZLE -> x + ".compareTo(" + y + ") <= 0 ? 1 : 0";
      case ZEQ -> x + ".equals(" + y + ") ? 1 : 0";
      case TOINT -> call("BigInteger.valueOf", x);
    };
  }

  /**
   * add, sub, mul: the language's own op or, in a narrow format, the float op then one more
   * rounding to the format: innocuous, since a float has 24 >= 2p + 2 bits for the format's p (the
   * argument, subnormals and overflow included, at numevo.dsl.compile.KernelGenerator.viaFloat).
   */
  private String viaFloat(String x, String operator, String y) {
    String e = x + " " + operator + " " + y;
    return kind == FormatKind.NARROW ? use(Helper.ROUND_FLOAT, "roundFloat", e) : e;
  }

  /** div: the language's own op, or binary64 then one rounding (exact, see class). */
  private String arithmetic(String x, String operator, String y) {
    String e = x + " " + operator + " " + y;
    return kind == FormatKind.NARROW ? round("(double) " + e) : e;
  }

  /** An op computed in binary64 whose result is then rounded to the format. */
  private String viaDouble(String e) {
    return switch (kind) {
      case DOUBLE -> e;
      case FLOAT -> "(float) " + e;
      case NARROW -> round(e);
    };
  }

  private String round(String e) {
    return use(Helper.ROUND, "round", e);
  }

  private String use(Helper h, String method, String... args) {
    helpers.add(h);
    if (h == Helper.FMA) {
      helpers.add(Helper.ROUND);
    }
    if (helpers.contains(Helper.ROUND)) {
      helpers.add(Helper.ROUND_FLOAT);
    }
    return call(method, args);
  }

  private static String call(String method, String... args) {
    return method + "(" + String.join(", ", args) + ")";
  }
}
