package numevo.dsl.program;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Problem.Part;

/**
 * The one checker every program passes, whether parsed from text or built in memory: names, arity,
 * types, references, format restrictions, literals and limits.
 */
public final class Checker {
  private Checker() {}

  /**
   * Whether {@code s} is a valid kernel or value name: {@code [A-Za-z_][A-Za-z0-9_.]*}, at most
   * {@link Limits#MAX_NAME_LENGTH} characters, not {@linkplain #isReserved reserved}.
   */
  public static boolean isIdentifier(String s) {
    // A loop, not a regex: every program a search builds passes here, one name per value.
    if (s == null || s.isEmpty() || s.length() > Limits.MAX_NAME_LENGTH) {
      return false;
    }
    char c0 = s.charAt(0);
    if (!(isLetter(c0) || c0 == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(isLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
        return false;
      }
    }
    return !isReserved(s);
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** Names the text syntax uses as keywords or literals. */
  public static boolean isReserved(String s) {
    return switch (s) {
      case "kernel", "input", "output", "inf", "nan", "f", "i32", "int" -> true;
      default -> false;
    };
  }

  /**
   * Checks the parts of a program.
   *
   * @return every problem found, in program order; empty if the program is well formed
   */
  public static List<Problem> check(
      String name, NumberFormat format, List<Input> inputs, List<Instr> body, List<Ref> outputs) {
    List<Problem> problems = new ArrayList<>();
    if (!isIdentifier(name)) {
      problems.add(new Problem(Part.HEADER, 0, -1, "bad kernel name '" + name + "'"));
    }
    if (format == null) {
      problems.add(new Problem(Part.HEADER, 0, -1, "no number format"));
    }
    if (inputs.size() > Limits.MAX_PORTS) {
      problems.add(new Problem(Part.HEADER, 0, -1, "more than " + Limits.MAX_PORTS + " inputs"));
    }
    if (body.size() > Limits.MAX_INSTRUCTIONS) {
      problems.add(
          new Problem(
              Part.HEADER,
              0,
              -1,
              "program too large: "
                  + body.size()
                  + " instructions (limit "
                  + Limits.MAX_INSTRUCTIONS
                  + ")"));
      return problems;
    }
    Names defined = new Names(inputs.size() + body.size());
    Type[] types = new Type[inputs.size() + body.size()];
    int typed = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Input in = inputs.get(i);
      checkName(problems, Part.INPUT, i, in.name(), defined);
      types[typed++] = in.type();
    }
    for (int i = 0; i < body.size(); i++) {
      Instr ins = body.get(i);
      int self = inputs.size() + i;
      checkName(problems, Part.INSTRUCTION, i, ins.name(), defined);
      Op op = ins.op();
      types[typed++] = op.result();
      if (format != null && op.float64Only() && format != NumberFormat.FLOAT64) {
        problems.add(
            new Problem(
                Part.INSTRUCTION,
                i,
                -1,
                "'" + op.mnemonic() + "' exists only in float64 kernels, not in " + format));
      }
      if (format != null && op.needsI32Codes() && !format.hasI32Codes()) {
        problems.add(
            new Problem(
                Part.INSTRUCTION,
                i,
                -1,
                "'" + op.mnemonic() + "' needs a format of at most 32 bits, not " + format));
      }
      if (ins.args().size() != op.arity()) {
        problems.add(
            new Problem(
                Part.INSTRUCTION,
                i,
                -1,
                "'"
                    + op.mnemonic()
                    + "' takes "
                    + op.arity()
                    + " operand"
                    + (op.arity() == 1 ? "" : "s")
                    + ", got "
                    + ins.args().size()));
        continue;
      }
      for (int a = 0; a < op.arity(); a++) {
        Operand arg = ins.args().get(a);
        Type want = op.params().get(a);
        Type got;
        switch (arg) {
          case Ref r -> {
            if (r.index() >= self) {
              problems.add(
                  new Problem(
                      Part.INSTRUCTION,
                      i,
                      a,
                      "operand refers to value "
                          + r.index()
                          + ", which is not defined before this instruction"));
              continue;
            }
            got = types[r.index()];
          }
          case FloatLit l -> {
            got = Type.F;
            checkFloatLiteral(problems, format, i, a, l.value());
          }
          case I32Lit l -> got = Type.I32;
          case IntLit l -> {
            got = Type.INT;
            if (l.value().bitLength() > Limits.MAX_LITERAL_BITS) {
              problems.add(
                  new Problem(
                      Part.INSTRUCTION,
                      i,
                      a,
                      "int literal too large: "
                          + l.value().bitLength()
                          + " bits (limit "
                          + Limits.MAX_LITERAL_BITS
                          + ")"));
            }
          }
        }
        if (got != want) {
          problems.add(
              new Problem(
                  Part.INSTRUCTION,
                  i,
                  a,
                  "type mismatch: '"
                      + op.mnemonic()
                      + "' operand "
                      + (a + 1)
                      + " must be "
                      + want
                      + ", got "
                      + got));
        }
      }
    }
    if (outputs.isEmpty()) {
      problems.add(new Problem(Part.HEADER, 0, -1, "missing output: the kernel declares none"));
    }
    if (outputs.size() > Limits.MAX_PORTS) {
      problems.add(new Problem(Part.HEADER, 0, -1, "more than " + Limits.MAX_PORTS + " outputs"));
    }
    for (int o = 0; o < outputs.size(); o++) {
      Ref r = outputs.get(o);
      if (r.index() >= typed) {
        problems.add(
            new Problem(
                Part.OUTPUT,
                o,
                -1,
                "output refers to value " + r.index() + ", which is undefined"));
      }
    }
    return problems;
  }

  private static void checkName(
      List<Problem> problems, Part part, int index, String name, Names defined) {
    if (!isIdentifier(name)) {
      problems.add(new Problem(part, index, -1, "bad name '" + name + "'"));
      return;
    }
    if (!defined.add(name)) {
      problems.add(new Problem(part, index, -1, "'" + name + "' is already defined"));
    }
  }

  /**
   * The names defined so far. A program built by a search has a few dozen values and is checked
   * once per candidate: a scan of their hash codes costs less than a hash map's nodes; large
   * programs (parsed ones) switch to a hash set.
   */
  private static final class Names {
    private static final int SCAN = 32;
    private final String[] names;
    private final int[] hashes;
    private int count;
    private Set<String> set;

    Names(int capacity) {
      int n = Math.min(capacity, SCAN);
      names = new String[n];
      hashes = new int[n];
    }

    /** Adds a name; false if it was already there. */
    boolean add(String name) {
      if (set != null) {
        return set.add(name);
      }
      int h = name.hashCode();
      for (int i = 0; i < count; i++) {
        if (hashes[i] == h && names[i].equals(name)) {
          return false;
        }
      }
      if (count == names.length) {
        set = new HashSet<>(Arrays.asList(names));
        return set.add(name);
      }
      names[count] = name;
      hashes[count++] = h;
      return true;
    }
  }

  private static void checkFloatLiteral(
      List<Problem> problems, NumberFormat format, int instr, int arg, double v) {
    if (format == null || Double.isNaN(v)) {
      return;
    }
    double r = format.round(v);
    if (Double.doubleToRawLongBits(r) != Double.doubleToRawLongBits(v)) {
      problems.add(
          new Problem(
              Part.INSTRUCTION,
              instr,
              arg,
              "literal " + v + " is not exactly representable in " + format));
    }
  }

  /**
   * Instructions whose value no output depends on (dead code): legal, reported as warnings.
   *
   * @return instruction indices, ascending
   */
  public static List<Integer> deadInstructions(Program p) {
    boolean[] live = p.liveValues();
    List<Integer> dead = new ArrayList<>();
    int k = p.inputs().size();
    for (int i = 0; i < p.body().size(); i++) {
      if (!live[k + i]) {
        dead.add(i);
      }
    }
    return dead;
  }
}
