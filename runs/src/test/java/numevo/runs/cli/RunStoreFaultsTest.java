package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import numevo.runs.cli.CliRun.Run;
import numevo.runs.store.GenerationRow;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and faults around stored runs (issue 11, section 6): each is one line naming the file,
 * without a stack trace or "internal error", with exit code 1 (a damaged or newer run) or 2 (a path
 * that is not a run, bad usage), and leaves the run's stored generations as they were.
 */
class RunStoreFaultsTest {
  private static final String[] SMALL = {
    "search",
    "exp2",
    "--generations",
    "20",
    "--population",
    "20",
    "--threads",
    "2",
    "--checkpoint-every",
    "0",
    "--progress",
    "100"
  };

  /** The commands that read a run. */
  private static final List<String> READERS = List.of("resume", "replay", "show");

  @TempDir static Path shared;
  @TempDir Path tmp;

  private static Path base;

  @BeforeAll
  static void aSmallFinishedRun() {
    base = shared.resolve("base");
    Run r = run(args(SMALL, "--run-dir", base.toString()));
    assertEquals(0, r.exit(), r.err());
  }

  /** A copy of the small finished run. */
  private Path copy(String name) throws IOException {
    Path to = tmp.resolve(name);
    Files.createDirectories(to);
    for (String f : List.of(RunDir.MANIFEST, RunDir.DATABASE)) {
      Files.copy(base.resolve(f), to.resolve(f));
    }
    return to;
  }

  /** The failure is one line (the run's name, what is wrong) with the exit code. */
  private static void assertOneLine(Run r, int exit, String... parts) {
    String all = r.out() + r.err();
    assertEquals(exit, r.exit(), all);
    String err = r.err().strip();
    assertTrue(err.startsWith("numevo: "), all);
    assertFalse(err.contains("\n"), "more than one line: " + all);
    assertFalse(all.contains("internal error"), all);
    assertFalse(all.contains("Exception"), all);
    assertFalse(all.contains("\tat "), all);
    for (String p : parts) {
      assertTrue(err.contains(p), "no '" + p + "' in: " + err);
    }
  }

  private static long storedGenerations(Path dir) {
    try (RunDb db = RunDb.open(dir.resolve(RunDir.DATABASE), true)) {
      List<GenerationRow> rows = db.generations();
      return rows.isEmpty() ? 0 : rows.getLast().generation();
    }
  }

  @Test
  void aPathThatIsNotARunIsAUsageError() throws IOException {
    Path none = tmp.resolve("nonexistent");
    for (String c : READERS) {
      assertOneLine(run(c, none.toString()), 2, none.toString(), "no such run directory");
    }
    assertOneLine(run("runs", none.toString()), 2, none.toString(), "no such directory");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    for (String c : READERS) {
      assertOneLine(run(c, empty.toString()), 2, "not a run directory (no manifest.json)");
    }
    assertOneLine(run("resume"), 2, "Missing required parameter");
  }

  @Test
  void aDatabaseOverwrittenInTheMiddleIsReportedCorruptAndNeverUsed() throws IOException {
    Path dir = copy("overwritten");
    Path db = dir.resolve(RunDir.DATABASE);
    long size = Files.size(db);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.seek(size / 4);
      f.write("X".repeat((int) (size / 2)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    String before = RunDir.sha256(db);
    for (String c : READERS) {
      assertOneLine(run(c, dir.toString()), 1, db.toString(), "the run store is corrupt");
    }
    Run list = run("runs", tmp.toString());
    assertEquals(0, list.exit(), list.err());
    assertTrue(
        Pattern.compile("overwritten +unreadable: .*the run store is corrupt")
            .matcher(list.out())
            .find(),
        list.out());
    assertEquals(before, RunDir.sha256(db), "a reader changed the damaged store");
  }

  @Test
  void aTruncatedDatabaseIsReportedCorruptAndNeverUsed() throws IOException {
    Path dir = copy("truncated");
    Path db = dir.resolve(RunDir.DATABASE);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.setLength(f.length() / 2);
    }
    String before = RunDir.sha256(db);
    for (String c : READERS) {
      assertOneLine(run(c, dir.toString()), 1, db.toString(), "the run store is corrupt");
    }
    assertEquals(before, RunDir.sha256(db), "a reader changed the damaged store");
  }

  @Test
  void aCheckpointWhoseBytesChangedIsRefusedByResume() throws IOException, SQLException {
    Path dir = copy("checkpoint");
    sql(dir, "UPDATE checkpoints SET state = zeroblob(length(state)) WHERE generation = 20");
    assertOneLine(
        run("resume", dir.toString()),
        1,
        "the checkpoint of generation 20 is corrupt (digest mismatch)");
    assertEquals(20, storedGenerations(dir));
  }

  @Test
  void aRunOfANewerNumevoIsRefused() throws IOException, SQLException {
    Path manifest = copy("newer-manifest");
    Path m = manifest.resolve(RunDir.MANIFEST);
    Files.writeString(m, Files.readString(m).replace("\"format\" : 1,", "\"format\" : 99,"));
    for (String c : READERS) {
      assertOneLine(
          run(c, manifest.toString()),
          1,
          m.toString(),
          "written by a newer numevo",
          "manifest format 99");
    }
    // A newer numevo's manifest may not even bind to this one's fields.
    Files.writeString(m, "{\"format\": 99, \"numevo\": \"9.0.0\", \"run\": {\"what\": [1]}}\n");
    assertOneLine(run("resume", manifest.toString()), 1, "written by a newer numevo (9.0.0");

    Path store = copy("newer-store");
    sql(store, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    for (String c : READERS) {
      assertOneLine(
          run(c, store.toString()),
          1,
          store.resolve(RunDir.DATABASE).toString(),
          "written by a newer numevo (store schema 99, this reads 1)");
    }
    assertEquals(20, storedGenerations(base));
  }

  @Test
  void aManifestEditedIntoNonsenseIsRefusedWithWhereItIsWrong() throws IOException {
    String good = Files.readString(base.resolve(RunDir.MANIFEST));
    // Invalid JSON: file:line:col of where parsing stopped.
    check(good.substring(0, good.indexOf("\"seed\"")), "%s:\\d+:\\d+: not a numevo manifest: ");
    check(
        good.replace("\"target\" : \"exp2\"", "\"target\" : exp2"),
        "%s:\\d+:\\d+: not a numevo manifest: Unrecognized token 'exp2'");
    // Valid JSON, wrong types: the line and column of the value.
    check(
        good.replace("\"seed\" : 1,", "\"seed\" : \"one\","),
        "%s:\\d+:\\d+: not a numevo manifest: .*`long` from String \"one\"");
    check(
        good.replace("\"islands\" : 4,", "\"islands\" : [4],"),
        "%s:\\d+:\\d+: not a numevo manifest: .*`int` from Array");
    check("[1, 2]\n", "%s: not a numevo manifest \\(not a JSON object\\)");
    check("", "%s: not a numevo manifest \\(not a JSON object\\)");
    // Valid JSON and types, no target; nonsense values.
    check(good.replace("\"target\" : \"exp2\",", ""), "%s: not a numevo manifest \\(no format or");
    check(
        good.replace("\"evaluations\" : 0,", "\"time\" : \"soon\", \"evaluations\" : 0,"),
        "%s: not a numevo manifest \\(bad time 'soon'\\)");
    Path dir = tmp.resolve("m");
    Files.writeString(
        dir.resolve(RunDir.MANIFEST), good.replace("\"generations\" : 20", "\"generations\" : -3"));
    assertOneLine(run("resume", dir.toString()), 1, "the run's configuration is invalid");
    assertEquals(20, storedGenerations(dir));
  }

  private int manifests;

  /** Every reader refuses the run with this manifest text, on one line matching {@code regex}. */
  private void check(String manifest, String regex) throws IOException {
    Path dir = tmp.resolve("m");
    if (!Files.exists(dir)) {
      dir = copy("m");
    }
    Path m = dir.resolve(RunDir.MANIFEST);
    Files.writeString(m, manifest);
    manifests++;
    Pattern p = Pattern.compile(String.format(regex, Pattern.quote(m.toString())));
    for (String c : READERS) {
      Run r = run(c, dir.toString());
      assertOneLine(r, 1);
      assertTrue(p.matcher(r.err()).find(), "manifest " + manifests + ": " + r.err());
    }
  }

  @Test
  void aFullDiskFailsTheSearchWithItsCommittedGenerationsKeptAndResumable() {
    Path dir = tmp.resolve("full");
    String[] search = args(SMALL, "--run-dir", dir.toString());
    search[3] = "60";
    search[5] = "30";
    System.setProperty("numevo.test.maxDbPages", "40");
    Run full;
    try {
      full = run(search);
    } finally {
      System.clearProperty("numevo.test.maxDbPages");
    }
    assertOneLine(
        full,
        1,
        dir.resolve(RunDir.DATABASE).toString(),
        "cannot write the run store: the disk is full");
    long kept = storedGenerations(dir);
    assertTrue(kept > 0 && kept < 60, "generations kept: " + kept);
    Run list = run("runs", tmp.toString());
    assertTrue(
        Pattern.compile("full +exp2 .* crashed +" + kept + " ").matcher(list.out()).find(),
        list.out());
    Run resume = run("resume", dir.toString());
    assertEquals(0, resume.exit(), resume.out() + resume.err());
    assertTrue(
        resume.out().contains("resumed from the checkpoint of generation " + kept), resume.out());
    assertEquals(60, storedGenerations(dir));
    Run replay = run("replay", dir.toString());
    assertEquals(0, replay.exit(), replay.out() + replay.err());
  }

  @Test
  void aRunningRunIsLockedAndSigtermInterruptsItAtACheckpointThatResumes()
      throws IOException, InterruptedException {
    Path dir = tmp.resolve("running");
    String[] search = args(SMALL, "--run-dir", dir.toString());
    search[3] = "2000";
    search[5] = "30";
    NumevoProcess first = NumevoProcess.start(tmp.resolve("first.log"), search);
    try {
      // Running: it has stored a generation (so it also handles SIGTERM by now).
      assertTrue(
          first.awaitWhileAlive(() -> quietlyStored(dir) > 0, 90),
          "it ended early: " + first.log());
      assertOneLine(
          run("resume", dir.toString()),
          2,
          dir.toString(),
          "the run is in use by another numevo process");
      Run list = run("runs", tmp.toString());
      assertTrue(
          Pattern.compile("running +exp2 .* running ").matcher(list.out()).find(), list.out());
      assertTrue(first.process().isAlive(), first.log());

      first.process().destroy(); // SIGTERM
      assertTrue(first.process().waitFor(60, TimeUnit.SECONDS), "no exit after SIGTERM");
    } finally {
      first.process().destroyForcibly();
    }
    String log = first.log();
    var stopped =
        Pattern.compile("interrupted at generation (\\d+) \\(checkpoint written\\)").matcher(log);
    assertTrue(stopped.find(), log);
    long at = Long.parseLong(stopped.group(1));
    assertFalse(log.contains("internal error"), log);
    Run list = run("runs", tmp.toString());
    assertTrue(
        Pattern.compile("running +exp2 .* interrupted +" + at + " ").matcher(list.out()).find(),
        list.out());
    try (RunDb db = RunDb.open(dir.resolve(RunDir.DATABASE), true)) {
      assertEquals("interrupted", db.meta("status").orElseThrow());
      assertEquals(at, db.lastCheckpoint().orElseThrow().generation());
      assertEquals(at, db.generations().size());
    }
    // The resume continues from that checkpoint (to a nearer stop than the run's own).
    long to = at + 12;
    Run resume = run("resume", dir.toString(), "--generations", Long.toString(to));
    assertEquals(0, resume.exit(), resume.out() + resume.err());
    assertTrue(
        resume.out().contains("resumed from the checkpoint of generation " + at), resume.out());
    assertEquals(to, storedGenerations(dir));
    Run replay = run("replay", dir.toString());
    assertEquals(0, replay.exit(), replay.out() + replay.err());
    assertTrue(replay.out().contains("replay identical: generations 1-" + to), replay.out());
  }

  @Test
  void aDataFileThatChangedSinceTheRunStartedIsRefusedByName() throws IOException {
    Path data = tmp.resolve("seqs.txt");
    Files.writeString(
        data,
        "# A small file in the OEIS stripped format\n"
            + "A000045 ,0,1,1,2,3,5,8,13,21,34,55,89,144,233,377,610,987,1597,2584,4181,6765,"
            + "10946,17711,28657,46368,75025,121393,196418,317811,514229,832040,\n"
            + "A000079 ,1,2,4,8,16,32,64,128,256,512,1024,2048,4096,8192,16384,32768,65536,\n");
    Path dir = tmp.resolve("seq");
    Run r =
        run(
            "search",
            "seq",
            "--data",
            data.toString(),
            "--id",
            "A000045",
            // Not the first exact fit: five generations, whatever is found.
            "--target-error",
            "-1",
            "--generations",
            "5",
            "--population",
            "20",
            "--threads",
            "2",
            "--run-dir",
            dir.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    Files.writeString(
        data, Files.readString(data).replace("A000079 ,1,2,4,", "A000079 ,1,2,4,8,16,"));
    for (String c : List.of("resume", "replay")) {
      assertOneLine(
          run(c, dir.toString()), 1, dir.toString(), data + " changed since the run started");
    }
    Files.delete(data);
    assertOneLine(run("resume", dir.toString()), 1, data + ", which cannot be read now");
    assertEquals(5, storedGenerations(dir));
  }

  /** The last stored generation, 0 if there is none or the store cannot be read yet. */
  private static long quietlyStored(Path dir) {
    if (!Files.isRegularFile(dir.resolve(RunDir.DATABASE))) {
      return 0;
    }
    try (RunDb db = RunDb.open(dir.resolve(RunDir.DATABASE), true)) {
      return Long.parseLong(db.meta("generation").orElse("0"));
    } catch (UserError e) {
      return 0;
    }
  }

  private static void sql(Path dir, String update) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(RunDir.DATABASE));
        Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate(update), update);
    }
  }

  private static String[] args(String[] base, String... more) {
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }
}
