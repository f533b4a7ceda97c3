package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import numevo.runs.cli.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code numevo bench}: one-line errors before any JMH fork, and one real {@code --quick} JMH run
 * (forked JVMs) whose JSON has a row per kernel with the keys. The figures themselves are
 * not checked: timing belongs to benchmarks, not tests.
 */
class BenchCommandTest {

  private static final String SQUARE =
      """
      kernel square float32
      input x : f
      y = mul x x
      output y
      """;

  @TempDir Path dir;

  private static void assertOneLineError(Run r, String expectedPart) {
    assertTrue(r.exit() != 0, "exit code");
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(expectedPart), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void anUnknownBuiltinIsAOneLineErrorNamingTheFlagAndTheKnownOnes() throws Exception {
    Path k = Files.writeString(dir.resolve("sq.kernel"), SQUARE, StandardCharsets.UTF_8);
    Run r = run("bench", k.toString(), "--vs", "builtin:expp");
    assertOneLineError(r, "--vs");
    assertTrue(r.err().contains("builtin:exp-strict"), r.err());
  }

  @Test
  void aMalformedKernelIsAOneLineErrorWithFileLineAndColumn() throws Exception {
    Path k =
        Files.writeString(
            dir.resolve("bad.kernel"),
            SQUARE.replace("mul x x", "mull x x"),
            StandardCharsets.UTF_8);
    assertOneLineError(run("bench", k.toString(), "--vs", "builtin:mul"), "bad.kernel:3:");
  }

  @Test
  void aBadDomainIsAOneLineFlagError() throws Exception {
    Path k = Files.writeString(dir.resolve("sq.kernel"), SQUARE, StandardCharsets.UTF_8);
    assertOneLineError(run("bench", k.toString(), "--domain", "2,1"), "--domain");
  }

  @Test
  void aBadShapeIsAOneLineFlagError() throws Exception {
    Path k = Files.writeString(dir.resolve("sq.kernel"), SQUARE, StandardCharsets.UTF_8);
    assertOneLineError(run("bench", k.toString(), "--shapes", "batch:1024,loop:8"), "--shapes");
    assertOneLineError(run("bench", k.toString(), "--shapes", "call:0"), "--shapes");
  }

  @Test
  void aBaselineWithoutPerCallFormIsRefusedForACallShape() throws Exception {
    Path k = Files.writeString(dir.resolve("sq.kernel"), SQUARE, StandardCharsets.UTF_8);
    Run r = run("bench", k.toString(), "--vs", "builtin:mul", "--shapes", "call:64");
    assertOneLineError(r, "--vs");
    assertTrue(r.err().contains("per-call"), r.err());
  }

  @Test
  void aQuickRunPrintsOneJsonRowPerKernelWithRatiosToTheFirstBaseline() throws Exception {
    Path k = Files.writeString(dir.resolve("sq.kernel"), SQUARE, StandardCharsets.UTF_8);
    // A benchmark someone runs beside the tests holds JMH's lock; this smoke run need not wait.
    // The property is global to the test JVM: put back what was there before.
    String before = System.setProperty("jmh.ignoreLock", "true");
    Run r;
    try {
      r = run("bench", k.toString(), "--vs", "builtin:mul", "--quick", "--json");
    } finally {
      if (before == null) {
        System.clearProperty("jmh.ignoreLock");
      } else {
        System.setProperty("jmh.ignoreLock", before);
      }
    }
    assertEquals(0, r.exit(), r.err());
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertEquals(2, rows.size(), r.out());
    assertEquals("builtin:mul", rows.get(0).get("kernel").asText());
    assertEquals(k.toString(), rows.get(1).get("kernel").asText());
    assertEquals(1.0, rows.get(0).get("ratio").asDouble(), 0.0);
    for (JsonNode row : rows) {
      assertEquals("batch:4096", row.get("shape").asText(), row.toString());
      assertTrue(row.get("ns_per_element").asDouble() > 0, row.toString());
      assertTrue(row.has("error"), row.toString());
      double expected =
          row.get("ns_per_element").asDouble() / rows.get(0).get("ns_per_element").asDouble();
      assertEquals(expected, row.get("ratio").asDouble(), 1e-12 * expected);
    }
  }

  @Test
  void anUnknownBackendIsAOneLineFlagError() throws Exception {
    Path k = Files.writeString(dir.resolve("sq.kernel"), SQUARE, StandardCharsets.UTF_8);
    assertOneLineError(run("bench", k.toString(), "--backend", "gpu"), "--backend");
  }

  @Test
  void bothBackendsGiveARowEachAndADeclinedKernelIsTimedScalarWithTheReason() throws Exception {
    Path k = Files.writeString(dir.resolve("sq.kernel"), SQUARE, StandardCharsets.UTF_8);
    Path d =
        Files.writeString(
            dir.resolve("sq64.kernel"),
            SQUARE.replace("float32", "float64"),
            StandardCharsets.UTF_8);
    String before = System.setProperty("jmh.ignoreLock", "true");
    Run r;
    try {
      r = run("bench", k.toString(), d.toString(), "--backend", "both", "--quick", "--json");
    } finally {
      if (before == null) {
        System.clearProperty("jmh.ignoreLock");
      } else {
        System.setProperty("jmh.ignoreLock", before);
      }
    }
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err().contains("sq64.kernel: the SIMD backend declines it (format float64"), r.err());
    JsonNode rows = new ObjectMapper().readTree(r.out());
    assertEquals(3, rows.size(), r.out());
    assertEquals(k + " [scalar]", rows.get(0).get("kernel").asText());
    assertEquals(k + " [simd]", rows.get(1).get("kernel").asText());
    assertEquals(d + " [scalar]", rows.get(2).get("kernel").asText());
  }
}
