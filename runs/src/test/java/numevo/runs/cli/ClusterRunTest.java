package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.Hazelcast;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import numevo.runs.cli.CliRun.Run;
import numevo.runs.store.GenerationRow;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode on loopback, each member a JVM of its own: a coordinator and a worker start a
 * search, a second worker joins mid-run and gets an island, then the first worker is killed with
 * SIGKILL and its island is rebuilt on a member left; the islands share scores across members (hits
 * on entries another member stored are counted); and the run's generations (statistics and
 * population digests) and front equal those of the same search in one process. Without {@code
 * --cluster} no Hazelcast member is started.
 */
class ClusterRunTest {
  private static final int GENERATIONS = 120;

  private static final String[] SEARCH = {
    "search",
    "exp2",
    "--generations",
    Integer.toString(GENERATIONS),
    "--islands",
    "3",
    "--population",
    "20",
    "--seed",
    "9",
    "--threads",
    "1",
  };

  private static final Pattern ADDRESS =
      Pattern.compile("coordinating member (127\\.0\\.0\\.1:\\d+)");
  private static final Pattern JOINS = Pattern.compile("([\\d,]+) joins");
  private static final Pattern RUNS_ISLANDS_LINE =
      Pattern.compile("^cluster: \\S+ member \\S+ runs islands ", Pattern.MULTILINE);
  private static final Pattern FAILOVERS = Pattern.compile("([\\d,]+) failovers");
  private static final Pattern FOREIGN_HITS =
      Pattern.compile("([\\d,]+) of them on entries another member stored");

  @TempDir Path tmp;

  @Test
  void aSearchWithoutClusterStartsNoMemberAndClusterFlagsNeedIt() {
    Run r =
        run(
            "search",
            "exp2",
            "--generations",
            "2",
            "--population",
            "10",
            "--run-dir",
            tmp.resolve("plain").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Hazelcast.getAllHazelcastInstances().isEmpty());
    assertTrue(!r.out().contains("cluster:"), r.out());
    CliRun.assertOneLineError(
        run("search", "exp2", "--members", "127.0.0.1:5701"), 2, "need --cluster");
    CliRun.assertOneLineError(run("search", "exp2", "--shared-cache"), 2, "need --cluster");
    CliRun.assertOneLineError(
        run("search", "exp2", "--cluster", "--interface", "localhost"), 2, "--interface");
    CliRun.assertOneLineError(run("worker", "--join", "somewhere"), 2, "--join");
    assertTrue(Hazelcast.getAllHazelcastInstances().isEmpty());
  }

  @Test
  void threeMembersGiveTheGenerationsAndFrontOfOneProcessWithAJoinAKillAndSharedScores()
      throws IOException, InterruptedException {
    String name = "numevo-test-" + ProcessHandle.current().pid();
    int port = freePort();
    Path dir = tmp.resolve("cluster");
    NumevoProcess coordinator =
        NumevoProcess.start(
            tmp.resolve("coordinator.log"),
            args(
                SEARCH,
                "--run-dir",
                dir.toString(),
                "--progress",
                "0.2",
                "--cluster",
                "--port",
                Integer.toString(port),
                "--cluster-name",
                name,
                // Off by default (it costs more than it saves on exp2): on here, to check its hits
                // across members and that they change no result.
                "--shared-cache",
                "--min-members",
                "2",
                "--member-wait",
                "240",
                // The second batch waits for the third member, which the test starts after the
                // first
                // batch: a join mid-run whatever the load. Then at least 6 s of batches, so that
                // the
                // kill falls inside the run on a quiet machine too. (Neither changes a result.)
                "--cluster-hold-members",
                "3",
                "--cluster-pause-ms",
                "600"));
    List<NumevoProcess> workers = new ArrayList<>();
    try {
      coordinator.awaitWhileAlive(() -> ADDRESS.matcher(coordinator.log()).find(), 240);
      Matcher m = ADDRESS.matcher(coordinator.log());
      assertTrue(m.find(), coordinator.log());
      String address = m.group(1);
      workers.add(worker(address, name, 1));
      // A second worker joins once the search has run a batch, and gets an island; then the
      // first is killed, and its island is rebuilt on a member left. (The bounds of the waits are
      // for a machine at load 30: a few seconds suffice on a quiet one.)
      coordinator.awaitWhileAlive(
          () -> coordinator.log().contains("gen 1:") || coordinator.log().contains("gens "), 240);
      int before = coordinator.log().length();
      workers.add(worker(address, name, 2));
      // The second worker given islands: a "runs islands" line after it was started (the first
      // worker may have one too, printed before the first generation, when its join event
      // arrived after the coordinator started waiting for members).
      coordinator.awaitWhileAlive(
          () -> {
            String log = coordinator.log();
            return RUNS_ISLANDS_LINE.matcher(log).region(before, log.length()).find();
          },
          240);
      assertTrue(
          coordinator.process().isAlive(),
          () -> "the search ended before the join: " + coordinator.log());
      workers.get(0).kill();
      assertEquals(0, coordinator.waitFor(300), coordinator.log());
    } finally {
      coordinator.process().destroyForcibly();
      for (NumevoProcess w : workers) {
        w.process().destroyForcibly();
      }
    }
    String log = coordinator.log();
    assertTrue(log.contains("at most 3 in a batch"), log);
    assertTrue(count(JOINS, log) >= 1, "no join: " + log);
    assertTrue(count(FAILOVERS, log) >= 1, "no failover: " + log);
    // Cache hits across members: lookups in the shared scores found entries another member stored.
    assertTrue(count(FOREIGN_HITS, log) > 0, "no shared hit across members: " + log);

    Path single = tmp.resolve("single");
    Run one = run(args(SEARCH, "--run-dir", single.toString()));
    assertEquals(0, one.exit(), one.err());
    try (RunDb a = RunDb.open(single.resolve(RunDir.DATABASE), true);
        RunDb b = RunDb.open(dir.resolve(RunDir.DATABASE), true)) {
      List<GenerationRow> ga = a.generations();
      List<GenerationRow> gb = b.generations();
      assertEquals(GENERATIONS, ga.size());
      assertEquals(ga.size(), gb.size());
      for (int i = 0; i < ga.size(); i++) {
        assertNull(ga.get(i).difference(gb.get(i)), "generation " + (i + 1));
      }
      assertEquals(a.front(), b.front());
    }
  }

  private NumevoProcess worker(String address, String name, int i) throws IOException {
    return NumevoProcess.start(
        tmp.resolve("worker" + i + ".log"),
        "worker",
        "--join",
        address,
        "--port",
        Integer.toString(freePort()),
        "--cluster-name",
        name,
        "--threads",
        "1");
  }

  private static long count(Pattern p, String log) {
    Matcher m = p.matcher(log);
    assertTrue(m.find(), p + " in " + log);
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String[] args(String[] base, String... more) {
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }
}
