package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import numevo.dsl.text.Parser;
import numevo.runs.cli.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code numevo tune} through {@link Main#run}. */
class TuneCommandTest {
  @TempDir Path dir;

  /** A degree-4 Horner polynomial of 2^x with its Taylor coefficients: far from minimax. */
  private static final String TAYLOR4 =
      """
      kernel taylor4 float32
      input x : f
      t3 = fma 0.009618129 x 0.05550411
      t2 = fma t3 x 0.2402265
      t1 = fma t2 x 0.6931472
      t0 = fma t1 x 1.0
      output t0
      """;

  private static final Pattern TRAINING = Pattern.compile("training \\(.*\\): (\\S+) -> (\\S+) ");
  private static final Pattern VALIDATION =
      Pattern.compile("validation \\(sampled, 100,000 points, seed 1\\): (\\S+) -> (\\S+)");

  @Test
  void tuningAPolynomialLowersItsErrorOnTrainingAndValidationAndKeepsItsShape() throws IOException {
    Path k = dir.resolve("taylor4.kernel");
    Files.writeString(k, TAYLOR4);
    Path out = dir.resolve("tuned.kernel");
    Run r = run("tune", k.toString(), "--target", "exp2", "--points", "4096", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    Matcher t = TRAINING.matcher(r.err());
    Matcher v = VALIDATION.matcher(r.err());
    assertTrue(t.find() && v.find(), r.err());
    // Taylor's degree 4 is hundreds of ULPs off on [0, 1); the minimax one about 31.
    assertTrue(Double.parseDouble(t.group(1)) > 1000, r.err());
    assertTrue(Double.parseDouble(t.group(2)) < 40, r.err());
    assertTrue(Double.parseDouble(v.group(2)) < 40, r.err());
    String tuned = Files.readString(out);
    assertEquals(4, Parser.parse(tuned, "tuned").body().size());
    assertFalse(tuned.contains("0.009618129"), tuned);
  }

  @Test
  void anExistingOutputNeedsForceAndABadFileGetsOneLine() throws IOException {
    Path k = dir.resolve("k.kernel");
    Files.writeString(k, TAYLOR4);
    Path out = dir.resolve("exists.kernel");
    Files.writeString(out, "keep me");
    Run r = run("tune", k.toString(), "--target", "exp2", "-o", out.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("exists (use --force to overwrite)"), r.err());
    assertEquals("keep me", Files.readString(out));
    Path bad = dir.resolve("bad.kernel");
    Files.writeString(bad, "kernel k float32\ninput x : f\ny = fma x\noutput y\n");
    Run b = run("tune", bad.toString(), "--target", "exp2");
    assertEquals(1, b.exit());
    assertEquals(1, b.err().strip().lines().count(), b.err());
    assertTrue(b.err().contains("bad.kernel:3:"), b.err());
  }
}
