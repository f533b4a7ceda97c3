package numevo.targets.seq;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * Reshaping and reading recurrence kernels (the package's convention: inputs {@code n} (optional),
 * then {@code a1 .. ak}): dropping the inputs a kernel does not use, adding ones it ignores, and
 * writing it as a formula.
 */
public final class Recurrences {
  private Recurrences() {}

  /** Formulas longer than this are not written out ({@link #formula} is empty). */
  public static final int MAX_FORMULA_LENGTH = 400;

  /**
   * The kernel with the inputs it does not use removed from the end: the previous terms beyond the
   * deepest one its live code reads, and {@code n} if its live code does not read it. The result
   * needs fewer initial terms ({@link Recurrence#start()}) and computes the same value from the
   * inputs it keeps.
   *
   * @param kernel a kernel in the convention
   * @return the trimmed kernel (the same instance if nothing is unused)
   */
  public static Program trim(Program kernel) {
    RecurrenceShape shape = RecurrenceShape.of(kernel);
    boolean[] live = kernel.liveValues();
    int first = shape.usesIndex() ? 1 : 0;
    boolean keepIndex = shape.usesIndex() && live[0];
    int order = 0;
    for (int j = 1; j <= shape.order(); j++) {
      if (live[first + j - 1]) {
        order = j;
      }
    }
    if (keepIndex == shape.usesIndex() && order == shape.order()) {
      return kernel;
    }
    // Old input index -> new index (or -1 when dropped).
    int k = kernel.inputs().size();
    int[] map = new int[k + kernel.body().size()];
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      boolean keep = i < first ? keepIndex : i - first < order;
      map[i] = keep ? inputs.size() : -1;
      if (keep) {
        inputs.add(kernel.inputs().get(i));
      }
    }
    return remap(kernel, inputs, map);
  }

  /**
   * The kernel with inputs added so that it takes {@code n} and exactly {@code order} previous
   * terms (unused ones at the end), as a search of that order generates them.
   *
   * @param kernel a kernel in the convention
   * @param order the order wanted
   * @return the widened kernel
   * @throws IllegalArgumentException (one line) if the kernel looks back further than {@code order}
   */
  public static Program widen(Program kernel, int order) {
    RecurrenceShape shape = RecurrenceShape.of(kernel);
    if (shape.order() > order) {
      throw new IllegalArgumentException(
          kernel.name()
              + " looks back "
              + shape.order()
              + " terms, more than the search's order "
              + order
              + " (use --order "
              + shape.order()
              + ")");
    }
    int k = kernel.inputs().size();
    int[] map = new int[k + kernel.body().size()];
    List<Input> inputs = new ArrayList<>();
    inputs.add(Input.of(RecurrenceShape.INDEX, Type.INT));
    int first = shape.usesIndex() ? 1 : 0;
    if (shape.usesIndex()) {
      map[0] = 0;
    }
    for (int j = 1; j <= order; j++) {
      if (j <= shape.order()) {
        map[first + j - 1] = inputs.size();
      }
      inputs.add(Input.of("a" + j, Type.INT));
    }
    return remap(kernel, inputs, map);
  }

  /** Rebuilds a kernel on new inputs; {@code map[i]} is input i's new index or -1 if unused. */
  private static Program remap(Program kernel, List<Input> inputs, int[] map) {
    int k = kernel.inputs().size();
    List<Instr> body = new ArrayList<>();
    // Dead code may read a dropped input: strip it first by keeping only live instructions.
    boolean[] live = kernel.liveValues();
    int kept = 0;
    for (int i = 0; i < kernel.body().size(); i++) {
      if (!live[k + i]) {
        map[k + i] = -1;
        continue;
      }
      map[k + i] = inputs.size() + kept++;
    }
    for (int i = 0; i < kernel.body().size(); i++) {
      if (!live[k + i]) {
        continue;
      }
      Instr ins = kernel.body().get(i);
      List<Operand> args = new ArrayList<>();
      for (Operand o : ins.args()) {
        args.add(o instanceof Ref r ? Ref.of(map[r.index()]) : o);
      }
      body.add(new Instr(ins.name(), ins.op(), args));
    }
    List<Ref> outputs = new ArrayList<>();
    for (Ref r : kernel.outputs()) {
      outputs.add(Ref.of(map[r.index()]));
    }
    return new Program(kernel.name(), kernel.format(), inputs, body, outputs);
  }

  /**
   * The kernel as a formula, e.g. {@code a(n) = (4*n - 2)*a(n-1) / (n + 1)}: its live code with
   * every value written out in place ({@code /} is the exact division of the DSL, {@code c ? x : y}
   * its select). Empty if the formula would be longer than {@value #MAX_FORMULA_LENGTH} characters
   * (shared values are repeated, so a kernel may expand a lot).
   *
   * @param kernel a kernel in the convention
   */
  public static Optional<String> formula(Program kernel) {
    RecurrenceShape shape = RecurrenceShape.of(kernel);
    int k = kernel.inputs().size();
    Expr[] v = new Expr[k + kernel.body().size()];
    for (int i = 0; i < k; i++) {
      boolean index = shape.usesIndex() && i == 0;
      v[i] = new Expr(index ? "n" : "a(n-" + (i + (shape.usesIndex() ? 0 : 1)) + ")", ATOM);
    }
    boolean[] live = kernel.liveValues();
    for (int i = 0; i < kernel.body().size(); i++) {
      if (!live[k + i]) {
        continue;
      }
      Instr ins = kernel.body().get(i);
      List<Expr> a = new ArrayList<>();
      for (Operand o : ins.args()) {
        a.add(operand(o, v));
      }
      v[k + i] =
          switch (ins.op()) {
            case ZADD -> new Expr(a.get(0).at(SUM) + " + " + a.get(1).at(SUM), SUM);
            case ZSUB -> new Expr(a.get(0).at(SUM) + " - " + a.get(1).at(PRODUCT), SUM);
            case ZMUL ->
                new Expr(
                    a.get(0).at(PRODUCT) + "*" + a.get(1).above(PRODUCT, a.get(1).quotient),
                    PRODUCT);
            case ZDIV -> quotient(a.get(0).at(PRODUCT) + " / " + a.get(1).at(NEGATION));
            case ZNEG -> new Expr("-" + a.get(0).at(NEGATION), NEGATION);
            case ZLT -> new Expr(a.get(0).at(SUM) + " < " + a.get(1).at(SUM), COMPARISON);
            case ZLE -> new Expr(a.get(0).at(SUM) + " <= " + a.get(1).at(SUM), COMPARISON);
            case ZEQ -> new Expr(a.get(0).at(SUM) + " == " + a.get(1).at(SUM), COMPARISON);
            case ZSELECT ->
                new Expr(
                    "("
                        + a.get(0).text
                        + (a.get(0).level == COMPARISON ? "" : " != 0")
                        + " ? "
                        + a.get(1).text
                        + " : "
                        + a.get(2).text
                        + ")",
                    ATOM);
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
                TOINT ->
                new Expr(ins.op().mnemonic() + "(" + join(a) + ")", ATOM);
          };
      if (v[k + i].text.length() > MAX_FORMULA_LENGTH) {
        return Optional.empty();
      }
    }
    return Optional.of("a(n) = " + v[kernel.outputs().get(0).index()].text);
  }

  private static final int COMPARISON = 0;
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int NEGATION = 3;
  private static final int ATOM = 4;

  /** A written value and the precedence of its outermost operation. */
  private record Expr(String text, int level, boolean quotient) {
    Expr(String text, int level) {
      this(text, level, false);
    }

    /** As an operand where the operation binds at {@code needed}: in parentheses if looser. */
    String at(int needed) {
      return level < needed ? "(" + text + ")" : text;
    }

    /** As a right operand of {@code *}: a quotient needs parentheses (the division is exact). */
    String above(int needed, boolean isQuotient) {
      return isQuotient || level < needed ? "(" + text + ")" : text;
    }
  }

  private static Expr quotient(String text) {
    return new Expr(text, PRODUCT, true);
  }

  private static Expr operand(Operand o, Expr[] v) {
    return switch (o) {
      case Ref r -> v[r.index()];
      case IntLit l -> literal(l.value());
      case I32Lit l -> literal(BigInteger.valueOf(l.value()));
      default -> new Expr(o.toString(), ATOM);
    };
  }

  private static Expr literal(BigInteger x) {
    return x.signum() < 0 ? new Expr("(" + x + ")", ATOM) : new Expr(x.toString(), ATOM);
  }

  private static String join(List<Expr> a) {
    List<String> s = new ArrayList<>();
    for (Expr e : a) {
      s.add(e.text);
    }
    return String.join(", ", s);
  }

  /** The data's first {@code count} terms, e.g. for the initial terms of a recurrence. */
  public static List<BigInteger> initialTerms(SequenceData data, int count) {
    Objects.requireNonNull(data, "data");
    return List.copyOf(data.terms().subList(0, Math.min(count, data.size())));
  }
}
