package numevo.dsl.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Checker;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Limits;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Problem;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.program.Type;
import numevo.dsl.text.LiteralSyntax.Kind;
import numevo.dsl.text.Overloads.Ambiguous;
import numevo.dsl.text.Overloads.NoMatch;
import numevo.dsl.text.Overloads.Resolution;
import numevo.dsl.text.Overloads.Unique;

/**
 * One pass of the parser over one source text. Syntax, names, overloads and literals are checked
 * here, one error per line, continuing with the next line; if the text is clean the parts go
 * through the model's {@link Checker}, whose problems are mapped back to lines and columns.
 *
 * <p>A line that fails still declares its name as "poisoned": later lines that use it are skipped
 * silently instead of reporting the name as undefined, so one mistake gives one error.
 */
final class ParseRun {

  /** Longest token accepted; bounds the work any literal can cause (4096-bit ints fit easily). */
  static final int MAX_TOKEN_LENGTH = 2000;

  /** Errors collected before giving up. */
  private static final int MAX_ERRORS = 50;

  private static final int POISONED = -1;

  /** The sections of a file, in the order they must come. */
  private enum Section {
    NONE,
    INPUTS,
    BODY,
    OUTPUTS
  }

  /** Thrown internally to stop at a fatal error; carries nothing, the errors are in the run. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private final String file;
  private final List<Diagnostic> errors = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();

  private Section section = Section.NONE;
  private Token kernelToken;
  private String kernelName = "kernel";
  private NumberFormat format = NumberFormat.FLOAT64; // stand-in until a valid kernel line
  private int instructionLines;

  private final List<Input> inputs = new ArrayList<>();
  private final List<Instr> body = new ArrayList<>();
  private final List<Ref> outputs = new ArrayList<>();
  private final Map<String, Integer> values = new HashMap<>();
  private final Map<String, Token> definedAt = new HashMap<>();
  private final List<Type> valueTypes = new ArrayList<>();

  private final List<Position> inputPositions = new ArrayList<>();
  private final List<Position> namePositions = new ArrayList<>();
  private final List<Position> mnemonicPositions = new ArrayList<>();
  private final List<List<Position>> operandPositions = new ArrayList<>();
  private final List<Position> outputPositions = new ArrayList<>();

  ParseRun(String file) {
    this.file = file;
  }

  /**
   * @throws ProgramException with every error found, the first (in source order) as its message
   */
  ParsedProgram run(String source) {
    try {
      Iterator<String> lines = source.lines().iterator();
      int lineNumber = 0;
      while (lines.hasNext()) {
        lineNumber++;
        List<Token> tokens = Lexer.tokenize(lines.next(), lineNumber);
        if (!tokens.isEmpty()) {
          item(tokens);
        }
        if (errors.size() >= MAX_ERRORS) {
          throw new Stop();
        }
      }
    } catch (Stop stop) {
      throw failure(errors);
    }
    if (section == Section.NONE) {
      errors.add(
          new Diagnostic(
              Position.of(file, 1, 1), "empty file: expected a line 'kernel NAME FORMAT'"));
    }
    if (!errors.isEmpty()) {
      throw failure(errors);
    }
    return build();
  }

  private ParsedProgram build() {
    SourceMap map =
        new SourceMap(
            kernelToken.at(file),
            inputPositions,
            namePositions,
            mnemonicPositions,
            operandPositions,
            outputPositions);
    List<Problem> problems = Checker.check(kernelName, format, inputs, body, outputs);
    if (!problems.isEmpty()) {
      throw failure(
          problems.stream().map(p -> new Diagnostic(map.locate(p), p.message())).toList());
    }
    Program program = Program.of(kernelName, format, inputs, body, outputs);
    for (int dead : Checker.deadInstructions(program)) {
      warnings.add(
          new Diagnostic(
              map.instruction(dead),
              "warning: '"
                  + program.body().get(dead).name()
                  + "' is dead code: no output depends on it"));
    }
    List<String> sorted = warnings.stream().sorted().map(Diagnostic::toString).toList();
    return new ParsedProgram(program, map, sorted);
  }

  private ProgramException failure(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    Collections.sort(sorted); // stable: several errors at one place keep their order
    return new ProgramException(sorted.stream().map(Diagnostic::toString).toList());
  }

  private void error(Position at, String message) {
    errors.add(new Diagnostic(at, message));
  }

  private void error(Token at, String message) {
    error(at.at(file), message);
  }

  // ---- items ---------------------------------------------------------------------------------

  private void item(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.text().length() > MAX_TOKEN_LENGTH) {
        error(
            t,
            "token too long: "
                + t.text().length()
                + " characters (limit "
                + MAX_TOKEN_LENGTH
                + ")");
        poisonDefinition(tokens);
        return;
      }
    }
    Token first = tokens.get(0);
    if (section == Section.NONE && !first.is("kernel")) {
      error(
          first,
          "missing kernel line: the file must start with 'kernel NAME FORMAT', not "
              + first.quoted());
      kernelToken = first;
      section = Section.INPUTS;
      poisonDefinition(tokens);
      return;
    }
    switch (first.text()) {
      case "kernel" -> kernel(tokens);
      case "input" -> input(tokens);
      case "output" -> output(tokens);
      default -> instruction(tokens);
    }
  }

  private void kernel(List<Token> t) {
    Token keyword = t.get(0);
    if (section != Section.NONE) {
      error(keyword, "duplicate kernel line: 'kernel' comes once, as the first line");
      return;
    }
    kernelToken = keyword;
    section = Section.INPUTS;
    if (t.size() < 2 || t.get(1).isPunctuation()) {
      expected(t, 1, "a kernel name after 'kernel'");
      return;
    }
    Token name = t.get(1);
    if (!Checker.isIdentifier(name.text())) {
      error(name, badName(name, "kernel name"));
      return;
    }
    kernelName = name.text();
    if (t.size() < 3 || t.get(2).isPunctuation()) {
      expected(t, 2, "a number format after the kernel name, one of " + NumberFormat.names());
      return;
    }
    Token formatToken = t.get(2);
    var found = NumberFormat.byName(formatToken.text());
    if (found.isEmpty()) {
      error(
          formatToken,
          "unknown format " + formatToken.quoted() + ": expected one of " + NumberFormat.names());
      return;
    }
    format = found.get();
    if (t.size() > 3) {
      error(t.get(3), "unexpected " + t.get(3).quoted() + " after the kernel line");
    }
  }

  private void input(List<Token> t) {
    Token keyword = t.get(0);
    if (section.compareTo(Section.INPUTS) > 0) {
      error(
          keyword,
          "input after "
              + (section == Section.BODY ? "instructions" : "outputs")
              + ": inputs come right after the kernel line");
      poisonDefinition(t);
      return;
    }
    if (t.size() < 2 || t.get(1).isPunctuation()) {
      expected(t, 1, "an input name after 'input'");
      return;
    }
    Token name = t.get(1);
    if (!checkNewName(name)) {
      return;
    }
    if (t.size() < 3 || !t.get(2).is(":")) {
      expected(t, 2, "':' after the input name, as in 'input x : f'");
      poison(name);
      return;
    }
    if (t.size() < 4 || t.get(3).isPunctuation()) {
      expected(t, 3, "a type after ':', one of f, i32, int");
      poison(name);
      return;
    }
    Type type = type(t.get(3));
    if (type == null) {
      poison(name);
      return;
    }
    if (t.size() > 4) {
      error(t.get(4), "unexpected " + t.get(4).quoted() + " after the input's type");
      poison(name);
      return;
    }
    define(name, inputs.size(), type);
    inputs.add(Input.of(name.text(), type));
    inputPositions.add(name.at(file));
  }

  private void output(List<Token> t) {
    section = Section.OUTPUTS;
    if (t.size() < 2 || t.get(1).isPunctuation()) {
      expected(t, 1, "a value name after 'output'");
      return;
    }
    Token name = t.get(1);
    if (LiteralSyntax.classify(name.text()) != Kind.NAME) {
      error(name, "an output names a value, not " + name.quoted());
      return;
    }
    if (t.size() > 2) {
      error(t.get(2), "unexpected " + t.get(2).quoted() + ": one output per line");
      return;
    }
    Integer index = lookUp(name);
    if (index != null && index != POISONED) {
      outputs.add(Ref.of(index));
      outputPositions.add(name.at(file));
    }
  }

  private void instruction(List<Token> t) {
    Token name = t.get(0);
    if (name.isPunctuation()) {
      error(name, "unexpected " + name.quoted() + " at the start of a line");
      return;
    }
    if (t.size() < 2 || !t.get(1).is("=")) {
      error(
          name,
          "unknown keyword "
              + name.quoted()
              + ": a line is 'kernel', 'input', 'output' or 'NAME = OP OPERAND...'");
      return;
    }
    if (section == Section.OUTPUTS) {
      error(name, "instruction after outputs: outputs come last");
      poison(name);
      return;
    }
    section = Section.BODY;
    if (++instructionLines > Limits.MAX_INSTRUCTIONS) {
      error(
          name,
          "program too large: more than "
              + Limits.MAX_INSTRUCTIONS
              + " instructions (limit "
              + Limits.MAX_INSTRUCTIONS
              + ")");
      throw new Stop();
    }
    if (!checkNewName(name)) {
      return;
    }
    if (t.size() < 3 || t.get(2).isPunctuation()) {
      expected(t, 2, "an op after '='");
      poison(name);
      return;
    }
    Token mnemonic = t.get(2);
    List<Op> overloads = Op.overloads(mnemonic.text());
    if (overloads.isEmpty()) {
      error(mnemonic, unknownOp(mnemonic));
      poison(name);
      return;
    }
    Instr instr = operands(name, mnemonic, overloads, t.subList(3, t.size()));
    if (instr == null) {
      poison(name);
      return;
    }
    define(name, inputs.size() + body.size(), instr.op().result());
    body.add(instr);
    namePositions.add(name.at(file));
    mnemonicPositions.add(mnemonic.at(file));
  }

  /** An operand as written: its token and its optional type suffix. */
  private record Written(Token token, Token suffix, Kind kind, Integer ref) {}

  /**
   * Reads, resolves and builds the operands of an instruction.
   *
   * @return the instruction, or null after reporting an error (or on a poisoned reference)
   */
  private Instr operands(Token name, Token mnemonic, List<Op> overloads, List<Token> t) {
    List<Written> written = new ArrayList<>();
    List<Set<Type>> candidates = new ArrayList<>();
    boolean poisoned = false;
    for (int i = 0; i < t.size(); ) {
      Token token = t.get(i);
      if (token.isPunctuation()) {
        error(token, "unexpected " + token.quoted() + " where an operand belongs");
        return null;
      }
      Token suffix = null;
      if (i + 1 < t.size() && t.get(i + 1).is(":")) {
        if (i + 2 >= t.size() || t.get(i + 2).isPunctuation()) {
          error(t.get(i + 1).after(file), "expected a type after ':', one of f, i32, int");
          return null;
        }
        suffix = t.get(i + 2);
        i += 3;
      } else {
        i++;
      }
      Kind kind = LiteralSyntax.classify(token.text());
      switch (kind) {
        case NAME -> {
          if (suffix != null) {
            error(
                suffix,
                "a type suffix applies to literals only, not to the name " + token.quoted());
            return null;
          }
          Integer index = lookUp(token);
          if (index == null) {
            return null;
          }
          if (index == POISONED) {
            poisoned = true;
            candidates.add(EnumSet.allOf(Type.class));
          } else {
            candidates.add(EnumSet.of(valueTypes.get(index)));
          }
          written.add(new Written(token, null, kind, index));
        }
        case INTEGER, FLOAT -> {
          Set<Type> types = LiteralSyntax.candidates(kind);
          if (suffix != null) {
            Type type = type(suffix);
            if (type == null) {
              return null;
            }
            if (!types.contains(type)) {
              error(token, "bad " + type + " literal " + token.quoted() + ": expected an integer");
              return null;
            }
            types = EnumSet.of(type);
          }
          candidates.add(types);
          written.add(new Written(token, suffix, kind, null));
        }
        case BAD_LITERAL -> {
          error(
              token,
              "bad literal "
                  + token.quoted()
                  + ": expected an integer, a decimal, a hex float (0x1.8p3), inf, -inf or nan");
          return null;
        }
        case OTHER -> {
          error(token, "bad operand " + token.quoted() + ": expected a value name or a literal");
          return null;
        }
      }
    }
    if (poisoned) {
      return null; // an earlier line failed; its error explains this one
    }
    Resolution resolution = Overloads.resolve(overloads, candidates);
    Op op =
        switch (resolution) {
          case Unique u -> u.op();
          case NoMatch n -> n.closest(); // the Checker explains what is wrong with it
          case Ambiguous a -> {
            error(written.get(a.operand()).token(), ambiguous(mnemonic, a, written));
            yield null;
          }
        };
    if (op == null) {
      return null;
    }
    List<Operand> args = new ArrayList<>(written.size());
    List<Position> positions = new ArrayList<>(written.size());
    for (int a = 0; a < written.size(); a++) {
      Written w = written.get(a);
      positions.add(w.token().at(file));
      if (w.ref() != null) {
        args.add(Ref.of(w.ref()));
        continue;
      }
      Set<Type> types = candidates.get(a);
      Type want = a < op.arity() ? op.params().get(a) : null;
      // An operand past the op's arity is only there for the arity error: read it as the type
      // that never fails on an integer (int), so that error is the one reported.
      Type type =
          want != null && types.contains(want)
              ? want
              : types.contains(Type.INT) ? Type.INT : types.iterator().next();
      try {
        Operand literal = LiteralSyntax.read(w.token().text(), type, format);
        warnIfOverflow(w.token(), literal);
        args.add(literal);
      } catch (NumberFormatException e) {
        error(w.token(), e.getMessage());
        return null;
      }
    }
    operandPositions.add(positions);
    return new Instr(name.text(), op, args);
  }

  /** Warns when a literal reads as something its text does not say: inf or nan. */
  private void warnIfOverflow(Token token, Operand literal) {
    if (!(literal instanceof FloatLit f) || Double.isFinite(f.value())) {
      return;
    }
    String text = token.text().toLowerCase(Locale.ROOT);
    String reads = LiteralSyntax.text(literal, format);
    String why;
    if (!text.contains("inf") && !text.contains("nan")) {
      why = "overflows " + format + " and reads as " + reads;
    } else if (text.contains("inf") && Double.isNaN(f.value())) {
      why = "reads as nan: " + format + " has no infinities";
    } else {
      return;
    }
    warnings.add(new Diagnostic(token.at(file), "warning: literal " + token.quoted() + " " + why));
  }

  // ---- names and types -----------------------------------------------------------------------

  /**
   * Checks a name about to be defined: a valid identifier not defined before.
   *
   * @return whether it may be defined; if not, an error was reported and the name poisoned
   */
  private boolean checkNewName(Token name) {
    if (!Checker.isIdentifier(name.text())) {
      error(name, badName(name, "name"));
      poison(name);
      return false;
    }
    Token previous = definedAt.get(name.text());
    if (previous != null) {
      error(
          name,
          "'"
              + name.text()
              + "' is already defined at line "
              + previous.line()
              + ": every value has one definition");
      return false;
    }
    return true;
  }

  private static String badName(Token name, String what) {
    String s = name.text();
    if (Checker.isReserved(s)) {
      return "bad " + what + " " + name.quoted() + ": it is a reserved word";
    }
    if (s.length() > Limits.MAX_NAME_LENGTH) {
      return "bad "
          + what
          + " "
          + name.quoted()
          + ": longer than "
          + Limits.MAX_NAME_LENGTH
          + " characters";
    }
    return "bad "
        + what
        + " "
        + name.quoted()
        + ": a name is a letter or '_' followed by letters, digits, '_' or '.'";
  }

  private void define(Token name, int index, Type type) {
    values.put(name.text(), index);
    definedAt.put(name.text(), name);
    while (valueTypes.size() <= index) {
      valueTypes.add(null);
    }
    valueTypes.set(index, type);
  }

  private void poison(Token name) {
    values.putIfAbsent(name.text(), POISONED);
    definedAt.putIfAbsent(name.text(), name);
  }

  /** Poisons the name a skipped line would have defined, if it has the shape of a definition. */
  private void poisonDefinition(List<Token> t) {
    if (t.get(0).is("input") && t.size() > 1 && !t.get(1).isPunctuation()) {
      poison(t.get(1));
    } else if (t.size() > 1 && t.get(1).is("=") && !t.get(0).isPunctuation()) {
      poison(t.get(0));
    }
  }

  /**
   * @return the value index, {@link #POISONED}, or null after reporting an undefined name
   */
  private Integer lookUp(Token name) {
    Integer index = values.get(name.text());
    if (index == null) {
      String hint =
          switch (name.text().toLowerCase(Locale.ROOT)) {
            case "nan", "inf", "infinity" -> " (float literals are written nan, inf and -inf)";
            default -> "";
          };
      error(name, "undefined name " + name.quoted() + hint);
    }
    return index;
  }

  private Type type(Token token) {
    var type = Type.bySyntax(token.text());
    if (type.isEmpty()) {
      error(token, "unknown type " + token.quoted() + ": expected f, i32 or int");
      return null;
    }
    return type.get();
  }

  // ---- messages ------------------------------------------------------------------------------

  /** Reports that token {@code index} of a line is missing or wrong. */
  private void expected(List<Token> t, int index, String what) {
    if (index < t.size()) {
      error(t.get(index), "expected " + what + ", got " + t.get(index).quoted());
    } else {
      error(t.get(t.size() - 1).after(file), "expected " + what);
    }
  }

  private static String unknownOp(Token mnemonic) {
    List<String> close = Suggestions.close(mnemonic.text(), Op.mnemonics());
    return "unknown op "
        + mnemonic.quoted()
        + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)");
  }

  private static String ambiguous(Token mnemonic, Ambiguous a, List<Written> written) {
    String literal = written.get(a.operand()).token().text();
    String text = literal.length() <= 20 ? literal : "1"; // keep the hint short
    String types =
        a.ops().stream()
            .map(op -> op.params().get(a.operand()).syntax())
            .distinct()
            .collect(Collectors.joining(", "));
    String examples =
        a.ops().stream()
            .map(op -> text + ":" + op.params().get(a.operand()).syntax())
            .distinct()
            .collect(Collectors.joining(" or "));
    return "ambiguous "
        + mnemonic.quoted()
        + ": operand "
        + (a.operand() + 1)
        + " could be "
        + types
        + "; give a literal a type, e.g. "
        + examples;
  }
}
