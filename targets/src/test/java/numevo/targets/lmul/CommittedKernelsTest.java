package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import numevo.dsl.export.CExporter;
import numevo.dsl.export.JavaExporter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernels committed under {@code kernels/lmul-e4m3}, {@code kernels/lmul-e5m2} and {@code
 * kernels/lmul-bf16} (issue 14): each keeps to the L-Mul primitive set, the {@code exact_int_*}
 * ones match the correctly rounded product on all 65,536 pairs (bfloat16: on the target's
 * stratified sample), and the C and Java exports beside each DSL file are what {@code numevo
 * export} writes today.
 */
class CommittedKernelsTest {

  record Case(Path file, NumberFormat format) {
    @Override
    public String toString() {
      return file.getParent().getFileName() + "/" + file.getFileName();
    }

    Program kernel() {
      return Parser.parseFile(file).program();
    }
  }

  static Stream<Case> kernels() throws IOException {
    Path root =
        Path.of(System.getProperty("numevo.root", "..")).resolve("kernels").toAbsolutePath();
    List<Case> cases = new java.util.ArrayList<>();
    for (String dir : List.of("lmul-e4m3", "lmul-e5m2", "lmul-bf16")) {
      NumberFormat f =
          switch (dir) {
            case "lmul-e4m3" -> NumberFormat.E4M3FN;
            case "lmul-e5m2" -> NumberFormat.E5M2;
            default -> NumberFormat.BFLOAT16;
          };
      try (Stream<Path> files = Files.list(root.resolve(dir))) {
        files
            .filter(p -> p.toString().endsWith(".kernel"))
            .sorted()
            .forEach(p -> cases.add(new Case(p, f)));
      }
    }
    assertFalse(cases.isEmpty(), "no kernels under " + root);
    return cases.stream();
  }

  static Stream<Case> exactKernels() throws IOException {
    return kernels().filter(c -> c.file().getFileName().toString().startsWith("exact_int_"));
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void keepsToThePrimitiveSet(Case c) {
    Program p = c.kernel();
    assertEquals(c.format(), p.format());
    assertEquals(List.of(), LmulPrimitives.violations(p));
  }

  @ParameterizedTest
  @MethodSource("exactKernels")
  void exactKernelMatchesTheCorrectlyRoundedProductOnEveryPair(Case c) {
    LmulScore s = LmulScorer.of(LmulConfig.of(c.format())).score(c.kernel());
    // FP8: all 65,536 pairs; bfloat16: the target's stratified sample (kernels/lmul-check-bf16.c
    // checks every mantissa pair).
    assertEquals(c.format().bits() == 8 ? 1 << 16 : s.points(), s.points());
    assertTrue(s.points() >= 1 << 16);
    assertEquals(s.points(), s.exactCount());
    assertEquals(0, s.specialMismatches());
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void exportsAreUpToDate(Case c) throws IOException {
    Program p = c.kernel();
    Path dir = c.file().getParent();
    Path cFile = dir.resolve(p.name() + ".c");
    Path javaFile = dir.resolve(JavaExporter.className(p) + ".java");
    assertTrue(Files.exists(cFile), cFile + " missing: run scripts/lmul-kernels.sh");
    assertTrue(Files.exists(javaFile), javaFile + " missing: run scripts/lmul-kernels.sh");
    assertEquals(CExporter.export(p), Files.readString(cFile, StandardCharsets.UTF_8), "C export");
    assertEquals(
        JavaExporter.export(p, JavaExporter.className(p)),
        Files.readString(javaFile, StandardCharsets.UTF_8),
        "Java export");
  }
}
