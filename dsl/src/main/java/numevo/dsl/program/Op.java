package numevo.dsl.program;

import static numevo.dsl.program.Type.F;
import static numevo.dsl.program.Type.I32;
import static numevo.dsl.program.Type.INT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DSL's operations. Each has one signature; the text syntax overloads mnemonics ({@code add} on
 * {@code f}, {@code i32} and {@code int}) and resolves them by operand types.
 *
 * <p>Semantics (all engines agree bit for bit): float ops compute the exact result and round it
 * once to the kernel's format; comparisons give i32 1 or 0 (IEEE: NaN compares false, -0 == +0);
 * {@code select c a b} is {@code c != 0 ? a : b}; i32 arithmetic wraps, shifts mask their count to
 * 5 bits as Java does; {@code toi} rounds half to even and {@code trunc} truncates, both saturating
 * at the i32 range with NaN giving 0; {@code bits} gives the format's code with every NaN as the
 * canonical NaN, {@code frombits} decodes the low bits of its operand; int arithmetic is exact, and
 * an inexact {@code div} makes the whole evaluation invalid.
 */
public enum Op {
  FADD("add", F, F, F),
  FSUB("sub", F, F, F),
  FMUL("mul", F, F, F),
  FDIV("div", F, F, F),
  FFMA("fma", F, F, F, F),
  FNEG("neg", F, F),
  FABS("abs", F, F),
  FMIN("min", F, F, F),
  FMAX("max", F, F, F),
  FSQRT("sqrt", F, F),
  FRINT("rint", F, F),
  FFLOOR("floor", F, F),
  FLT("lt", I32, F, F),
  FLE("le", I32, F, F),
  FEQ("eq", I32, F, F),
  FSELECT("select", F, I32, F, F),
  /** e^x; float64 kernels only (reference functions), via StrictMath. */
  FEXP("exp", F, F),
  FLOG("log", F, F),
  FSIN("sin", F, F),
  FCOS("cos", F, F),
  FTANH("tanh", F, F),
  FPOW("pow", F, F, F),

  IADD("add", I32, I32, I32),
  ISUB("sub", I32, I32, I32),
  IMUL("mul", I32, I32, I32),
  INEG("neg", I32, I32),
  ISHL("shl", I32, I32, I32),
  ISHR("shr", I32, I32, I32),
  IUSHR("ushr", I32, I32, I32),
  IAND("and", I32, I32, I32),
  IOR("or", I32, I32, I32),
  IXOR("xor", I32, I32, I32),
  ILT("lt", I32, I32, I32),
  ILE("le", I32, I32, I32),
  IEQ("eq", I32, I32, I32),
  ISELECT("select", I32, I32, I32, I32),

  TOI("toi", I32, F),
  TRUNC("trunc", I32, F),
  ITOF("itof", F, I32),
  BITS("bits", I32, F),
  FROMBITS("frombits", F, I32),

  ZADD("add", INT, INT, INT),
  ZSUB("sub", INT, INT, INT),
  ZMUL("mul", INT, INT, INT),
  ZNEG("neg", INT, INT),
  ZDIV("div", INT, INT, INT),
  ZLT("lt", I32, INT, INT),
  ZLE("le", I32, INT, INT),
  ZEQ("eq", I32, INT, INT),
  ZSELECT("select", INT, I32, INT, INT),
  TOINT("toint", INT, I32);

  private static final Map<String, List<Op>> BY_MNEMONIC;

  static {
    Map<String, List<Op>> m = new LinkedHashMap<>();
    for (Op op : values()) {
      m.computeIfAbsent(op.mnemonic, k -> new ArrayList<>()).add(op);
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    BY_MNEMONIC = Collections.unmodifiableMap(m);
  }

  private final String mnemonic;
  private final Type result;
  private final List<Type> params;

  Op(String mnemonic, Type result, Type... params) {
    this.mnemonic = mnemonic;
    this.result = result;
    this.params = List.of(params);
  }

  /** The name in the text syntax (shared by the overloads of one operation). */
  public String mnemonic() {
    return mnemonic;
  }

  /** The type of the result. */
  public Type result() {
    return result;
  }

  /** The operand types, in order. */
  public List<Type> params() {
    return params;
  }

  /** Number of operands. */
  public int arity() {
    return params.size();
  }

  /** Whether the op exists only in float64 kernels (transcendental reference functions). */
  public boolean float64Only() {
    return switch (this) {
      case FEXP, FLOG, FSIN, FCOS, FTANH, FPOW -> true;
      default -> false;
    };
  }

  /** Whether the op needs codes that fit an i32 ({@code bits}, {@code frombits}). */
  public boolean needsI32Codes() {
    return this == BITS || this == FROMBITS;
  }

  /** All overloads of a mnemonic, in declaration order; empty if unknown. */
  public static List<Op> overloads(String mnemonic) {
    return BY_MNEMONIC.getOrDefault(mnemonic, List.of());
  }

  /** Every mnemonic, for messages. */
  public static java.util.Set<String> mnemonics() {
    return BY_MNEMONIC.keySet();
  }
}
