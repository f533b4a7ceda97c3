package numevo.dsl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import numevo.dsl.format.FloatLiterals;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example kernels in {@code examples/} at the repository root. */
class ExamplesTest {

  private static Path examples() {
    String root = System.getProperty("numevo.root");
    Path dir = (root != null ? Path.of(root) : Path.of("..")).resolve("examples");
    assertTrue(Files.isDirectory(dir), "no examples directory at " + dir.toAbsolutePath());
    return dir;
  }

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(examples())) {
      return s.filter(p -> p.toString().endsWith(".kernel")).sorted().toList().stream();
    }
  }

  private static Program example(String name) {
    return Parser.parseFile(examples().resolve(name)).program();
  }

  @ParameterizedTest
  @MethodSource("files")
  void parsesWithoutWarningsAndRoundTrips(Path file) {
    ParsedProgram parsed = Parser.parseFile(file);
    assertEquals(List.of(), parsed.warnings());
    Program p = parsed.program();
    assertEquals(p, Parser.parse(Printer.print(p), "printed"));
  }

  @Test
  void thereAreAtLeastFiveExamples() throws IOException {
    assertTrue(files().count() >= 5);
  }

  @Test
  void theHornerPolynomialIsSixFmasOnFloat32Coefficients() {
    Program p = example("exp2_horner6.kernel");
    assertEquals(NumberFormat.FLOAT32, p.format());
    assertEquals(6, p.body().size());
    assertTrue(p.body().stream().allMatch(i -> i.op() == Op.FFMA));
    // The hex coefficients are the float32 roundings of the decimals in the comment.
    String[] decimals = {"2.18657848e-4", "1.23913318e-3", "9.68418631e-3"};
    List<Double> written =
        List.of(
            ((FloatLit) p.body().get(0).args().get(1)).value(),
            ((FloatLit) p.body().get(0).args().get(2)).value(),
            ((FloatLit) p.body().get(1).args().get(2)).value());
    for (int k = 0; k < decimals.length; k++) {
      assertEquals(FloatLiterals.parse(decimals[k], NumberFormat.FLOAT32), written.get(k));
    }
  }

  @Test
  void schraudolphUsesI32ArithmeticAndFrombits() {
    Program p = example("schraudolph_exp.kernel");
    assertEquals(
        List.of(Op.FMUL, Op.TOI, Op.IADD, Op.FROMBITS), p.body().stream().map(Instr::op).toList());
  }

  @Test
  void lmulWorksOnI32CodesOnly() {
    Program p = example("lmul_e4m3fn.kernel");
    assertEquals(NumberFormat.E4M3FN, p.format());
    assertEquals(List.of(Type.I32, Type.I32), p.inputTypes());
    assertTrue(p.body().stream().allMatch(i -> i.op().result() == Type.I32));
    assertTrue(
        p.body().stream().allMatch(i -> i.op().params().stream().allMatch(Type.I32::equals)));
  }

  @Test
  void theReferenceUsesExpInFloat64() {
    Program p = example("exp2_reference.kernel");
    assertEquals(NumberFormat.FLOAT64, p.format());
    assertEquals(Op.FEXP, p.body().get(1).op());
  }

  @Test
  void fibonacciAddsTwoInts() {
    Program p = example("fibonacci_step.kernel");
    assertEquals(List.of(Type.INT, Type.INT), p.inputTypes());
    assertEquals(Op.ZADD, p.body().get(0).op());
    assertEquals(List.of(Type.INT), p.outputTypes());
  }
}
