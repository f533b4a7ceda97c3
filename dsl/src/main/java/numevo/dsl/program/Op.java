package numevo.dsl.program;

import static numevo.dsl.program.Type.F;
import static numevo.dsl.program.Type.I32;
import static numevo.dsl.program.Type.INT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  FADD("add", "a + b", F, F, F),
  FSUB("sub", "a - b", F, F, F),
  FMUL("mul", "a * b", F, F, F),
  FDIV("div", "a / b", F, F, F),
  FFMA("fma", "a * b + c, fused: one rounding", F, F, F, F),
  FNEG("neg", "-a", F, F),
  FABS("abs", "|a|", F, F),
  FMIN("min", "the smaller of a and b as Java's Math.min (NaN if either is NaN; -0 < +0)", F, F, F),
  FMAX("max", "the larger of a and b as Java's Math.max (NaN if either is NaN; -0 < +0)", F, F, F),
  FSQRT("sqrt", "square root of a", F, F),
  FRINT("rint", "a rounded to an integer, ties to even", F, F),
  FFLOOR("floor", "a rounded down to an integer", F, F),
  FLT("lt", "1 if a < b, else 0 (NaN compares false)", I32, F, F),
  FLE("le", "1 if a <= b, else 0 (NaN compares false)", I32, F, F),
  FEQ("eq", "1 if a == b, else 0 (NaN compares false; -0 == +0)", I32, F, F),
  FSELECT("select", "b if a != 0, else c", F, I32, F, F),
  /** e^x; float64 kernels only (reference functions), via StrictMath. */
  FEXP("exp", "e^a (StrictMath)", F, F),
  FLOG("log", "natural logarithm of a (StrictMath)", F, F),
  FSIN("sin", "sine of a (StrictMath)", F, F),
  FCOS("cos", "cosine of a (StrictMath)", F, F),
  FTANH("tanh", "hyperbolic tangent of a (StrictMath)", F, F),
  FPOW("pow", "a^b (StrictMath)", F, F, F),

  IADD("add", "a + b, wrapping", I32, I32, I32),
  ISUB("sub", "a - b, wrapping", I32, I32, I32),
  IMUL("mul", "a * b, wrapping", I32, I32, I32),
  INEG("neg", "-a, wrapping", I32, I32),
  ISHL("shl", "a << (b & 31)", I32, I32, I32),
  ISHR("shr", "a >> (b & 31), arithmetic (sign-filling)", I32, I32, I32),
  IUSHR("ushr", "a >>> (b & 31), logical (zero-filling)", I32, I32, I32),
  IAND("and", "bitwise a & b", I32, I32, I32),
  IOR("or", "bitwise a | b", I32, I32, I32),
  IXOR("xor", "bitwise a ^ b", I32, I32, I32),
  ILT("lt", "1 if a < b, else 0", I32, I32, I32),
  ILE("le", "1 if a <= b, else 0", I32, I32, I32),
  IEQ("eq", "1 if a == b, else 0", I32, I32, I32),
  ISELECT("select", "b if a != 0, else c", I32, I32, I32, I32),

  TOI("toi", "a rounded to the nearest i32, ties to even; saturating; NaN gives 0", I32, F),
  TRUNC("trunc", "a truncated toward zero to an i32; saturating; NaN gives 0", I32, F),
  ITOF("itof", "the value of a in the kernel's format", F, I32),
  BITS("bits", "the format's code of a (every NaN as the canonical NaN)", I32, F),
  FROMBITS("frombits", "the value whose code is the low bits of a", F, I32),

  ZADD("add", "a + b, exact", INT, INT, INT),
  ZSUB("sub", "a - b, exact", INT, INT, INT),
  ZMUL("mul", "a * b, exact", INT, INT, INT),
  ZNEG("neg", "-a, exact", INT, INT),
  ZDIV(
      "div",
      "a / b, exact; an inexact or zero division makes the evaluation invalid",
      INT,
      INT,
      INT),
  ZLT("lt", "1 if a < b, else 0", I32, INT, INT),
  ZLE("le", "1 if a <= b, else 0", I32, INT, INT),
  ZEQ("eq", "1 if a == b, else 0", I32, INT, INT),
  ZSELECT("select", "b if a != 0, else c", INT, I32, INT, INT),
  TOINT("toint", "the value of a as an int", INT, I32);

  private static final Map<String, List<Op>> BY_MNEMONIC;
  private static final Map<Op, Set<Trait>> TRAITS;

  static {
    Map<String, List<Op>> m = new LinkedHashMap<>();
    for (Op op : values()) {
      m.computeIfAbsent(op.mnemonic, k -> new ArrayList<>()).add(op);
    }
    m.replaceAll((k, v) -> List.copyOf(v));
    BY_MNEMONIC = Collections.unmodifiableMap(m);
    Map<Op, Set<Trait>> t = new EnumMap<>(Op.class);
    for (Op op : values()) {
      t.put(op, traitsOf(op));
    }
    TRAITS = t;
  }

  private final String mnemonic;
  private final String meaning;
  private final Type result;
  private final List<Type> params;

  Op(String mnemonic, String meaning, Type result, Type... params) {
    this.mnemonic = mnemonic;
    this.meaning = meaning;
    this.result = result;
    this.params = List.of(params);
  }

  /**
   * What the op computes, one line, naming its operands a, b, c in order (as {@code numevo ops}
   * shows it). Float results are rounded once to the kernel's format, as the class says.
   */
  public String meaning() {
    return meaning;
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

  /**
   * Properties of ops that several engines decide the same way; each op's set is given once, in
   * {@link #traitsOf}, an exhaustive switch: a new op does not compile until it states them.
   */
  private enum Trait {
    /** Exists only in float64 kernels (transcendental reference functions, via StrictMath). */
    FLOAT64_ONLY,
    /** Needs codes that fit an i32 ({@code bits}, {@code frombits}). */
    I32_CODES,
    /** Compares two values of one type, giving i32 1 or 0. */
    COMPARISON,
    /** {@code c != 0 ? a : b}. */
    SELECT,
    /** Can make an evaluation invalid. */
    MAY_FAIL,
    /** Its 64-bit fast path can overflow or fail. */
    CHECKED_INT64,
    /** {@code int} ring arithmetic or its division. */
    INT_RING
  }

  private static Set<Trait> traitsOf(Op op) {
    return switch (op) {
      case FADD, FSUB, FMUL, FDIV, FFMA, FNEG, FABS, FMIN, FMAX, FSQRT -> none();
      case FRINT, FFLOOR -> none();
      case FLT, FLE, FEQ -> EnumSet.of(Trait.COMPARISON);
      case FSELECT, ISELECT, ZSELECT -> EnumSet.of(Trait.SELECT);
      case FEXP, FLOG, FSIN, FCOS, FTANH, FPOW -> EnumSet.of(Trait.FLOAT64_ONLY);
      case IADD, ISUB, IMUL, INEG, ISHL, ISHR, IUSHR, IAND, IOR, IXOR -> none();
      case ILT, ILE, IEQ -> EnumSet.of(Trait.COMPARISON);
      case TOI, TRUNC, ITOF, TOINT -> none();
      case BITS, FROMBITS -> EnumSet.of(Trait.I32_CODES);
      case ZADD, ZSUB, ZMUL, ZDIV ->
          EnumSet.of(Trait.MAY_FAIL, Trait.CHECKED_INT64, Trait.INT_RING);
      case ZNEG -> EnumSet.of(Trait.CHECKED_INT64, Trait.INT_RING);
      case ZLT, ZLE, ZEQ -> EnumSet.of(Trait.COMPARISON);
    };
  }

  private static Set<Trait> none() {
    return EnumSet.noneOf(Trait.class);
  }

  private boolean is(Trait t) {
    return TRAITS.get(this).contains(t);
  }

  /** Whether the op exists only in float64 kernels (transcendental reference functions). */
  public boolean float64Only() {
    return is(Trait.FLOAT64_ONLY);
  }

  /** Whether the op needs codes that fit an i32 ({@code bits}, {@code frombits}). */
  public boolean needsI32Codes() {
    return is(Trait.I32_CODES);
  }

  /**
   * Whether the op compares two values of one type, giving i32 1 or 0 ({@code lt}, {@code le},
   * {@code eq}); a guard mutation pairs one with a {@link #isSelect() select}.
   */
  public boolean isComparison() {
    return is(Trait.COMPARISON);
  }

  /** Whether the op is a {@code select} ({@code c != 0 ? a : b}). */
  public boolean isSelect() {
    return is(Trait.SELECT);
  }

  /**
   * Whether evaluating the op can make an evaluation invalid: {@code int} add, sub and mul can
   * exceed {@code IntLimits.MAX_BITS}, {@code div} can be inexact or by zero. Exports keep such an
   * instruction even when no output depends on it.
   */
  public boolean mayFail() {
    return is(Trait.MAY_FAIL);
  }

  /**
   * Whether the op's 64-bit fast path ({@code long} in compiled code, {@code int64_t} in exported
   * C) must be checked: {@code int} add, sub, mul and neg can overflow 64 bits, div can fail. The
   * compiler computes these even when dead, and the C export gives them a status.
   */
  public boolean checkedInt64() {
    return is(Trait.CHECKED_INT64);
  }

  /**
   * Whether the op is {@code int} ring arithmetic ({@code add}, {@code sub}, {@code mul}, {@code
   * neg}) or its division: what the residue hashing of exact kernels evaluates modulo a prime.
   */
  public boolean isIntRingOrDiv() {
    return is(Trait.INT_RING);
  }

  /** All overloads of a mnemonic, in declaration order; empty if unknown. */
  public static List<Op> overloads(String mnemonic) {
    return BY_MNEMONIC.getOrDefault(mnemonic, List.of());
  }

  /** Every mnemonic, for messages. */
  public static Set<String> mnemonics() {
    return BY_MNEMONIC.keySet();
  }
}
