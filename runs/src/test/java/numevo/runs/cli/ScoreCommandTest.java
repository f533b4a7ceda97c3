package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import numevo.runs.cli.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code numevo score} and {@code numevo targets} through {@link Main#run}. */
class ScoreCommandTest {
  @TempDir Path dir;

  private static final Path ROOT = Path.of(System.getProperty("numevo.root", ".."));
  private static final String BASELINES =
      ROOT.resolve("targets/src/main/resources/numevo/targets/baselines").toString();

  @Test
  void targetsListsEveryTargetOnOneLine() {
    Run r = run("targets");
    assertEquals(0, r.exit(), r.err());
    for (String name :
        new String[] {"exp2 ", "exp ", "exp2-real ", "log2 ", "rsqrt ", "sigmoid "}) {
      assertEquals(
          1, r.out().lines().filter(l -> l.startsWith(name)).count(), name + " in\n" + r.out());
    }
  }

  @Test
  void targetsDescribesOneTargetWithItsBaselines() {
    Run r = run("targets", "exp2");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("1,065,353,217 points"), r.out());
    assertTrue(r.out().contains("horner6_fma"), r.out());
  }

  @Test
  void sampledScoreSaysHowManyPointsAndWhichSeed() {
    Run r =
        run(
            "score",
            BASELINES + "/exp2/horner6_fma.kernel",
            "--target",
            "exp2",
            "--points",
            "5000",
            "--seed",
            "9");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().contains("sampled: 5,000 points of the validation sample with seed 9"), r.out());
    assertTrue(r.out().contains("max_ulp"), r.out());
  }

  @Test
  void jsonHasTheKeysOfTheIssue() throws Exception {
    Run r =
        run(
            "score",
            BASELINES + "/exp2-real/horner3_fma.kernel",
            "--target",
            "exp2-real",
            "--points",
            "2000",
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode o = new ObjectMapper().readTree(r.out());
    for (String k :
        new String[] {
          "target",
          "method",
          "points",
          "max_ulp",
          "mean_ulp",
          "max_rel_err",
          "mean_rel_err",
          "ops",
          "cost"
        }) {
      assertTrue(o.has(k), k + " in " + r.out());
    }
    assertEquals("exp2-real", o.get("target").asText());
    assertEquals("sampled", o.get("method").asText());
    assertEquals(2000, o.get("points").asInt());
    assertEquals(3, o.get("ops").asInt());
    assertTrue(o.get("max_rel_err").asDouble() > 5e-5 && o.get("max_rel_err").asDouble() < 1e-4);
  }

  @Test
  void exhaustiveScoreOfAFileTargetCountsEveryPoint() throws IOException {
    Files.writeString(
        dir.resolve("ref.kernel"), "kernel r float64\ninput x : f\ny = sqrt x\noutput y\n");
    Files.writeString(
        dir.resolve("k.kernel"), "kernel k float32\ninput x : f\ny = sqrt x\noutput y\n");
    Files.writeString(
        dir.resolve("sqrt.target"),
        "name = sqrt-small\nformat = float32\ndomain = [1, 1.0078125)\nreference = ref.kernel\n");
    Run r =
        run(
            "score",
            dir.resolve("k.kernel").toString(),
            "--target",
            dir.resolve("sqrt.target").toString(),
            "--exhaustive",
            "--json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("\"method\" : \"exhaustive\""), r.out());
    assertTrue(r.out().contains("\"points\" : 65536"), r.out());
    // sqrt is correctly rounded: every point within half an ULP, all correctly rounded
    assertTrue(r.out().contains("\"correctly_rounded\" : 1.0"), r.out());
    assertTrue(r.out().contains("\"max_ulp\" : 0.49999"), r.out());
  }

  @Test
  void unknownTargetIsOneLineListingTheTargets() {
    Run r = run("score", BASELINES + "/exp2/horner6_fma.kernel", "--target", "exp3");
    assertEquals(1, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("unknown target 'exp3'; targets: exp2, exp, exp2-real"), r.err());
  }

  @Test
  void kernelOfTheWrongShapeIsOneLineNamingTheFile() {
    // The kernel keyword of horner6_fma.kernel is on line 8, after the comment block.
    String file = BASELINES + "/exp2/horner6_fma.kernel";
    Run r = run("score", file, "--target", "exp2-real");
    assertEquals(1, r.exit());
    assertEquals(
        "numevo: "
            + file
            + ":8:1: kernel 'exp2_horner6_fma' does not fit target exp2-real: it must be float64"
            + " (f) -> (f), it is float32 (f) -> (f)",
        r.err().strip());
    r = run("score", file, "--target", "lmul-e4m3", "--exhaustive");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("numevo: " + file + ":8:1: kernel 'exp2_horner6_fma'"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void floatKernelOnTheSeqTargetNamesTheFile() {
    String file = BASELINES + "/exp2/horner6_fma.kernel";
    Run r = run("score", file, "--target", "seq", "--terms", FIB);
    assertEquals(1, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(
        r.err().startsWith("numevo: " + file + ":8:1: ") && r.err().contains("int inputs only"),
        r.err());
  }

  private static final String FIB =
      "0,1,1,2,3,5,8,13,21,34,55,89,144,233,377,610,987,1597,2584,4181,6765,10946,17711,28657,"
          + "46368,75025,121393,196418,317811,514229";

  @Test
  void seqKernelRejectedByTheGrowthBoundSaysWhy() throws IOException {
    StringBuilder k = new StringBuilder("kernel square30 float64\ninput a1 : int\n");
    String prev = "a1";
    for (int i = 1; i <= 30; i++) {
      k.append("s").append(i).append(" = mul ").append(prev).append(' ').append(prev);
      k.append('\n');
      prev = "s" + i;
    }
    k.append("output ").append(prev).append('\n');
    Path f = dir.resolve("square30.kernel");
    Files.writeString(f, k.toString());
    Run r = run("score", f.toString(), "--target", "seq", "--terms", FIB);
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l ->
                    l.strip().startsWith("failure ")
                        && l.contains("values could exceed the bound of")),
        r.out());
    Run j = run("score", f.toString(), "--target", "seq", "--terms", FIB, "--json");
    assertEquals(0, j.exit(), j.err());
    try {
      JsonNode o = new ObjectMapper().readTree(j.out());
      assertTrue(o.get("failure").asText().startsWith("values could exceed the bound of"), j.out());
      assertEquals(1, o.get("failed").asInt());
    } catch (IOException e) {
      throw new AssertionError(j.out(), e);
    }
    // A kernel that runs has no failure: no such line in the text (nor key in JSON).
    Run ok =
        run(
            "score",
            ROOT.resolve("examples/fibonacci_step.kernel").toString(),
            "--target",
            "seq",
            "--terms",
            FIB);
    assertEquals(0, ok.exit(), ok.err());
    assertTrue(!ok.out().contains("failure"), ok.out());
  }

  @Test
  void aShortSequenceIsScoredDespiteTheDefaultSearchOrder() throws IOException {
    // 3 terms: 1 held out, 2 for training; an order-1 kernel has 1 term to reproduce. The default
    // search order (2) concerns generated kernels only and must not reject the score.
    Path f = dir.resolve("square.kernel");
    Files.writeString(f, "kernel square float64\ninput a1 : int\nr = mul a1 a1\noutput r\n");
    Run r = run("score", f.toString(), "--target", "seq", "--terms", "2,4,16", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode o = new ObjectMapper().readTree(r.out());
    assertEquals(1, o.get("train_matched").asInt(), r.out());
    assertEquals(1, o.get("heldout_matched").asInt(), r.out());
    // score takes the order from the kernel: --order is refused, not silently ignored.
    r = run("score", f.toString(), "--target", "seq", "--terms", "2,4,16", "--order", "5");
    assertEquals(2, r.exit());
    assertEquals(
        "numevo: --order: score takes a kernel's order from its inputs (a1 .. ak); --order only"
            + " sets the order of the kernels a search generates\n",
        r.err());
  }

  @Test
  void anExactFibonacciKernelMissesNothingAndAnOutOfRangeHoldoutIsAFlagError() {
    String fib = ROOT.resolve("examples/fibonacci_step.kernel").toString();
    Run r = run("score", fib, "--target", "seq", "--terms", FIB);
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("  train_missed      0   (objective)\n"), r.out());
    assertTrue(r.out().contains("  initial_terms     2\n"), r.out());
    r =
        run(
            "score",
            fib,
            "--target",
            "seq",
            "--terms",
            "0,1,1,2,3,5,8,13,21,34",
            "--holdout",
            "19");
    assertEquals(2, r.exit());
    assertEquals(
        "numevo: seq: --holdout 19 is more than the 3 terms 10 terms can hold out (at most a"
            + " third, so that two thirds train)\n",
        r.err());
    r = run("score", fib, "--target", "seq", "--terms", "1,2");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("numevo: seq: --terms gives 2 terms; at least 3"), r.err());
    r = run("targets", "seq", "--terms", "1,2");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("numevo: seq: --terms gives 2 terms; at least 3"), r.err());
  }

  @Test
  void jsonHasTheLmulAndSeqKeysOfTheIssue() throws Exception {
    Run r =
        run(
            "score",
            ROOT.resolve("targets/src/main/resources/numevo/targets/lmul/e5m2_mitchell.kernel")
                .toString(),
            "--target",
            "lmul-e5m2",
            "--exhaustive",
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode o = new ObjectMapper().readTree(r.out());
    for (String k :
        new String[] {
          "target",
          "method",
          "points",
          "max_rel_err",
          "mean_rel_err",
          "exact_fraction",
          "ops",
          "cost"
        }) {
      assertTrue(o.has(k), k + " in " + r.out());
    }
    assertEquals(65536, o.get("points").asInt());
    r =
        run(
            "score",
            ROOT.resolve("examples/fibonacci_step.kernel").toString(),
            "--target",
            "seq",
            "--terms",
            FIB,
            "--json");
    assertEquals(0, r.exit(), r.err());
    o = new ObjectMapper().readTree(r.out());
    for (String k :
        new String[] {"target", "method", "points", "train_matched", "heldout_matched", "ops"}) {
      assertTrue(o.has(k), k + " in " + r.out());
    }
    assertEquals(10, o.get("heldout_matched").asInt());
  }

  @Test
  void targetsListsTheLmulAndSeqTargetsToo() {
    Run r = run("targets");
    assertEquals(0, r.exit(), r.err());
    for (String name : new String[] {"lmul-e4m3 ", "lmul-e5m2 ", "lmul-bf16 ", "seq "}) {
      assertEquals(
          1, r.out().lines().filter(l -> l.startsWith(name)).count(), name + " in\n" + r.out());
    }
  }

  @Test
  void targetsDescribesSeqWithoutDataAndWithItsSolversOnData() {
    Run r = run("targets", "seq");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("seq: "), r.out());
    assertTrue(r.out().contains("--terms"), r.out());
    r = run("targets", "seq", "--terms", FIB);
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("berlekamp-massey"), r.out());
    assertTrue(r.out().contains("a(n) = a(n-1) + a(n-2)"), r.out());
    r = run("targets", "exp2", "--terms", "1,2,3");
    assertEquals(1, r.exit());
    assertEquals("numevo: target exp2 takes no parameter --terms", r.err().strip());
  }

  @Test
  void targetsShowsSmallCostsWithTheirDigits() {
    // L-Mul on e4m3fn: 19 i32 ops at 0.1 pJ each is 1.9 pJ, not "2 pJ".
    Run r = run("targets", "lmul-e4m3");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().lines().anyMatch(l -> l.contains(" lmul ") && l.contains("1.9 pJ")), r.out());
  }

  @Test
  void exhaustiveOfAnUnenumerableDomainAndForeignFlagsAreOneLineErrors() {
    Run r =
        run(
            "score",
            BASELINES + "/exp2-real/horner1_fma.kernel",
            "--target",
            "exp2-real",
            "--exhaustive");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("cannot be scored exhaustively"), r.err());
    r =
        run(
            "score",
            BASELINES + "/exp2/horner6_fma.kernel",
            "--target",
            "exp2",
            "--terms",
            "1,2,3");
    assertEquals(1, r.exit());
    assertTrue(r.err().strip().equals("numevo: target exp2 takes no parameter --terms"), r.err());
  }
}
