package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.evolver.genome.Kernels;
import numevo.evolver.problem.TargetSearches;
import numevo.runs.cli.CliRun.Run;
import numevo.targets.Target;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code numevo search} through {@link Main#run}. */
class SearchCommandTest {
  @TempDir Path dir;

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
    assertTrue(one.out().contains("sampled (100,000 validation points, seed 1)"), one.out());
    assertTrue(one.out().contains("training: max_ulp on a sample of 256 points"), one.out());
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
    // Every front entrant is logged with its time; the record holders are kernel files.
    List<String> found = Files.readAllLines(dir.resolve("one/discoveries.tsv"));
    assertTrue(found.get(0).startsWith("elapsed_s\tgeneration"), found.get(0));
    long records = found.stream().skip(1).filter(l -> !l.split("\t")[5].equals("0")).count();
    try (var files = Files.list(dir.resolve("one/records"))) {
      assertEquals(records, files.count());
    }
    assertEquals(0, run("check", dir.resolve("one/records/record001.kernel").toString()).exit());
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
  void mutationWeightsAreSetByKindAndBadOnesAreOneLineErrors() {
    Run ok =
        run(
            "search",
            "exp2",
            "--generations",
            "1",
            "--population",
            "10",
            "--islands",
            "1",
            "--threads",
            "1",
            "--mutation",
            "insert=3,GUARD=0.5");
    assertEquals(0, ok.exit(), ok.err());
    for (String bad : new String[] {"frob=1", "insert=-1", "insert", "insert=x"}) {
      Run r = run("search", "exp2", "--generations", "1", "--mutation", bad);
      assertEquals(2, r.exit(), bad);
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("--mutation"), r.err());
    }
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

  private static final String FIB = "0,1,1,2,3,5,8,13,21,34,55,89,144,233,377,610,987,1597,2584";

  private static String[] seq(Path out, String threads, String terms, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "search",
                "seq",
                "--terms",
                terms,
                "--threads",
                threads,
                "--islands",
                "2",
                "--out",
                out.toString()));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void aSequenceSearchEndsWithTheRecurrenceItsInitialTermsAndAVerdict() throws IOException {
    Run r = run(seq(dir.resolve("fib"), "2", FIB, "--generations", "40"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("training: train_loss on the first 13 terms"), r.out());
    assertTrue(
        r.out().contains("a(n) = a(n-1) + a(n-2)") || r.out().contains("a(n) = a(n-2) + a(n-1)"),
        r.out());
    assertTrue(r.out().contains("initial terms: a(0..1) = 0, 1"), r.out());
    assertTrue(r.out().contains("held-out terms predicted: 6 of 6"), r.out());
    assertTrue(r.out().contains("verdict: recovered (predicts all 6 held-out terms)"), r.out());
    assertTrue(r.out().contains("check: train_missed on every term"), r.out());
    // Nothing about training points or validation samples: they do not apply to a sequence.
    assertTrue(!r.out().contains("training points") && !r.out().contains("validation"), r.out());
    String summary = Files.readString(dir.resolve("fib/summary.txt"));
    assertTrue(summary.contains("verdict: recovered (predicts all 6 held-out terms)"), summary);
  }

  @Test
  void theBellControlEndsInNoneFound() {
    String bell =
        "1,1,2,5,15,52,203,877,4140,21147,115975,678570,4213597,27644437,190899322,1382958545,"
            + "10480142147,82864869804,682076806159,5832742205057";
    Run r = run(seq(dir.resolve("bell"), "2", bell, "--generations", "40"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("verdict: none found ("), r.out());
  }

  @Test
  void aSequenceSearchIsTheSameOnOneAndTwoThreads() throws IOException {
    String terms = "1,1,2,6,24,120,720,5040,40320,362880,3628800,39916800,479001600,6227020800";
    Run one = run(seq(dir.resolve("one"), "1", terms, "--generations", "15"));
    Run two = run(seq(dir.resolve("two"), "2", terms, "--generations", "15"));
    assertEquals(0, one.exit(), one.err());
    assertEquals(0, two.exit(), two.err());
    assertEquals(
        Files.readString(dir.resolve("one/history.tsv")),
        Files.readString(dir.resolve("two/history.tsv")));
    assertEquals(
        Files.readString(dir.resolve("one/summary.txt")),
        Files.readString(dir.resolve("two/summary.txt")));
    // Sequence kernels are hashed modulo a prime: some candidates hit the cache.
    assertTrue(!one.out().contains("cache: 0 of"), one.out());
  }

  @Test
  void seedsFromTheTargetsSolversAreAUserOption() {
    String catalan =
        "1,1,2,5,14,42,132,429,1430,4862,16796,58786,208012,742900,2674440,9694845,"
            + "35357670,129644790,477638700,1767263190";
    Run seeded =
        run(
            seq(
                dir.resolve("cat"),
                "2",
                catalan,
                "--generations",
                "1",
                "--seed-from",
                "@baselines"));
    assertEquals(0, seeded.exit(), seeded.err());
    assertTrue(seeded.out().contains("verdict: recovered"), seeded.out());
    Run bad =
        run(seq(dir.resolve("bad"), "2", catalan, "--generations", "1", "--seed-from", "@nope"));
    assertEquals(2, bad.exit());
    assertEquals(1, bad.err().strip().lines().count(), bad.err());
    assertTrue(bad.err().contains("@p-recursive"), bad.err());
  }

  /** 40 terms of a(n) = a(n-1) - a(n-4) + 2 a(n-6) + a(n-8). */
  private static String order8() {
    List<java.math.BigInteger> a = new ArrayList<>();
    for (long x : new long[] {1, 0, 2, -1, 3, 0, 1, 5}) {
      a.add(java.math.BigInteger.valueOf(x));
    }
    while (a.size() < 40) {
      int n = a.size();
      a.add(a.get(n - 1).subtract(a.get(n - 4)).add(a.get(n - 6).shiftLeft(1)).add(a.get(n - 8)));
    }
    return String.join(",", a.stream().map(Object::toString).toList());
  }

  @Test
  void aBerlekampMasseyFitOfOrderEightSeedsADefaultSearchAndTheVerdictIsTheSolvers() {
    String terms = order8();
    var target =
        numevo.targets.seq.SeqTargets.create(
            numevo.targets.TargetParams.of(Map.of("terms", terms)));
    var solver =
        numevo.targets.seq.BerlekampMassey.of(numevo.targets.seq.BmConfig.defaults())
            .find(target.seqScorer());
    var found = (numevo.targets.seq.SolverResult.Found) solver;
    assertEquals(8, found.recurrence().start());
    assertTrue(found.predictsHeldOut());
    // The search's own form fitting off: the solver's fit is the only way in.
    Run r =
        run(
            seq(
                dir.resolve("o8"),
                "1",
                terms,
                "--generations",
                "1",
                "--fit",
                "none",
                "--seed-from",
                "@baselines"));
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().contains("not seeding"), r.out());
    assertTrue(r.out().contains("order: 8 (the default 4 raised"), r.out());
    assertTrue(
        r.out().contains("from: a fit of the training terms the search started from"), r.out());
    String formula = numevo.targets.seq.Recurrences.formula(found.recurrence().kernel()).get();
    assertTrue(r.out().contains("\n  " + formula + "\n"), formula + "\n" + r.out());
    assertTrue(r.out().contains("verdict: recovered (predicts all 10 held-out terms)"), r.out());
  }

  @Test
  void aSearchFromScratchFitsCatalansRecurrenceWithItsDivisor() {
    String catalan =
        "1,1,2,5,14,42,132,429,1430,4862,16796,58786,208012,742900,2674440,9694845,"
            + "35357670,129644790,477638700,1767263190,6564120420,24466267020,91482563640";
    Run r = run(seq(dir.resolve("cat-fit"), "1", catalan, "--generations", "1", "--fit", "forms"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("fit: "), r.out());
    assertTrue(r.out().contains("a(n) = a(n-1)*(n*4 - 2) / (n + 1)"), r.out());
    assertTrue(r.out().contains("verdict: recovered"), r.out());
  }

  @Test
  void seedingFromBaselinesThatTheSolversDidNotFindIsANoteNotAnError() {
    // Bell numbers: neither classical solver finds a recurrence, so seq has no baselines.
    String bell =
        "1,1,2,5,15,52,203,877,4140,21147,115975,678570,4213597,27644437,190899322,1382958545";
    Run r =
        run(
            seq(
                dir.resolve("bell"),
                "1",
                bell,
                "--generations",
                "1",
                "--fit",
                "none",
                "--seed-from",
                "@baselines"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("found no recurrence to seed"), r.out());
    assertTrue(r.out().contains("verdict: none found"), r.out());
  }

  @Test
  void fitMustBeAllFormsOrNone() {
    Run r = run(seq(dir.resolve("bad-fit"), "1", FIB, "--generations", "1", "--fit", "some"));
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--fit must be all, forms or none"), r.err());
  }

  @Test
  void trainMustBeAllOrNormal() {
    Run r = run("search", "lmul-e4m3", "--generations", "1", "--train", "specials");
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--train must be all or normal, not 'specials'"), r.err());
    Run f = run("search", "exp2", "--generations", "1", "--train", "normal");
    assertTrue(f.exit() != 0, f.err());
    assertTrue(f.err().contains("target exp2 takes no parameter --train"), f.err());
  }

  @Test
  void anLmulSearchSaysItTrainsOnASubsetAndChecksEveryPair() {
    Run r =
        run(
            "search",
            "lmul-e4m3",
            "--generations",
            "2",
            "--population",
            "10",
            "--points",
            "2048",
            "--islands",
            "1",
            "--threads",
            "1",
            "--no-tuning");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().contains("training: loss on a stratified subset of 2,048 of the 65,536 pairs"),
        r.out());
    assertTrue(r.out().contains("check: loss exhaustive (all 65,536 points"), r.out());
    assertTrue(r.out().contains("mean|rel|"), r.out());
  }

  @Test
  void aSeedLargerThanTheDefaultLimitRaisesItAndAnExplicitLimitStillBinds() throws IOException {
    // The exact integer e4m3fn kernel (issue 14) has 53 instructions; the default limit is 32.
    Path seed =
        Path.of(System.getProperty("numevo.root", ".."))
            .resolve("kernels/lmul-e4m3/exact_int_e4m3fn.kernel");
    List<String> common =
        List.of(
            "search",
            "lmul-e4m3",
            "--generations",
            "1",
            "--population",
            "10",
            "--points",
            "2048",
            "--islands",
            "1",
            "--threads",
            "1",
            "--no-tuning",
            "--seed-from",
            seed.toString());
    Run r = run(common.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("at most 53 instructions"), r.out());
    // The seed is exact on every pair (the least loss there is), so it stays on the front.
    String front =
        r.out().substring(r.out().indexOf("Pareto front"), r.out().indexOf("baselines:"));
    assertTrue(
        front.lines().anyMatch(l -> l.matches("\\s+5\\.30+\\s+53\\s.*\\s100\\.0%\\s.*")), front);
    List<String> capped = new ArrayList<>(common);
    capped.addAll(List.of("--max-size", "32"));
    Run c = run(capped.toArray(String[]::new));
    assertEquals(2, c.exit(), c.out());
    assertEquals(1, c.err().strip().lines().count(), c.err());
    assertTrue(c.err().contains("53 instructions, outside [0, 32]"), c.err());
  }

  private static JsonNode json(Run r) throws IOException {
    return JsonMapper.builder().build().readTree(r.out());
  }

  private static final String FIB20 = FIB + ",4181";

  /** A kernel's instructions and outputs on one line, as the front table shows them. */
  private static String oneLine(Program p) {
    List<String> parts = new ArrayList<>();
    for (String line : numevo.dsl.text.Printer.print(p).split("\n")) {
      if (!line.startsWith("kernel") && !line.startsWith("input") && !line.isBlank()) {
        parts.add(line.trim());
      }
    }
    return String.join("; ", parts);
  }

  @Test
  void jsonGoesToStdoutAndTheTextTableTsvAndJsonShowTheSameKernels() throws IOException {
    Path seed = dir.resolve("folded.kernel");
    // The degree-6 Horner baseline with its last constant computed from literals (1.0 = 0.25 * 2
    // + 0.5): shown, exported and stored folded, with the cost the search recorded.
    Files.writeString(
        seed,
        """
        kernel unfolded float32
        input x : f
        h = mul 0.25 2.0
        one = add h 0.5
        p5 = fma x 0x1.c9274cp-13 0x1.456c08p-10
        p4 = fma x p5 0x1.3d3c5cp-7
        p3 = fma x p4 0x1.c6832p-5
        p2 = fma x p3 0x1.ebfda8p-3
        p1 = fma x p2 0x1.62e42ap-1
        p0 = fma x p1 one
        output p0
        """);
    List<String> args = new ArrayList<>(List.of(small(dir.resolve("j"), "2")));
    args.addAll(List.of("--json", "--no-tuning", "--seed-from", seed.toString()));
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    // The human-readable lines went to stderr; stdout is one JSON document.
    assertTrue(r.err().contains("Pareto front ("), r.err());
    assertTrue(r.err().contains("\nbaselines:\n"), r.err());
    JsonNode j = json(r);
    assertEquals("exp2", j.get("target").asText());
    assertEquals(1, j.get("seed").asLong());
    assertEquals("generations", j.get("stop_reason").asText());
    assertEquals(6, j.get("generations").asLong());
    assertTrue(j.get("scorings").asLong() > 0);
    assertTrue(Files.isDirectory(Path.of(j.get("run_dir").asText())));
    Target t = Targets.resolve("exp2", TargetParams.of(java.util.Map.of()));
    var costs = TargetSearches.costs(t);
    List<String> tsv = Files.readAllLines(dir.resolve("j/front.tsv"));
    assertEquals(
        "file\tcost\ttrain_error\tgeneration\tisland\tops\tcheck_error\tcheck_method"
            + "\tcheck_points",
        tsv.get(0));
    JsonNode front = j.get("front");
    assertEquals(tsv.size() - 1, front.size());
    boolean foldedSeed = false;
    for (int i = 0; i < front.size(); i++) {
      JsonNode k = front.get(i);
      Program p = Parser.parse(k.get("kernel").asText(), "json");
      // Shown folded: folding again changes nothing.
      assertEquals(p, Kernels.foldConstants(p));
      assertEquals("sampled", k.get("check_method").asText());
      assertEquals(100_000, k.get("check_points").asLong());
      String[] cells = tsv.get(i + 1).split("\t");
      assertEquals(k.get("cost").asDouble(), Double.parseDouble(cells[1]));
      assertEquals(k.get("train_error").asDouble(), Double.parseDouble(cells[2]));
      assertEquals(k.get("ops").asInt(), Integer.parseInt(cells[5]));
      assertEquals(k.get("check_error").asDouble(), Double.parseDouble(cells[6]));
      assertEquals("sampled", cells[7]);
      assertEquals(p.body().size(), k.get("ops").asInt());
      // The text table has the same row.
      assertTrue(r.err().contains(oneLine(p)), oneLine(p));
      if (k.get("train_error").asDouble() < 1) {
        // The seed: 6 fmas shown, the 8 instructions it was found with costed.
        foldedSeed = true;
        assertEquals(6, p.body().size(), k.get("kernel").asText());
        assertTrue(k.get("cost").asDouble() > costs.cost(p), k.toString());
        Program written =
            numevo.runs.cli.KernelFiles.read(dir.resolve("j/front%02d.kernel".formatted(i)))
                .program();
        assertEquals(6, written.body().size());
      }
    }
    assertTrue(foldedSeed, front.toString());
    // The baselines: each costed by the search's cost model, checked like the front.
    JsonNode baselines = j.get("baselines");
    assertEquals(t.baselines().size(), baselines.size());
    for (JsonNode b : baselines) {
      Program p = Parser.parse(b.get("kernel").asText(), "json");
      assertEquals(costs.cost(p), b.get("cost").asDouble(), b.toString());
      assertEquals("sampled", b.get("check_method").asText());
      assertTrue(b.get("check_error").asDouble() < 100, b.toString());
      assertTrue(r.err().contains(b.get("name").asText() + ": "), b.get("name").asText());
    }
    List<String> btsv = Files.readAllLines(dir.resolve("j/baselines.tsv"));
    assertEquals(baselines.size() + 1, btsv.size());
    assertTrue(btsv.get(0).startsWith("name\tcost\ttrain_error\tops\tcheck_error"), btsv.get(0));
  }

  @Test
  void aSeqSearchStopsAtTheFirstExactFitOfTheTrainingTerms() throws IOException {
    Run r = run(seq(dir.resolve("fib20"), "2", FIB20, "--time", "60s", "--json"));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("stop: at the first kernel that reproduces every"), r.err());
    assertTrue(r.err().contains("stopped at the first kernel that reproduces every"), r.err());
    JsonNode j = json(r);
    assertEquals("target error", j.get("stop_reason").asText());
    assertTrue(j.get("generations").asLong() < 200, j.get("generations").toString());
    assertTrue(j.get("verdict").get("recovered").asBoolean(), j.get("verdict").toString());
    assertEquals(2, j.get("verdict").get("initial_terms").asInt());
    // The seq extras and the solvers' baselines, in the same columns.
    assertTrue(j.get("front").get(0).has("heldout_matched"), j.toString());
    assertTrue(j.get("baselines").size() > 0, j.toString());
    assertEquals("exhaustive", j.get("baselines").get(0).get("check_method").asText());
    // The default is in the run's spec, so that a resume or a replay stops alike.
    Path manifest = Path.of(j.get("run_dir").asText()).resolve("manifest.json");
    assertTrue(Files.readString(manifest).contains("\"targetError\""), manifest.toString());
  }
}
