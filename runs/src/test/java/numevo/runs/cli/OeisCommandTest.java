package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code numevo oeis} on a small fixture (generated from the sequences' definitions): Fibonacci and
 * Catalan (classical), Somos-4 (numevo's form fit), Bell (numevo's inverse exponential transform),
 * the primes (nothing: the search runs and finds none), two sequences whose held-out terms were
 * changed (a training fit that mispredicts is not solved), one too short to take.
 */
class OeisCommandTest {
  @TempDir Path tmp;

  static Path fixture() {
    try {
      return Path.of(OeisCommandTest.class.getResource("/numevo/runs/oeis/small.txt").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verdicts of a pass directory by id: method, solved, predicted, stages, by, recurrence. */
  static Map<String, String> verdicts(Path dir) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("verdicts.tsv"));
    assertEquals("id", lines.get(0).split("\t")[0]);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      // Leave out the times (seconds, search seconds, generations).
      List<String> keep = new ArrayList<>(List.of(f).subList(0, 7));
      keep.addAll(List.of(f).subList(10, f.length));
      m.put(f[0], String.join("\t", keep));
    }
    return m;
  }

  private CliRun.Run oeis(Path out, String... more) {
    List<String> args =
        new ArrayList<>(List.of("oeis", fixture().toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  private static String field(Map<String, String> v, String id, int column) {
    return v.get(id).split("\t", -1)[column];
  }

  @Test
  void knownSequencesGetTheirVerdictsAndTheMethodThatSolvedThem() throws IOException {
    Path out = tmp.resolve("pass");
    CliRun.Run r = oeis(out, "--budget", "1s");
    assertEquals(0, r.exit(), r.err());
    Map<String, String> v = verdicts(out);
    assertEquals(
        List.of("A000045", "A000108", "A000110", "A006720", "X000001", "X000002", "X000004"),
        List.copyOf(v.keySet()),
        "X000003 has 20 terms, fewer than --min-terms 30");
    // columns kept: id terms train held_out method solved predicted classical fit guess search by
    // rec
    assertEquals(
        "classical\tyes\t10",
        String.join("\t", List.of(v.get("A000045").split("\t")).subList(4, 7)));
    assertEquals("berlekamp-massey", field(v, "A000045", 11));
    assertEquals("a(n) = a(n-1) + a(n-2)", field(v, "A000045", 12));
    assertEquals("classical", field(v, "A000108", 4));
    assertEquals("p-recursive", field(v, "A000108", 11));
    assertEquals("fit", field(v, "A006720", 4));
    assertEquals(
        "none\tsolved\t-\t-",
        String.join("\t", List.of(v.get("A006720").split("\t")).subList(7, 11)));
    assertTrue(field(v, "A006720", 12).contains("/ a(n-4)"), v.get("A006720"));
    // Bell: its inverse exponential transform is all ones (numevo's extended guessers).
    assertEquals(
        "exp\tyes\t10", String.join("\t", List.of(v.get("A000110").split("\t")).subList(4, 7)));
    assertEquals(
        "none\tnone\tsolved\t-",
        String.join("\t", List.of(v.get("A000110").split("\t")).subList(7, 11)));
    // The primes: no stage finds a training fit; the search ran and found none.
    assertEquals(
        "none\tno", String.join("\t", List.of(v.get("X000004").split("\t")).subList(4, 6)));
    assertEquals(
        "none\tnone\tnone\tnone",
        String.join("\t", List.of(v.get("X000004").split("\t")).subList(7, 11)));
    String report = Files.readString(out.resolve("report.md"));
    assertTrue(report.contains("Complete: 7 of 7 sequences."), report);
    assertTrue(
        report.contains("| classical (Berlekamp-Massey, else P-recursive) | 2 | 28.6% |"), report);
    assertTrue(report.contains("| numevo form fits | 1 | 14.3% |"), report);
    assertTrue(
        report.contains("| numevo classical guessers on the bisections | 0 | 0.0% |"), report);
    assertTrue(report.contains("| **numevo in all** | 4 | 57.1% |"), report);
    assertTrue(report.contains("| A006720 | fit |"), report);
    assertTrue(
        report.contains("| numevo classical guessers on the inverse exponential transform | 1 |"),
        report);
    assertTrue(
        r.out().contains("solved 4 of 7 sequences (57.1%): classical 2, fits 1, prec-high 0"),
        r.out());
    assertEquals(
        List.of("A000045", "A000108", "A006720", "A000110", "X000001", "X000002", "X000004"),
        Files.readAllLines(out.resolve("sample-ids.txt")));
  }

  @Test
  void aRecurrenceThatFitsTheTrainingTermsButMissesAHeldOutTermIsNotSolved() throws IOException {
    Path out = tmp.resolve("pass");
    assertEquals(0, oeis(out, "--budget", "0s").exit());
    Map<String, String> v = verdicts(out);
    // Fibonacci with a(34) changed: Berlekamp-Massey chooses a(n) = a(n-1) + a(n-2) on the
    // training terms and predicts 4 of 10; the later stages do not get to choose another one.
    assertEquals(
        "none\tno\t4", String.join("\t", List.of(v.get("X000001").split("\t")).subList(4, 7)));
    assertEquals(
        "wrong\t-\t-\t-", String.join("\t", List.of(v.get("X000001").split("\t")).subList(7, 11)));
    // Somos-4 with a(30) changed: the form fit chooses Somos-4's recurrence, predicts 6 of 10.
    assertEquals(
        "none\tno\t6", String.join("\t", List.of(v.get("X000002").split("\t")).subList(4, 7)));
    assertEquals(
        "none\twrong\t-\t-",
        String.join("\t", List.of(v.get("X000002").split("\t")).subList(7, 11)));
    String report = Files.readString(out.resolve("report.md"));
    assertTrue(report.contains("classical 1, fits 1, guesses 0, search 0."), report);
  }

  @Test
  void aPassResumedFromATornJournalEndsWithTheSameVerdicts() throws IOException {
    Path whole = tmp.resolve("whole");
    assertEquals(0, oeis(whole, "--budget", "0s").exit());
    // A crash after two sequences, in the middle of writing the third.
    Path torn = tmp.resolve("torn");
    Files.createDirectories(torn);
    List<String> lines = Files.readAllLines(whole.resolve("journal.tsv"));
    String third = lines.get(4);
    String text =
        String.join("\n", lines.subList(0, 4)) + "\n" + third.substring(0, third.length() / 2);
    Files.writeString(torn.resolve("journal.tsv"), text, StandardCharsets.UTF_8);
    CliRun.Run partial = CliRun.run("oeis", "--report", torn.toString());
    assertEquals(0, partial.exit(), partial.err());
    assertTrue(
        Files.readString(torn.resolve("report.md")).contains("**Partial**: 2 of 7 sequences"));
    CliRun.Run r = oeis(torn, "--budget", "0s", "--jobs", "1");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("2 already finished, 5 to go"), r.out());
    assertEquals(verdicts(whole), verdicts(torn));
    // The torn bytes were cut off: every line of the journal is whole.
    List<String> after = Files.readAllLines(torn.resolve("journal.tsv"));
    assertEquals(2 + 7 + 1, after.size(), "header, two sessions, seven verdicts: " + after);
    assertFalse(after.contains(third.substring(0, third.length() / 2)));
  }

  @Test
  void resumingWithOtherFlagsIsAOneLineError() {
    Path out = tmp.resolve("pass");
    assertEquals(0, oeis(out, "--budget", "0s").exit());
    CliRun.Run r = oeis(out, "--budget", "5s");
    CliRun.assertOneLineError(r, 1, "budget PT0S, now PT5S");
    CliRun.assertOneLineError(
        oeis(out, "--budget", "0s", "--holdout", "9"), 1, "holdout 10, now 9");
  }

  @Test
  void badInputIsAOneLineErrorNamingTheFileLineAndColumn() throws IOException {
    Path missing = tmp.resolve("missing.txt");
    CliRun.assertOneLineError(
        CliRun.run("oeis", missing.toString(), "--out", tmp.resolve("o").toString()),
        1,
        missing + ": cannot read: no such file");
    Path bad = tmp.resolve("bad.txt");
    Files.writeString(bad, "A000001 ,1,2,3\nA000002 ,1, x,3\n");
    CliRun.assertOneLineError(
        CliRun.run("oeis", bad.toString(), "--out", tmp.resolve("o").toString()),
        1,
        bad + ":2:13: term 2 of A000002 'x' is not an integer");
    Files.writeString(bad, "A000001 1,2,3\n");
    CliRun.assertOneLineError(
        CliRun.run("oeis", bad.toString(), "--out", tmp.resolve("o").toString()),
        1,
        bad + ":1:9: expected ','");
    Files.writeString(bad, "A000001 ,1,2,3\n");
    CliRun.assertOneLineError(
        CliRun.run("oeis", bad.toString(), "--out", tmp.resolve("o").toString()),
        1,
        "no sequence has at least 30 terms");
    CliRun.assertOneLineError(
        CliRun.run("oeis", "--report", tmp.resolve("nothing").toString()), 1, "no journal.tsv");
    CliRun.assertOneLineError(
        CliRun.run("oeis", fixture().toString(), "--holdout", "11"), 2, "--min-terms 30 must be");
    CliRun.assertOneLineError(
        CliRun.run("oeis", fixture().toString(), "--budget", "soon"), 2, "bad --budget 'soon'");
  }
}
