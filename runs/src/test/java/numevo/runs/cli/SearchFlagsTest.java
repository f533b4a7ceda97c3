package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad search flags are refused before anything runs, with one line naming the flag and exit 2 (as a
 * new user found them: internal errors, silent defaults, the wrong flag blamed).
 */
class SearchFlagsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--max-error|-1|--max-error",
        "--max-cost|-1|--max-cost",
        "--time|PT-5S|--time",
        "--time|0s|--time",
        "--progress|0|--progress",
        "--evaluations|0|--evaluations",
        "--generations|0|--generations",
        "--population|0|--population",
        "--population|1|--population",
        "--max-size|0|--max-size",
        "--points|0|--points",
        "--islands|0|--islands",
        "--threads|0|--threads",
        "--checkpoint-every|-1|--checkpoint-every"
      })
  void aBadValueNamesItsFlag(String flag, String value, String named, @TempDir Path tmp) {
    Path run = tmp.resolve("run");
    CliRun.Run r = CliRun.run("search", "exp2", flag, value, "--run-dir", run.toString());
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("numevo: " + named + " "), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
    assertFalse(Files.exists(run), "nothing is created for a refused search");
  }

  @Test
  void outNamingAFileOrAFullDirectoryIsRefusedBeforeTheSearch(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("plain"), "x");
    CliRun.Run r =
        CliRun.run(
            "search",
            "exp2",
            "--generations",
            "1",
            "--out",
            file.toString(),
            "--run-dir",
            tmp.resolve("a").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--out " + file + ": exists and is not a directory"), r.err());
    assertFalse(Files.exists(tmp.resolve("a")));

    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("front00.kernel"), "old");
    CliRun.Run again =
        CliRun.run(
            "search",
            "exp2",
            "--generations",
            "1",
            "--out",
            full.toString(),
            "--run-dir",
            tmp.resolve("b").toString());
    assertEquals(2, again.exit(), again.err());
    assertTrue(again.err().contains("not empty"), again.err());
    assertTrue(again.err().contains("--force"), again.err());
    assertEquals("old", Files.readString(full.resolve("front00.kernel")));
  }

  @Test
  void anExistingRunDirectoryIsNotOverwritten(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    assertEquals(
        0,
        CliRun.run(
                "search",
                "exp2",
                "--generations",
                "2",
                "--population",
                "20",
                "--run-dir",
                run.toString())
            .exit());
    CliRun.Run r = CliRun.run("search", "exp2", "--generations", "2", "--run-dir", run.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("not empty"), r.err());
  }
}
