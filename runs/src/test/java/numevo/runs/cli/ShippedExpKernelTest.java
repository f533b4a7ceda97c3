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
import numevo.dsl.eval.Interpreter;
import numevo.dsl.text.Parser;
import numevo.runs.cli.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped full-range exp kernel, {@code kernels/exp/exp.kernel}: its committed exports are what
 * {@code numevo export} makes of it today, it gets the special values right, and it is within 1 ULP
 * with no infinite error on a million-point sample of the exp target. (The exhaustive figure over
 * all 2^32 inputs is a measurement, kernels/exp/README.md, not a unit test.)
 */
class ShippedExpKernelTest {
  private static final Path DIR = Path.of("..", "kernels", "exp");
  private static final Path KERNEL = DIR.resolve("exp.kernel");

  @TempDir Path tmp;

  private void exportMatches(String lang, String committed) throws IOException {
    Path out = tmp.resolve(committed);
    Run r = run("export", KERNEL.toString(), "--lang", lang, "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertArrayEquals(
        Files.readAllBytes(DIR.resolve(committed)),
        Files.readAllBytes(out),
        DIR.resolve(committed)
            + " is stale: regenerate it with numevo export "
            + KERNEL
            + " --lang "
            + lang
            + " (kernels/exp/README.md)");
  }

  @Test
  void theCommittedExportsAreUpToDateWithTheKernel() throws IOException {
    exportMatches("java", "ExpF32.java");
    exportMatches("c", "exp_f32.c");
    exportMatches("dsl", "exp_f32.canonical.kernel");
    exportMatches("class", "ExpF32.class");
  }

  private static float exp(float x) throws IOException {
    Interpreter k = Interpreter.of(Parser.parse(Files.readString(KERNEL), KERNEL.toString()));
    return (float) (double) (Double) k.eval((double) x)[0];
  }

  @Test
  void theSpecialValuesAreIeees() throws IOException {
    assertTrue(Float.isNaN(exp(Float.NaN)));
    assertEquals(Float.POSITIVE_INFINITY, exp(Float.POSITIVE_INFINITY));
    assertEquals(0, Float.floatToRawIntBits(exp(Float.NEGATIVE_INFINITY)), "+0");
    assertEquals(1f, exp(0f));
    assertEquals(1f, exp(-0f));
    // 0x1.62e42ep6 is the largest input with a finite e^x; from the next float on, +inf
    float last = 0x1.62e42ep6f;
    assertTrue(Float.isFinite(exp(last)) && exp(last) > 3.4e38f);
    assertEquals(Float.POSITIVE_INFINITY, exp(Math.nextUp(last)));
    assertEquals(Float.POSITIVE_INFINITY, exp(Float.MAX_VALUE));
    // below about -103.97 the result rounds to +0; on the way, subnormals within one 2^-149
    assertEquals(0, Float.floatToRawIntBits(exp(-104f)));
    assertEquals(0, Float.floatToRawIntBits(exp(-Float.MAX_VALUE)));
    assertEquals(Float.MIN_VALUE, exp(-103.9f));
    for (float x : new float[] {-87.5f, -90f, -95f, -100f, -103f}) {
      float y = exp(x);
      assertTrue(y > 0 && y < Float.MIN_NORMAL, "x = " + x);
      assertTrue(Math.abs(y - StrictMath.exp(x)) <= 0x1p-149, "x = " + x + ": " + y);
    }
  }

  @Test
  void aMillionPointSampleIsWithinOneUlpWithNoInfiniteError() throws IOException {
    Run r =
        run(
            "score",
            KERNEL.toString(),
            "--target",
            "exp",
            "--points",
            "1000000",
            "--seed",
            "7",
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode s = new ObjectMapper().readTree(r.out());
    assertEquals("sampled", s.get("method").asText());
    assertEquals(1_000_000, s.get("points").asLong());
    assertEquals(0, s.get("inf_ulp_points").asLong(), r.out());
    assertTrue(s.get("max_ulp").asDouble() <= 1.0, r.out());
    assertEquals(20, s.get("ops").asInt(), r.out());
  }
}
