package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import numevo.dsl.format.NumberFormat;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.TargetException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target files: a good one behaves like the built-in target; every error names file:line:col. */
class TargetFileTest {
  @TempDir static Path dir;

  @BeforeAll
  static void kernels() throws IOException {
    Files.writeString(
        dir.resolve("ref.kernel"),
        """
        kernel exp2_reference float64
        input x : f
        t = mul x 0x1.62e42fefa39efp-1
        y = exp t
        output y
        """);
    Files.writeString(
        dir.resolve("f32.kernel"),
        """
        kernel lin float32
        input x : f
        y = fma x 0.6931 1.0
        output y
        """);
    Files.writeString(dir.resolve("bad.kernel"), "kernel bad float64\ninput x : f\ny = frob x\n");
  }

  private static FloatTarget parse(String text) {
    return TargetFile.parse(text, "t.target", dir);
  }

  private static String error(String text) {
    return assertThrows(TargetException.class, () -> parse(text)).getMessage();
  }

  private static final String GOOD =
      """
      # 2^x again, from a file
      name = exp2-file
      format = float32
      domain = [0, 1)
      metric = ulp
      reference = ref.kernel
      baseline = f32.kernel
      """;

  @Test
  void goodFileGivesTheSameScoresAsTheBuiltInTarget() {
    FloatTarget t = parse(GOOD);
    assertEquals("exp2-file", t.name());
    assertEquals(FloatTargets.exp2().domainSize(), t.domainSize());
    assertEquals(1, t.baselines().size());
    ScoreOptions o = ScoreOptions.of().withPoints(20_000);
    var kernel = t.baselines().get(0).program();
    Score fromFile = t.score(kernel, o);
    Score builtIn = FloatTargets.exp2().score(kernel, o);
    // Same sample plan shape is not promised, but both measure the same function: the worst
    // error of a linear fit is ~ 0.057 * 2^23 ULP either way.
    double a = fromFile.value(Metric.MAX_ULP).orElseThrow();
    double b = builtIn.value(Metric.MAX_ULP).orElseThrow();
    assertEquals(b, a, 0.02 * b);
  }

  @Test
  void fileTargetScoresExhaustivelyOnASmallDomain() {
    FloatTarget t = parse(GOOD.replace("[0, 1)", "[0.5, 0x1.02p-1)"));
    Score s = t.score(t.baselines().get(0).program(), ScoreOptions.exhaustive().withThreads(2));
    assertEquals(t.domainSize().getAsLong(), s.points());
    assertEquals(65_536, s.points());
  }

  @Test
  void aFileWithAByteOrderMarkReadsAndBinaryContentIsLocated() throws IOException {
    Path bom = Files.writeString(dir.resolve("bom.target"), "\uFEFF" + GOOD);
    assertEquals("exp2-file", TargetFile.read(bom).name());
    Path bin = dir.resolve("bin.target");
    Files.write(bin, (GOOD + "\u0000\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    TargetException e = assertThrows(TargetException.class, () -> TargetFile.read(bin));
    assertTrue(
        e.getMessage()
            .matches(
                ".*bin\\.target:\\d+:1: binary content \\(control character U\\+0000\\):"
                    + " expected a text file"),
        e.getMessage());
  }

  @Test
  void unknownKeyIsLocated() {
    String m = error(GOOD + "  colour = red\n");
    assertTrue(m.startsWith("t.target:8:3: unknown key 'colour'"), m);
  }

  @Test
  void badIntervalIsLocatedAtItsColumn() {
    String m = error(GOOD.replace("[0, 1)", "[0, 1) [2 3]"));
    assertTrue(m.startsWith("t.target:4:20: expected ','"), m);
    m = error(GOOD.replace("[0, 1)", "[1, 0)"));
    assertTrue(m.startsWith("t.target:4:10: empty interval"), m);
    m = error(GOOD.replace("[0, 1)", "[0, x)"));
    assertTrue(m.startsWith("t.target:4:14: expected a number, got 'x'"), m);
  }

  @Test
  void missingRequiredKeyAndDuplicatesAndBadValues() {
    assertTrue(
        error(GOOD.replace("reference = ref.kernel\n", ""))
            .contains("missing required key 'reference'"));
    assertTrue(error(GOOD + "name = again\n").startsWith("t.target:8:1: 'name' is given twice"));
    assertTrue(
        error(GOOD.replace("float32", "float31"))
            .startsWith("t.target:3:10: unknown format 'float31'"));
    assertTrue(error(GOOD.replace("= ulp", "= ulps")).startsWith("t.target:5:10: unknown metric"));
    assertTrue(
        error(GOOD.replace("name = exp2-file", "name = exp 2"))
            .startsWith("t.target:2:8: bad target name"));
  }

  @Test
  void referenceProblemsAreLocatedAtTheReferenceValue() {
    String m = error(GOOD.replace("ref.kernel", "nope.kernel"));
    assertTrue(m.startsWith("t.target:6:13: ") && m.contains("nope.kernel"), m);
    m = error(GOOD.replace("reference = ref.kernel", "reference = f32.kernel"));
    assertTrue(m.startsWith("t.target:6:13: ") && m.contains("must be float64"), m);
    m = error(GOOD.replace("ref.kernel", "bad.kernel"));
    assertTrue(m.startsWith("t.target:6:13: ") && m.contains("bad.kernel:3:"), m);
    m = error(GOOD.replace("baseline = f32.kernel", "baseline = ref.kernel"));
    assertTrue(m.startsWith("t.target:7:12: baseline ref.kernel must be float32"), m);
  }

  @Test
  void readsTheShippedExampleFile() {
    Path root = Path.of(System.getProperty("numevo.root", "..")).resolve("examples");
    FloatTarget t = TargetFile.read(root.resolve("exp2.target"));
    assertEquals(NumberFormat.FLOAT32, t.signature().format());
    assertEquals(Metric.MAX_ULP, t.objective());
  }
}
