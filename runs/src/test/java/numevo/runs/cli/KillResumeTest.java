package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import numevo.runs.cli.CliRun.Run;
import numevo.runs.store.GenerationRow;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill/resume the hard way (scripts/kill-resume.sh is the longer version): a search in a JVM of its
 * own is killed with SIGKILL at random moments, from its start (before the manifest, before the
 * store, before the first checkpoint) to the middle of the search, and resumed each time by another
 * JVM; after each kill the store is readable and holds every generation it held before; at the end
 * the run's generations, front and discoveries equal those of an uninterrupted run and {@code
 * numevo replay} finds them identical.
 */
class KillResumeTest {
  private static final int KILLS = 5;
  private static final String[] SEARCH = {
    "search",
    "exp2",
    "--generations",
    "600",
    "--population",
    "30",
    "--seed",
    "5",
    "--threads",
    "2",
    "--progress",
    "100"
  };

  @TempDir Path tmp;

  @Test
  void aRunKilledWithSigkillAtRandomMomentsAndResumedEndsAsTheUninterruptedRun()
      throws IOException, InterruptedException {
    Path ref = tmp.resolve("ref");
    Run r = run(args(SEARCH, "--run-dir", ref.toString(), "--checkpoint-every", "0"));
    assertEquals(0, r.exit(), r.err());

    Path dir = tmp.resolve("run");
    // A fixed seed: the same moments relative to each start (the machine's speed still varies).
    Random random = new Random(20261202);
    List<String> history = new ArrayList<>();
    long storedBefore = 0;
    int kills = 0;
    boolean finished = false;
    for (int attempt = 0; kills < KILLS; attempt++) {
      // Checkpoints at every barrier, or every half second (generations stored past the last
      // checkpoint are then recomputed and checked by the resume).
      String every = attempt % 2 == 0 ? "0" : "0.5";
      boolean resume = RunDir.isRun(dir);
      if (!resume) {
        deleteTree(dir); // killed before its manifest: the run never existed
      }
      Path log = tmp.resolve("attempt" + attempt + ".log");
      NumevoProcess p =
          resume
              ? NumevoProcess.start(
                  log, "resume", dir.toString(), "--checkpoint-every", every, "--progress", "100")
              : NumevoProcess.start(
                  log, args(SEARCH, "--run-dir", dir.toString(), "--checkpoint-every", every));
      long delayMs;
      boolean searching = attempt % 3 != 0;
      if (searching) {
        // A moment while it searches: after it stored a generation more.
        long before = storedBefore;
        p.awaitWhileAlive(() -> quietlyStored(dir) > before, 60);
        delayMs = random.nextInt(600);
      } else {
        // Any moment from the start: often before the manifest, the store or the first checkpoint.
        delayMs = 100 + random.nextInt(1500);
      }
      if (p.process().waitFor(delayMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        assertEquals(0, p.process().exitValue(), p.log());
        finished = true;
        history.add((resume ? "resume" : "search") + " finished");
        break;
      }
      p.kill();
      kills++;
      long stored = storedGenerations(dir);
      history.add(
          (resume ? "resume" : "search")
              + " killed after "
              + delayMs
              + " ms"
              + (searching ? " more after it stored a generation" : "")
              + ": "
              + (RunDir.isRun(dir) ? stored + " generations stored" : "no manifest yet"));
      assertTrue(stored >= storedBefore, "generations lost: " + history);
      storedBefore = stored;
    }
    if (!finished) {
      NumevoProcess p =
          NumevoProcess.start(
              tmp.resolve("last.log"), "resume", dir.toString(), "--progress", "100");
      assertEquals(0, p.waitFor(110), p.log());
      history.add("last resume finished");
    }
    System.out.println("kill/resume: " + String.join("; ", history));
    // The test is worth something only if the kills happened (a machine fast enough to finish the
    // search between two kills would make it pass without testing anything).
    assertTrue(kills >= 3, "only " + kills + " kills: " + history);

    try (RunDb a = RunDb.open(ref.resolve(RunDir.DATABASE), true);
        RunDb b = RunDb.open(dir.resolve(RunDir.DATABASE), true)) {
      List<GenerationRow> ga = a.generations();
      List<GenerationRow> gb = b.generations();
      assertEquals(600, ga.size());
      assertEquals(ga.size(), gb.size(), history.toString());
      for (int i = 0; i < ga.size(); i++) {
        assertNull(ga.get(i).difference(gb.get(i)), "generation " + (i + 1) + ": " + history);
      }
      assertEquals(a.front(), b.front());
      assertEquals(withoutTimes(a.discoveries()), withoutTimes(b.discoveries()));
      assertEquals("finished", b.meta("status").orElseThrow());
    }
    Run replay = run("replay", dir.toString(), "--threads", "2");
    assertEquals(0, replay.exit(), replay.out() + replay.err());
    assertTrue(replay.out().contains("replay identical: generations 1-600"), replay.out());
  }

  /**
   * The generations the store of a killed run holds, checking that every reader can open it: 0 if
   * the run or its store never came to be.
   */
  private static long storedGenerations(Path dir) {
    if (!RunDir.isRun(dir)) {
      return 0;
    }
    Run show = run("show", dir.toString());
    String text = show.out() + show.err();
    assertFalse(text.contains("corrupt"), text);
    assertFalse(text.contains("internal error"), text);
    if (show.exit() != 0) {
      // Killed before its store had tables: resume starts it.
      assertEquals(1, show.exit(), text);
      assertTrue(show.err().contains("no store yet"), text);
      return 0;
    }
    try (RunDb db = RunDb.open(dir.resolve(RunDir.DATABASE), true)) {
      List<GenerationRow> rows = db.generations();
      return rows.isEmpty() ? 0 : rows.getLast().generation();
    }
  }

  /** The last stored generation, 0 if there is none or the store cannot be read yet. */
  private static long quietlyStored(Path dir) {
    Path f = dir.resolve(RunDir.DATABASE);
    if (!Files.isRegularFile(f)) {
      return 0;
    }
    try (RunDb db = RunDb.open(f, true)) {
      return Long.parseLong(db.meta("generation").orElse("0"));
    } catch (UserError e) {
      return 0;
    }
  }

  private static List<String> withoutTimes(List<RunDb.Discovery> found) {
    return found.stream()
        .map(d -> d.generation() + " " + d.island() + " " + d.cost() + " " + d.error() + d.kernel())
        .toList();
  }

  private static String[] args(String[] base, String... more) {
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
