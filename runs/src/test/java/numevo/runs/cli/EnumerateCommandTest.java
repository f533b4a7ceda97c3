package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import numevo.dsl.text.Parser;
import numevo.runs.cli.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code numevo enumerate} through {@link Main#run}. */
class EnumerateCommandTest {
  @TempDir Path dir;

  @Test
  void enumeratingTwoOpsWritesTheBestKernelsAsSeedFiles() throws IOException {
    Path out = dir.resolve("enum");
    Run r =
        run(
            "enumerate",
            "exp2-real",
            "--ops",
            "add,sub,mul,div",
            "--max-ops",
            "2",
            "--keep",
            "2",
            "--out",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("2 ops: 29 shapes, 29 fitted"), r.out());
    String tsv = Files.readString(out.resolve("enumeration.tsv"));
    assertEquals(5, tsv.lines().count(), tsv); // header, 2 kernels at each of 2 op counts
    String best = Files.readString(out.resolve("enum-2ops-0.kernel"));
    assertEquals(2, Parser.parse(best, "best").body().size());
  }

  @Test
  void anOpItCannotEnumerateAndANonEmptyOutAreOneLineErrors() throws IOException {
    Run bad = run("enumerate", "exp2-real", "--ops", "add,fma");
    assertEquals(2, bad.exit());
    assertTrue(
        bad.err().contains("--ops: enumerate takes add, sub, mul, div; got 'fma'"), bad.err());
    assertFalse(bad.err().contains("Exception"), bad.err());
    Files.writeString(dir.resolve("x.txt"), "x");
    Run full = run("enumerate", "exp2-real", "--out", dir.toString());
    assertEquals(2, full.exit());
    assertTrue(full.err().contains("not empty"), full.err());
  }

  @Test
  void composeWritesComposedKernelsOfExactlyTheBudget() throws IOException {
    Path out = dir.resolve("compose");
    Run r =
        run(
            "enumerate",
            "exp2-real",
            "--ops",
            "add,sub,mul,div",
            "--max-ops",
            "2",
            "--compose",
            "4",
            "--inner-ops",
            "1",
            "--squarings",
            "1",
            "--cores",
            "4",
            "--out",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("compose 4 ops"), r.out());
    String best = Files.readString(out.resolve("compose-4ops-0.kernel"));
    assertEquals(4, Parser.parse(best, "best").body().size());
    // Only the first --keep (3) kernels of each op count are written, although 4 are cores.
    assertFalse(Files.exists(out.resolve("enum-2ops-3.kernel")));
  }

  @Test
  void aComposeBudgetOutOfRangeIsAOneLineError() {
    Run bad = run("enumerate", "exp2-real", "--compose", "0");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--compose must be in [1, 24]"), bad.err());
    assertFalse(bad.err().contains("Exception"), bad.err());
  }
}
