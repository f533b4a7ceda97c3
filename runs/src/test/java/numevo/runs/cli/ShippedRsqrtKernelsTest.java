package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import numevo.runs.cli.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rsqrt kernels, {@code kernels/rsqrt/rsqrt-cost{15,19,23}.kernel}: their committed
 * exports are what {@code numevo export} makes of them today, and, scored exhaustively over one
 * period of their error (every float32 in [1, 4), {@code examples/rsqrt_period.target}), they have
 * the relative errors and costs kernels/rsqrt/README.md states and beat the published kernels they
 * are compared with there, scored the same way in the same test. (The figures over all positive
 * normals are measurements, kernels/rsqrt/README.md, not a unit test.)
 */
class ShippedRsqrtKernelsTest {
  private static final Path DIR = Path.of("..", "kernels", "rsqrt");
  private static final Path PERIOD = Path.of("..", "examples", "rsqrt_period.target");

  @TempDir Path tmp;

  private void exportMatches(int cost) throws IOException {
    exportMatches("rsqrt-cost" + cost, "RsqrtCost" + cost);
  }

  private void exportMatches(String file, String javaName) throws IOException {
    Path kernel = DIR.resolve(file + ".kernel");
    String[][] exports = {
      {"java", javaName + ".java", "--name", javaName},
      {"c", file + ".c"}
    };
    for (String[] e : exports) {
      Path out = tmp.resolve(e[1]);
      String[] args =
          e.length > 2
              ? new String[] {
                "export", kernel.toString(), "--lang", e[0], "-o", out.toString(), e[2], e[3]
              }
              : new String[] {"export", kernel.toString(), "--lang", e[0], "-o", out.toString()};
      Run r = run(args);
      assertEquals(0, r.exit(), r.err());
      assertArrayEquals(
          Files.readAllBytes(DIR.resolve(e[1])),
          Files.readAllBytes(out),
          DIR.resolve(e[1]) + " is stale: regenerate it (kernels/rsqrt/README.md)");
    }
  }

  @Test
  void theCommittedExportsAreUpToDateWithTheKernels() throws IOException {
    exportMatches(15);
    exportMatches(19);
    exportMatches(23);
    exportMatches("rsqrt-searched15", "RsqrtSearched15");
  }

  private static JsonNode period(Path kernel) throws IOException {
    Run r =
        run(
            "score",
            kernel.toString(),
            "--target",
            PERIOD.toString(),
            "--exhaustive",
            "--threads",
            "2",
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode s = new ObjectMapper().readTree(r.out());
    assertEquals("exhaustive", s.get("method").asText());
    assertEquals(1L << 24, s.get("points").asLong());
    assertEquals(0, s.get("inf_rel_points").asLong(), r.out());
    return s;
  }

  @Test
  void costFifteenMatchesKadlecsErrorAtALowerCost() throws IOException {
    JsonNode k = period(DIR.resolve("rsqrt-cost15.kernel"));
    JsonNode anchor = period(DIR.resolve("anchors").resolve("kadlec_5f1ffff9.kernel"));
    double e = k.get("max_rel_err").asDouble();
    assertTrue(Math.abs(e - 6.50183e-4) < 1e-9, k.toString());
    assertTrue(e < anchor.get("max_rel_err").asDouble(), anchor.toString());
    assertEquals(15, k.get("cost").asDouble());
    assertEquals(17, anchor.get("cost").asDouble());
  }

  @Test
  void costNineteenHasKadlecsOpCountAndFortyTimesLessError() throws IOException {
    JsonNode k = period(DIR.resolve("rsqrt-cost19.kernel"));
    assertTrue(Math.abs(k.get("max_rel_err").asDouble() - 1.60905e-5) < 1e-10, k.toString());
    assertEquals(9, k.get("ops").asInt());
    assertEquals(19, k.get("cost").asDouble());
  }

  @Test
  void costTwentyThreeBeatsThePublishedTwoStepCodeOnErrorAndCost() throws IOException {
    JsonNode k = period(DIR.resolve("rsqrt-cost23.kernel"));
    JsonNode anchor = period(DIR.resolve("anchors").resolve("walczyk2_5f376908.kernel"));
    double e = k.get("max_rel_err").asDouble();
    assertTrue(Math.abs(e - 6.15108e-7) < 1e-12, k.toString());
    assertTrue(e < anchor.get("max_rel_err").asDouble(), anchor.toString());
    assertEquals(23, k.get("cost").asDouble());
    assertEquals(29, anchor.get("cost").asDouble());
  }

  @Test
  void theSearchedCostFifteenKernelHasKadlecsErrorTo0_0025PercentAtALowerCost() throws IOException {
    // Found by numevo search from the shipped baselines (docs/RESULTS.md): not below Kadlec's
    // error, 1.000025 times it, at 15 cycles against 17.
    JsonNode k = period(DIR.resolve("rsqrt-searched15.kernel"));
    JsonNode anchor = period(DIR.resolve("anchors").resolve("kadlec_5f1ffff9.kernel"));
    double e = k.get("max_rel_err").asDouble();
    assertTrue(Math.abs(e - 6.50213e-4) < 1e-9, k.toString());
    assertTrue(e < 1.00003 * anchor.get("max_rel_err").asDouble(), anchor.toString());
    assertEquals(15, k.get("cost").asDouble());
  }
}
