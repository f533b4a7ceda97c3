package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --cost}: parsed on search and score, recorded in the run's manifest, shown by the front's
 * header and {@code numevo show}; a manifest written before the field existed replays as latency.
 */
class CostOptionTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final String HORNER6 = ROOT.resolve("examples/exp2_horner6.kernel").toString();

  private static CliRun.Run search(Path dir, String... extra) {
    String[] base = {
      "search",
      "exp2",
      "--generations",
      "8",
      "--population",
      "20",
      "--checkpoint-every",
      "0",
      "--run-dir",
      dir.toString()
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CliRun.Run r = CliRun.run(args);
    assertEquals(0, r.exit(), r.out() + r.err());
    return r;
  }

  @Test
  void scoreReportsTheChosenModel() {
    CliRun.Run ops = CliRun.run("score", HORNER6, "--target", "exp2", "--cost", "ops");
    assertEquals(0, ops.exit(), ops.err());
    assertTrue(ops.out().contains("6 ops, cost 6 ops (ops: op-count)"), ops.out());
    CliRun.Run tp = CliRun.run("score", HORNER6, "--target", "exp2", "--cost", "throughput");
    assertTrue(tp.out().contains("cost 0.375000 cycles per element (throughput"), tp.out());
    CliRun.Run lat = CliRun.run("score", HORNER6, "--target", "exp2");
    assertTrue(lat.out().contains("cost 24 cycles (latency"), lat.out());
    CliRun.Run m = CliRun.run("score", HORNER6, "--target", "exp2", "--cost", "measured", "--json");
    assertEquals(0, m.exit(), m.err());
    assertTrue(m.out().contains("\"cost_model\" : \"measured\""), m.out());
    assertTrue(m.out().contains("\"cost_unit\" : \"ns per element\""), m.out());
    CliRun.Run bad = CliRun.run("score", HORNER6, "--target", "exp2", "--cost", "cycles");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--cost: unknown cost model 'cycles'"), bad.err());
  }

  @Test
  void searchRecordsAndShowsTheModel(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("ops");
    CliRun.Run r = search(run, "--cost", "ops");
    assertTrue(r.out().contains("cost in ops):"), r.out());
    assertTrue(Files.readString(run.resolve("manifest.json")).contains("\"cost\" : \"ops\""));
    CliRun.Run show = CliRun.run("show", run.toString());
    assertTrue(show.out().contains("cost model: ops, cost in ops"), show.out());

    Path lat = tmp.resolve("latency");
    CliRun.Run l = search(lat);
    assertTrue(l.out().contains("cost in cycles (latency)):"), l.out());
    assertTrue(Files.readString(lat.resolve("manifest.json")).contains("\"cost\" : \"latency\""));

    CliRun.Run bad = CliRun.run("search", "exp2", "--cost", "cycles", "--generations", "1");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--cost: unknown cost model 'cycles'"), bad.err());
  }

  @Test
  void measuredTimesTheFinalFrontAndStoresIt(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("m");
    CliRun.Run r = search(run, "--cost", "measured");
    assertTrue(r.out().contains("measured cost of the final front"), r.out());
    assertTrue(r.out().contains("cost in cycles (latency)):"), r.out());
    String tsv = Files.readString(run.resolve("measured.tsv"));
    assertTrue(tsv.startsWith("position\tcost\tmeasured_ns_per_element\tkernel\n"), tsv);
    assertTrue(tsv.lines().count() >= 2, tsv);
    CliRun.Run replay = CliRun.run("replay", run.toString());
    assertEquals(0, replay.exit(), replay.out() + replay.err());
  }

  @Test
  void aManifestWithoutTheFieldReplaysAsLatency(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("old");
    search(run);
    Path manifest = run.resolve("manifest.json");
    String m = Files.readString(manifest);
    String old = m.replaceAll(",\\s*\"cost\" : \"latency\"", "");
    assertFalse(old.contains("\"cost\""), old);
    Files.writeString(manifest, old);
    CliRun.Run replay = CliRun.run("replay", run.toString());
    assertEquals(0, replay.exit(), replay.out() + replay.err());
    assertTrue(replay.out().startsWith("replay identical"), replay.out());
    CliRun.Run show = CliRun.run("show", run.toString());
    assertTrue(
        show.out().contains("cost model: latency, cost in cycles (latency) (not recorded"),
        show.out());
  }
}
