package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts in messages read "1 op", "2 ops", never "1 ops". */
class PluralTest {

  @TempDir Path dir;

  @Test
  void oneIsSingularEverythingElsePlural() {
    assertEquals("1 island", Plural.of(1, "island"));
    assertEquals("2 islands", Plural.of(2, "island"));
    assertEquals("0 values", Plural.of(0, "value"));
    assertEquals("1,024 points", Plural.of(1024, "point"));
  }

  @Test
  void checkAndScoreSayOneOp() throws Exception {
    Path k =
        Files.writeString(
            dir.resolve("one.kernel"), "kernel one float32\ninput x : f\ny = add x x\noutput y\n");
    CliRun.Run check = CliRun.run("check", k.toString());
    assertEquals(0, check.exit(), check.err());
    assertTrue(check.out().contains(" 1 op: add(f)x1"), check.out());
    CliRun.Run score =
        CliRun.run("score", k.toString(), "--target", "exp2", "--points", "1", "--threads", "1");
    assertEquals(0, score.exit(), score.err());
    assertTrue(score.out().contains("): 1 op, cost "), score.out());
    assertTrue(score.out().contains("sampled: 1 point of the validation sample"), score.out());
  }
}
