package numevo.dsl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import numevo.dsl.program.Limits;
import numevo.dsl.program.ProgramException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of malformed input, with the exact line and column the message gives. */
class ParserErrorTest {

  /** Lines 1-4: a float32 kernel with inputs x : f, n : i32, z : int. */
  private static final String HEAD =
      "kernel k float32\ninput x : f\ninput n : i32\ninput z : int\n";

  private static ProgramException failure(String source) {
    return assertThrows(ProgramException.class, () -> Parser.parse(source, "e.kernel"));
  }

  /** Asserts the message is {@code e.kernel:<at>: ...} and contains {@code fragment}. */
  private static void assertError(String source, String at, String fragment) {
    String message = failure(source).getMessage();
    assertTrue(message.startsWith("e.kernel:" + at + ": "), () -> "at " + at + ": " + message);
    assertTrue(message.contains(fragment), () -> "'" + fragment + "' not in: " + message);
    assertFalse(message.contains("\n") || message.contains("\r"), message);
  }

  static Stream<Arguments> errors() {
    String bigInt = BigInteger.ONE.shiftLeft(Limits.MAX_LITERAL_BITS).toString();
    return Stream.of(
        // ops, arity and types (the last two found by the model's Checker)
        Arguments.of(
            HEAD + "t = fmad x x x\noutput t", "5:5", "unknown op 'fmad' (did you mean fma"),
        Arguments.of(HEAD + "t = frobnicate x\noutput t", "5:5", "unknown op 'frobnicate'"),
        Arguments.of(HEAD + "t = add x x x\noutput t", "5:5", "'add' takes 2 operands, got 3"),
        Arguments.of(HEAD + "t = fma x x\noutput t", "5:5", "'fma' takes 3 operands, got 2"),
        Arguments.of(
            HEAD + "t = neg x " + "9".repeat(1500) + "\noutput t",
            "5:5",
            "'neg' takes 1 operand, got 2"),
        Arguments.of(
            HEAD + "t = add x n\noutput t", "5:11", "type mismatch: 'add' operand 2 must be f"),
        Arguments.of(HEAD + "t = add n 1.5\noutput t", "5:11", "operand 2 must be i32, got f"),
        Arguments.of(HEAD + "t = add x 1:i32\noutput t", "5:11", "operand 2 must be f, got i32"),
        Arguments.of(HEAD + "t = select x x x\noutput t", "5:12", "operand 1 must be i32, got f"),
        Arguments.of(HEAD + "t = lt n z\noutput t", "5:10", "operand 2 must be i32, got int"),
        Arguments.of(
            HEAD + "t = add 1 2\noutput t",
            "5:9",
            "ambiguous 'add': operand 1 could be f, i32, int; give a literal a type, e.g. 1:f or"
                + " 1:i32 or 1:int"),
        Arguments.of(HEAD + "t = select 1 2 3\noutput t", "5:14", "operand 2 could be"),
        // names
        Arguments.of(HEAD + "t = add x y\noutput t", "5:11", "undefined name 'y'"),
        Arguments.of(HEAD + "t = add x NaN\noutput t", "5:11", "float literals are written nan"),
        Arguments.of(HEAD + "input x : f\noutput x", "5:7", "'x' is already defined at line 2"),
        Arguments.of(HEAD + "t = neg x\nt = neg x\noutput t", "6:1", "'t' is already defined"),
        Arguments.of(HEAD + "input f : f\noutput x", "5:7", "bad name 'f': it is a reserved"),
        Arguments.of(HEAD + "1t = neg x\noutput x", "5:1", "bad name '1t'"),
        Arguments.of("kernel 1k float32\ninput x : f\noutput x", "1:8", "bad kernel name '1k'"),
        Arguments.of(HEAD + "t = add x:f x\noutput t", "5:11", "type suffix applies to literals"),
        // literals
        Arguments.of(HEAD + "t = add x 1.2.3\noutput t", "5:11", "bad literal '1.2.3'"),
        Arguments.of(HEAD + "t = add x 0x1.8\noutput t", "5:11", "bad literal '0x1.8'"),
        Arguments.of(HEAD + "t = add x $y\noutput t", "5:11", "bad operand '$y'"),
        Arguments.of(
            HEAD + "t = add n 3000000000\noutput t", "5:11", "i32 literal '3000000000' out of"),
        Arguments.of(HEAD + "t = add n -2147483649\noutput t", "5:11", "out of range"),
        Arguments.of(HEAD + "t = add n 0x100000000\noutput t", "5:11", "out of range"),
        Arguments.of(
            HEAD + "t = add z " + bigInt + "\noutput t",
            "5:11",
            "int literal too large: 4097 bits (limit 4096)"),
        Arguments.of(HEAD + "t = add n 1.5:i32\noutput t", "5:11", "bad i32 literal '1.5'"),
        Arguments.of(HEAD + "t = add x 1e9999999\noutput t", "5:11", "exponent too large"),
        Arguments.of(
            HEAD + "t = add x " + "1".repeat(2001) + "\noutput t", "5:11", "token too long"),
        // formats, types and keywords
        Arguments.of("kernel k float33\ninput x : f\noutput x", "1:10", "unknown format 'float33'"),
        Arguments.of("kernel k\ninput x : f\noutput x", "1:9", "expected a number format"),
        Arguments.of("kernel\ninput x : f\noutput x", "1:7", "expected a kernel name"),
        Arguments.of(HEAD + "t = add n 1:i64\noutput t", "5:13", "unknown type 'i64'"),
        Arguments.of(HEAD + "t = add n 1:\noutput t", "5:13", "expected a type after ':'"),
        Arguments.of(HEAD + "input y : float\noutput y", "5:11", "unknown type 'float'"),
        Arguments.of(HEAD + "input y f\noutput y", "5:9", "expected ':' after the input name"),
        Arguments.of(HEAD + "input y :\noutput y", "5:10", "expected a type after ':'"),
        Arguments.of(HEAD + "input\noutput x", "5:6", "expected an input name"),
        Arguments.of(HEAD + "inptu y : f\noutput x", "5:1", "unknown keyword 'inptu'"),
        Arguments.of(HEAD + "t =\noutput x", "5:4", "expected an op after '='"),
        Arguments.of(HEAD + "t = add x = x\noutput t", "5:11", "unexpected '='"),
        Arguments.of(HEAD + "= add x x\noutput x", "5:1", "unexpected '='"),
        Arguments.of(HEAD + "output\n", "5:7", "expected a value name after 'output'"),
        // format restrictions (Checker)
        Arguments.of(HEAD + "t = exp x\noutput t", "5:5", "'exp' exists only in float64"),
        Arguments.of(HEAD + "t = pow x 2\noutput t", "5:5", "'pow' exists only in float64"),
        Arguments.of(
            "kernel k float64\ninput x : f\nt = bits x\noutput t",
            "3:5",
            "'bits' needs a format of at most 32 bits"),
        Arguments.of(
            "kernel k f64\ninput n : i32\nt = frombits n\noutput t", "3:5", "'frombits' needs"),
        // structure
        Arguments.of("input x : f\noutput x", "1:1", "missing kernel line"),
        Arguments.of("# c\n\n  input x : f\noutput x", "3:3", "missing kernel line"),
        Arguments.of("", "1:1", "empty file"),
        Arguments.of("# only a comment\n\n   \n", "1:1", "empty file"),
        Arguments.of(HEAD + "t = add x x\n", "1:1", "missing output"),
        Arguments.of(HEAD + "output y", "5:8", "undefined name 'y'"),
        Arguments.of(HEAD + "output 1.0", "5:8", "an output names a value, not '1.0'"),
        Arguments.of(HEAD + "t = neg x\ninput y : f\noutput t", "6:1", "input after instructions"),
        Arguments.of(HEAD + "output x\ninput y : f", "6:1", "input after outputs"),
        Arguments.of(HEAD + "output x\nt = neg x", "6:1", "instruction after outputs"),
        Arguments.of(HEAD + "kernel k2 float32\noutput x", "5:1", "duplicate kernel line"),
        // trailing garbage
        Arguments.of("kernel k float32 extra\ninput x : f\noutput x", "1:18", "unexpected 'extra'"),
        Arguments.of(HEAD + "input y : f g\noutput y", "5:13", "unexpected 'g'"),
        Arguments.of(HEAD + "output x n", "5:10", "one output per line"));
  }

  @ParameterizedTest(name = "{index}: {1} {2}")
  @MethodSource("errors")
  void eachMalformedInputIsReportedAtItsToken(String source, String at, String fragment) {
    assertError(source, at, fragment);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exp", "log", "sin", "cos", "tanh"})
  void float64OnlyOpsAreRejectedInOtherFormats(String op) {
    assertError(
        "kernel k bf16\ninput x : f\n t = " + op + " x\noutput t",
        "3:6",
        "'" + op + "' exists only in float64 kernels, not in bfloat16");
  }

  @Test
  void aProgramTooLargeIsReportedAtTheFirstInstructionOverTheLimit() {
    StringBuilder sb = new StringBuilder(HEAD);
    for (int i = 0; i <= Limits.MAX_INSTRUCTIONS; i++) {
      sb.append('t').append(i).append(" = neg x\n");
    }
    sb.append("output x\n");
    int line = 5 + Limits.MAX_INSTRUCTIONS;
    assertError(sb.toString(), line + ":1", "program too large: more than 10000 instructions");
  }

  @Test
  void tooManyOutputsAreReportedAtTheKernelLine() {
    String source = HEAD + "output x\n".repeat(Limits.MAX_PORTS + 1);
    assertError(source, "1:1", "more than 64 outputs");
  }

  @Test
  void aSourceOverOneMebibyteIsRejectedWhole() {
    String source = HEAD + "# " + "x".repeat(Parser.MAX_SOURCE_SIZE) + "\noutput x\n";
    assertEquals(
        "e.kernel: too large: " + source.length() + " characters (limit 1048576)",
        failure(source).getMessage());
  }

  @Test
  void everyFaultyLineIsListedOnceInSourceOrder() {
    String source =
        HEAD
            + "a = fmad x x x\n" // 5: unknown op
            + "b = add a x\n" // 6: uses a poisoned name: no second error
            + "c = add x y\n" // 7: undefined
            + "d = add x 1.2.3\n" // 8: bad literal
            + "output b\n";
    ProgramException e = failure(source);
    assertEquals(3, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).startsWith("e.kernel:5:5: unknown op"));
    assertTrue(e.problems().get(1).startsWith("e.kernel:7:11: undefined name"));
    assertTrue(e.problems().get(2).startsWith("e.kernel:8:11: bad literal"));
    assertEquals(e.problems().get(0), e.getMessage());
  }

  @Test
  void everyCheckerProblemIsMappedToItsToken() {
    String source = HEAD + "a = add x n\nb = sub z 1.5\nc = sqrt x x\noutput c\n";
    ProgramException e = failure(source);
    assertEquals(3, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).startsWith("e.kernel:5:11: type mismatch"));
    assertTrue(e.problems().get(1).startsWith("e.kernel:6:11: type mismatch"));
    assertTrue(e.problems().get(2).startsWith("e.kernel:7:5: 'sqrt' takes 1 operand, got 2"));
  }

  @Test
  void controlCharactersInATokenDoNotBreakTheMessageOntoTwoLines() {
    String source = HEAD + "t = add x a\u0085b\u000bc\noutput t";
    String message = failure(source).getMessage();
    assertTrue(message.startsWith("e.kernel:5:11: undefined name 'a\\u0085b"), message);
  }
}
