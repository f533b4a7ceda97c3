package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay re-executes a run from its manifest on another thread count and finds it identical; a
 * tampered statistic or population digest is named with its generation, and the exit code is 1.
 */
class ReplayCommandTest {

  private static CliRun.Run search(Path dir, String threads) {
    CliRun.Run r =
        CliRun.run(
            "search",
            "exp2",
            "--generations",
            "25",
            "--population",
            "30",
            "--threads",
            threads,
            "--checkpoint-every",
            "0",
            "--run-dir",
            dir.toString());
    assertEquals(0, r.exit(), r.err());
    return r;
  }

  @Test
  void aRunMadeOnTwoThreadsReplaysIdenticallyOnOneAndTwo(@TempDir Path tmp) {
    Path run = tmp.resolve("run");
    search(run, "2");
    for (String threads : new String[] {"1", "2"}) {
      CliRun.Run r = CliRun.run("replay", run.toString(), "--threads", threads);
      assertEquals(0, r.exit(), r.out() + r.err());
      assertTrue(r.out().startsWith("replay identical: generations 1-25"), r.out());
      assertTrue(r.out().contains("front after generation 25 identical"), r.out());
    }
    CliRun.Run part = CliRun.run("replay", run.toString(), "--to-generation", "10");
    assertEquals(0, part.exit(), part.out() + part.err());
    assertTrue(part.out().startsWith("replay identical: generations 1-10"), part.out());
  }

  @Test
  void aStagedLmulRunWithTheBuildingBlocksRecordsThemAndReplays(@TempDir Path tmp)
      throws Exception {
    // Issue 14's operators are off by default: the manifest's mutation string and the target's
    // train parameter are what a replay rebuilds them from.
    Path kernels = Path.of(System.getProperty("numevo.root", "..")).resolve("kernels/lmul-e4m3");
    Path run = tmp.resolve("lmul");
    CliRun.Run r =
        CliRun.run(
            "search",
            "lmul-e4m3",
            "--train",
            "normal",
            "--mutation",
            "partial=2,splice=2",
            "--seed-from",
            kernels.resolve("mitchell17_e4m3fn.kernel").toString(),
            kernels.resolve("exact_int_e4m3fn.kernel").toString(),
            "--generations",
            "4",
            "--population",
            "12",
            "--islands",
            "2",
            "--points",
            "2048",
            "--no-tuning",
            "--threads",
            "2",
            "--checkpoint-every",
            "0",
            "--run-dir",
            run.toString());
    assertEquals(0, r.exit(), r.err());
    String manifest = java.nio.file.Files.readString(run.resolve("manifest.json"));
    assertTrue(manifest.contains("\"mutation\" : \"partial=2,splice=2\""), manifest);
    assertTrue(manifest.contains("\"train\" : \"normal\""), manifest);
    CliRun.Run again = CliRun.run("replay", run.toString(), "--threads", "1");
    assertEquals(0, again.exit(), again.out() + again.err());
    assertTrue(again.out().startsWith("replay identical: generations 1-4"), again.out());
  }

  private static void sql(Path run, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + run.resolve("run.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void aTamperedStatisticIsNamedWithItsGeneration(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    search(run, "1");
    sql(run, "UPDATE generations SET scored = scored + 1 WHERE generation = 13");
    CliRun.Run r = CliRun.run("replay", run.toString(), "--threads", "2");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("replay diverged at generation 13: scored "), r.out());
  }

  @Test
  void aTamperedPopulationDigestNamesItsIsland(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    search(run, "1");
    // Island 2's digest of generation 7 replaced by another value.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + run.resolve("run.db"));
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT digests FROM generations WHERE generation = 7")) {
      rs.next();
      String[] d = rs.getString(1).split(",");
      d[2] = d[2].equals("0000000000000000") ? "0000000000000001" : "0000000000000000";
      sql(
          run,
          "UPDATE generations SET digests = '" + String.join(",", d) + "' WHERE generation = 7");
    }
    CliRun.Run r = CliRun.run("replay", run.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(
        r.out().startsWith("replay diverged at generation 7: island 2's population"), r.out());
  }

  @Test
  void aTamperedFrontIsFound(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    search(run, "1");
    sql(
        run,
        "UPDATE front SET error = error * 2 WHERE position = (SELECT MAX(position) FROM front)");
    CliRun.Run r = CliRun.run("replay", run.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().startsWith("replay diverged: the front after generation 25"), r.out());
  }

  @Test
  void aStopInsideABatchStoresEveryGenerationAndReplays(@TempDir Path tmp) throws Exception {
    // A scoring limit stops the search between barriers: there is no state at that generation,
    // but every generation up to it is stored, and the front it ended with.
    Path run = tmp.resolve("run");
    CliRun.Run r =
        CliRun.run(
            "search",
            "exp2",
            "--evaluations",
            "3000",
            "--population",
            "30",
            "--run-dir",
            run.toString());
    assertEquals(0, r.exit(), r.err());
    long stored;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + run.resolve("run.db"));
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*), MAX(generation) FROM generations")) {
      rs.next();
      stored = rs.getLong(1);
      assertEquals(stored, rs.getLong(2));
    }
    assertTrue(r.out().contains("stopped (evaluations) after " + stored + " generations"), r.out());
    CliRun.Run replay = CliRun.run("replay", run.toString());
    assertEquals(0, replay.exit(), replay.out() + replay.err());
    assertTrue(
        replay.out().contains("front after generation " + stored + " identical"), replay.out());
  }
}
