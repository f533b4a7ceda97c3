package numevo.dsl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.ProgramException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hex literals are exact: one the kernel's format cannot hold is an error at its position. */
class HexLiteralsMustBeExactTest {

  private static String kernel(String format, String literal) {
    return "kernel k " + format + "\ninput x : f\ny = add x " + literal + "\noutput y\n";
  }

  @ParameterizedTest
  @CsvSource({
    "float32, 0x1p-150, 0.0",
    "float32, 0x1.fffffffffp0, 2.0",
    "float32, 0x1000001, 1.6777216E7",
    "float32, 0x1p200, inf",
    "bfloat16, 0x1.01p0, 1.0",
    "e4m3fn, -0x1.1p0, -1.0",
    "float64, 0x1.00000000000008p0, 1.0"
  })
  void anInexactHexLiteralIsAnErrorNamingItAndTheFormat(
      String format, String literal, String readsAs) {
    ProgramException e =
        assertThrows(
            ProgramException.class, () -> Parser.parse(kernel(format, literal), "h.kernel"));
    assertEquals(
        "h.kernel:3:11: hex literal '"
            + literal
            + "' is not exactly representable in "
            + format
            + " (it would read as "
            + readsAs
            + "); hex literals are exact: write a "
            + format
            + " value or a decimal literal, which is rounded once",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "float32, 0x1p-149, 0x1p-149",
    "float32, 0x1.fffffep0, 0x1.fffffep0",
    "float32, -0x0p0, -0.0",
    "float32, 0x1000000, 0x1p24",
    "bfloat16, 0x1.02p0, 0x1.02p0",
    "float64, 0x1.62e42fefa39efp-1, 0x1.62e42fefa39efp-1"
  })
  void anExactHexLiteralReadsAsItsValue(String format, String literal, double value) {
    var p = Parser.parse(kernel(format, literal), "h.kernel");
    assertEquals(value, ((FloatLit) p.body().get(0).args().get(1)).value());
  }

  @Test
  void decimalLiteralsAreStillRoundedOnce() {
    var p = Parser.parse(kernel("float32", "1e-50"), "h.kernel");
    assertEquals(0.0, ((FloatLit) p.body().get(0).args().get(1)).value());
  }
}
