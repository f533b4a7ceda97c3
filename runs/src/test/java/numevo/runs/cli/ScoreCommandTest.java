package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code numevo score} and {@code numevo targets} through {@link Main#run}. */
class ScoreCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static final Path ROOT = Path.of(System.getProperty("numevo.root", ".."));
  private static final String BASELINES =
      ROOT.resolve("targets/src/main/resources/numevo/targets/baselines").toString();

  @Test
  void targetsListsEveryTargetOnOneLine() {
    Run r = run("targets");
    assertEquals(0, r.exit(), r.err());
    for (String name :
        new String[] {"exp2 ", "exp ", "exp2-real ", "log2 ", "rsqrt ", "sigmoid "}) {
      assertEquals(
          1, r.out().lines().filter(l -> l.startsWith(name)).count(), name + " in\n" + r.out());
    }
  }

  @Test
  void targetsDescribesOneTargetWithItsBaselines() {
    Run r = run("targets", "exp2");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("1,065,353,217 points"), r.out());
    assertTrue(r.out().contains("horner6_fma"), r.out());
  }

  @Test
  void sampledScoreSaysHowManyPointsAndWhichSeed() {
    Run r =
        run(
            "score",
            BASELINES + "/exp2/horner6_fma.kernel",
            "--target",
            "exp2",
            "--points",
            "5000",
            "--seed",
            "9");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().contains("sampled: 5,000 points of the validation sample with seed 9"), r.out());
    assertTrue(r.out().contains("max_ulp"), r.out());
  }

  @Test
  void jsonHasTheKeysOfTheIssue() throws Exception {
    Run r =
        run(
            "score",
            BASELINES + "/exp2-real/horner3_fma.kernel",
            "--target",
            "exp2-real",
            "--points",
            "2000",
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode o = new ObjectMapper().readTree(r.out());
    for (String k :
        new String[] {
          "target",
          "method",
          "points",
          "max_ulp",
          "mean_ulp",
          "max_rel_err",
          "mean_rel_err",
          "ops",
          "cost"
        }) {
      assertTrue(o.has(k), k + " in " + r.out());
    }
    assertEquals("exp2-real", o.get("target").asText());
    assertEquals("sampled", o.get("method").asText());
    assertEquals(2000, o.get("points").asInt());
    assertEquals(3, o.get("ops").asInt());
    assertTrue(o.get("max_rel_err").asDouble() > 5e-5 && o.get("max_rel_err").asDouble() < 1e-4);
  }

  @Test
  void exhaustiveScoreOfAFileTargetCountsEveryPoint() throws IOException {
    Files.writeString(
        dir.resolve("ref.kernel"), "kernel r float64\ninput x : f\ny = sqrt x\noutput y\n");
    Files.writeString(
        dir.resolve("k.kernel"), "kernel k float32\ninput x : f\ny = sqrt x\noutput y\n");
    Files.writeString(
        dir.resolve("sqrt.target"),
        "name = sqrt-small\nformat = float32\ndomain = [1, 1.0078125)\nreference = ref.kernel\n");
    Run r =
        run(
            "score",
            dir.resolve("k.kernel").toString(),
            "--target",
            dir.resolve("sqrt.target").toString(),
            "--exhaustive",
            "--json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"method\" : \"exhaustive\""), r.out());
    assertTrue(r.out().contains("\"points\" : 65536"), r.out());
    // sqrt is correctly rounded: every point within half an ULP, all correctly rounded
    assertTrue(r.out().contains("\"correctly_rounded\" : 1.0"), r.out());
    assertTrue(r.out().contains("\"max_ulp\" : 0.49999"), r.out());
  }

  @Test
  void unknownTargetIsOneLineListingTheTargets() {
    Run r = run("score", BASELINES + "/exp2/horner6_fma.kernel", "--target", "exp3");
    assertEquals(1, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("unknown target 'exp3'; targets: exp2, exp, exp2-real"), r.err());
  }

  @Test
  void kernelOfTheWrongShapeIsOneLine() {
    Run r = run("score", BASELINES + "/exp2/horner6_fma.kernel", "--target", "exp2-real");
    assertEquals(1, r.exit());
    assertEquals(
        "numevo: kernel 'exp2_horner6_fma' does not fit target exp2-real: it must be float64 (f) -> (f), it is float32 (f) -> (f)",
        r.err().strip());
  }

  @Test
  void exhaustiveOfAnUnenumerableDomainAndForeignFlagsAreOneLineErrors() {
    Run r =
        run(
            "score",
            BASELINES + "/exp2-real/horner1_fma.kernel",
            "--target",
            "exp2-real",
            "--exhaustive");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("cannot be scored exhaustively"), r.err());
    r =
        run(
            "score",
            BASELINES + "/exp2/horner6_fma.kernel",
            "--target",
            "exp2",
            "--terms",
            "1,2,3");
    assertEquals(1, r.exit());
    assertTrue(r.err().strip().equals("numevo: target exp2 takes no parameter --terms"), r.err());
  }
}
