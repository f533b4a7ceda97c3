package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search ranks its final front by verified error as its manifest's policy says: the printed front
 * carries exhaustive checks, the run stores the ranked front, and a replay ranks again and finds it
 * identical; a search with {@code --rank none} records no policy.
 */
class RankedSearchTest {

  /** 2^x on [0.5, 0.5 + 2^-11) in float32: 8,192 inputs, so exhaustive checks are cheap. */
  private static Path target(Path dir) throws Exception {
    Files.copy(
        Path.of("..", "examples", "exp2_reference.kernel"), dir.resolve("exp2_reference.kernel"));
    Path t = dir.resolve("small.target");
    Files.writeString(
        t,
        String.join(
            "\n",
            "name = exp2-small",
            "summary = 2^x on [0.5, 0.50048828125), float32",
            "format = float32",
            "domain = [0.5, 0.50048828125)",
            "metric = ulp",
            "reference = exp2_reference.kernel",
            "sample = mixed",
            "sample_range = [0.5, 0.50048828125]",
            "primitives = float",
            ""));
    return t;
  }

  @Test
  void aRankedRunShowsStoresAndReplaysItsVerifiedFront(@TempDir Path tmp) throws Exception {
    Path t = target(tmp);
    Path run = tmp.resolve("run");
    CliRun.Run r =
        CliRun.run(
            "search",
            t.toString(),
            "--generations",
            "6",
            "--population",
            "30",
            "--threads",
            "2",
            "--rank",
            "verified",
            "--run-dir",
            run.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("ranking: "), r.out());
    assertTrue(r.out().contains(" exh "), r.out());
    String manifest = Files.readString(run.resolve("manifest.json"));
    assertTrue(manifest.contains("\"rank\""), manifest);
    CliRun.Run replay = CliRun.run("replay", run.toString(), "--threads", "1");
    assertEquals(0, replay.exit(), replay.out() + replay.err());
    assertTrue(replay.out().contains("ranked front identical"), replay.out());
    CliRun.Run show = CliRun.run("show", run.toString());
    assertEquals(0, show.exit(), show.err());
    assertTrue(show.out().contains("ranked front ("), show.out());
    assertTrue(show.out().contains("exhaustive"), show.out());
  }

  @Test
  void anUnrankedRunRecordsNoPolicyAndReplaysAsBefore(@TempDir Path tmp) throws Exception {
    Path t = target(tmp);
    Path run = tmp.resolve("run");
    CliRun.Run r =
        CliRun.run(
            "search",
            t.toString(),
            "--generations",
            "4",
            "--population",
            "30",
            "--rank",
            "none",
            "--run-dir",
            run.toString());
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("ranking: "), r.out());
    assertFalse(Files.readString(run.resolve("manifest.json")).contains("\"rank\""));
    CliRun.Run replay = CliRun.run("replay", run.toString());
    assertEquals(0, replay.exit(), replay.out() + replay.err());
    assertFalse(replay.out().contains("ranked"), replay.out());
  }

  @Test
  void anUnknownPolicyIsAOneLineUsageError() {
    CliRun.assertOneLineError(
        CliRun.run("search", "exp2", "--generations", "1", "--rank", "best"), 2, "--rank");
  }
}
