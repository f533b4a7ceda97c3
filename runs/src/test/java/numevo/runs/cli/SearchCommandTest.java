package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code numevo search} through {@link Main#run}. */
class SearchCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static String[] small(Path out, String threads) {
    return new String[] {
      "search",
      "exp2",
      "--generations",
      "6",
      "--population",
      "20",
      "--islands",
      "2",
      "--threads",
      threads,
      "--points",
      "256",
      "--ops",
      "add,mul,fma",
      "--out",
      out.toString()
    };
  }

  @Test
  void aSmallSearchPrintsAndWritesItsFrontTheSameOnAnyThreadCount() throws IOException {
    Run one = run(small(dir.resolve("one"), "1"));
    assertEquals(0, one.exit(), one.err());
    assertTrue(one.out().contains("Pareto front ("), one.out());
    assertTrue(one.out().contains("sampled (100,000 validation points)"), one.out());
    assertTrue(Files.exists(dir.resolve("one/front00.kernel")));
    assertTrue(Files.exists(dir.resolve("one/history.tsv")));
    // Throughput: what was counted, and where the time went, on screen and in the run's files.
    assertTrue(one.out().contains("scorings (one kernel evaluated and measured"), one.out());
    assertTrue(one.out().contains("time (the islands' steps"), one.out());
    String tp = Files.readString(dir.resolve("one/throughput.tsv"));
    assertTrue(tp.contains("\nscorings_per_s\t"), tp);
    assertTrue(tp.contains("\nshare_tuning\t"), tp);
    String timings = Files.readString(dir.resolve("one/timings.tsv"));
    assertTrue(timings.startsWith("phase\tseconds\tpercent\nselection\t"), timings);
    Run two = run(small(dir.resolve("two"), "2"));
    assertEquals(0, two.exit(), two.err());
    assertEquals(
        Files.readString(dir.resolve("one/front.tsv")),
        Files.readString(dir.resolve("two/front.tsv")));
    assertEquals(
        Files.readString(dir.resolve("one/history.tsv")),
        Files.readString(dir.resolve("two/history.tsv")));
    // The written kernels read back.
    Run check = run("check", dir.resolve("one/front00.kernel").toString());
    assertEquals(0, check.exit(), check.err());
  }

  @Test
  void badOptionsAreOneLineErrors() {
    Run both = run("search", "exp2", "--max-error", "1", "--max-cost", "3");
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("exclude each other"), both.err());
    Run op = run("search", "exp2", "--ops", "add,frobnicate", "--generations", "1");
    assertEquals(2, op.exit());
    assertTrue(op.err().contains("unknown op 'frobnicate'"), op.err());
    Run target = run("search", "nope", "--generations", "1");
    assertTrue(target.exit() != 0);
    assertEquals(1, target.err().strip().lines().count(), target.err());
  }

  @Test
  void durationsReadAsUsersWriteThem() {
    assertEquals(Duration.ofSeconds(90), SearchCommand.duration("90s"));
    assertEquals(Duration.ofMinutes(10), SearchCommand.duration("10m"));
    assertEquals(Duration.ofMinutes(90), SearchCommand.duration("1.5h"));
    assertEquals(Duration.ofMinutes(5), SearchCommand.duration("PT5M"));
  }

  @Test
  void aSeededSearchKeepsTheSeedsErrorOnItsFront() throws IOException {
    Path seed = dir.resolve("horner6_fma.kernel");
    try (var in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("numevo/targets/baselines/exp2/horner6_fma.kernel")) {
      Files.write(seed, in.readAllBytes());
    }
    String[] args = small(dir.resolve("seeded"), "2");
    String[] withSeed = java.util.Arrays.copyOf(args, args.length + 2);
    withSeed[args.length] = "--seed-from";
    withSeed[args.length + 1] = seed.toString();
    Run r = run(withSeed);
    assertEquals(0, r.exit(), r.err());
    // Six generations from scratch get nowhere near 1 ULP; the degree-6 baseline is under it.
    double best =
        Files.readAllLines(dir.resolve("seeded/front.tsv")).stream()
            .skip(1)
            .mapToDouble(l -> Double.parseDouble(l.split("\t")[2]))
            .min()
            .orElseThrow();
    assertTrue(best < 1.0, "best training error " + best);
  }

  @Test
  void aSeedOfTheWrongSignatureIsAOneLineError() throws IOException {
    Path seed =
        Files.writeString(
            dir.resolve("codes.kernel"),
            "kernel k e4m3fn\ninput a : i32\ninput b : i32\ns = add a b\noutput s\n");
    Run r = run("search", "exp2", "--generations", "1", "--seed-from", seed.toString());
    assertTrue(r.exit() != 0);
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("codes.kernel"), r.err());
  }
}
