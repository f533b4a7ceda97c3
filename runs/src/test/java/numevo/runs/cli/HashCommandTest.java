package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.evolver.hash.HashConfig;
import numevo.evolver.hash.ProgramHasher;
import numevo.evolver.problem.TargetScorer;
import numevo.evolver.problem.TargetSearches;
import numevo.hashing.ProbeConfig;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code numevo hash} through {@link Main#run}, on kernel files written to a temporary folder. */
class HashCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    /** The hash printed for {@code file}. */
    String hashOf(Path file) {
      for (String line : lines()) {
        if (line.endsWith("  " + file)) {
          return line.substring(0, 32);
        }
      }
      throw new AssertionError("no line for " + file + " in\n" + out);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static final String F32 = "kernel k float32\ninput x : f\n";
  private static final String CODES = "kernel k e4m3fn\ninput a : i32\ninput b : i32\n";
  private static final String INTS = "kernel k float64\ninput a : int\n";

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Run hash(List<String> options, Path... files) {
    List<String> args = new ArrayList<>(List.of("hash"));
    args.addAll(options);
    for (Path f : files) {
      args.add(f.toString());
    }
    return run(args.toArray(String[]::new));
  }

  @Test
  void theSeqTargetIsRefusedWithTheReasonInsteadOfAskingForTerms() throws IOException {
    Path fib =
        write(
            "fib.kernel",
            "kernel fib float64\ninput a1 : int\ninput a2 : int\n" + "s = add a1 a2\noutput s\n");
    CliRun.Run r = CliRun.run("hash", fib.toString(), "--target", "seq");
    assertEquals(2, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("numevo: --target seq: "), r.err());
    assertTrue(r.err().contains("leave out --target"), r.err());
    // Without --target the recurrence hashes, as a seq search hashes it.
    r = CliRun.run("hash", fib.toString());
    assertEquals(0, r.exit(), r.err());
  }

  @Test
  void printsOneLinePerFileAndNothingElse() throws IOException {
    Path a = write("a.kernel", F32 + "y = add x x\noutput y\n");
    Path b = write("b.kernel", F32 + "y = mul x x\noutput y\n");
    Run r = hash(List.of(), a, b);
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertEquals(2, r.lines().size(), r.out());
    assertTrue(r.lines().get(0).matches("[0-9a-f]{32}  " + java.util.regex.Pattern.quote("" + a)));
    assertTrue(r.lines().get(1).matches("[0-9a-f]{32}  " + java.util.regex.Pattern.quote("" + b)));
  }

  @Test
  void equalFunctionsPrintEqualHashesAndOthersDiffer() throws IOException {
    Path sum = write("sum.kernel", F32 + "y = add x x\noutput y\n");
    Path twice = write("twice.kernel", F32 + "y = mul 2.0 x\noutput y\n");
    Path dead = write("dead.kernel", F32 + "d = sqrt x\ny = add x x\ne = mul d y\noutput y\n");
    Path square = write("square.kernel", F32 + "y = mul x x\noutput y\n");
    Run r = hash(List.of(), sum, twice, dead, square);
    assertEquals(0, r.exit(), r.err());
    assertEquals(r.hashOf(sum), r.hashOf(twice));
    assertEquals(r.hashOf(sum), r.hashOf(dead));
    assertNotEquals(r.hashOf(sum), r.hashOf(square));
  }

  @Test
  void eachFileIsHashedOnItsOwnSignature() throws IOException {
    Path f32 = write("f32.kernel", F32 + "y = add x x\noutput y\n");
    Path f16 = write("f16.kernel", F32.replace("float32", "float16") + "y = add x x\noutput y\n");
    Path codes = write("codes.kernel", CODES + "y = add a b\noutput y\n");
    Path codesSwapped = write("swapped.kernel", CODES + "y = add b a\noutput y\n");
    Path ints = write("ints.kernel", INTS + "y = add a a\noutput y\n");
    Path intsTwice = write("ints2.kernel", INTS + "y = mul 2 a\noutput y\n");
    Run r = hash(List.of(), f32, f16, codes, codesSwapped, ints, intsTwice);
    assertEquals(0, r.exit(), r.err());
    assertEquals(6, r.lines().size(), r.out());
    assertNotEquals(r.hashOf(f32), r.hashOf(f16));
    assertEquals(r.hashOf(codes), r.hashOf(codesSwapped));
    assertEquals(r.hashOf(ints), r.hashOf(intsTwice));
  }

  @Test
  void aKernelInvalidEverywhereStillGetsItsHash() throws IOException {
    Path byZero = write("zero.kernel", INTS + "y = div a 0\noutput y\n");
    Path alsoByZero = write("zero2.kernel", INTS + "s = add a 1\ny = div s 0\noutput y\n");
    Path zero = write("times0.kernel", INTS + "y = mul a 0\noutput y\n");
    Run r = hash(List.of(), byZero, alsoByZero, zero);
    assertEquals(0, r.exit(), r.err());
    assertEquals(r.hashOf(byZero), r.hashOf(alsoByZero));
    assertNotEquals(r.hashOf(byZero), r.hashOf(zero));
  }

  @Test
  void aBadFileGetsAOneLineErrorAndTheOthersTheirHashes() throws IOException {
    Path good = write("good.kernel", F32 + "y = add x x\noutput y\n");
    Path bad = write("bad.kernel", F32 + "y = frob x x\noutput y\n");
    Path missing = dir.resolve("missing.kernel");
    Run r = hash(List.of(), good, bad, missing);
    assertEquals(1, r.exit());
    assertEquals(1, r.lines().size(), r.out());
    r.hashOf(good);
    List<String> errors = r.err().lines().toList();
    assertEquals(2, errors.size(), r.err());
    assertTrue(errors.get(0).startsWith("numevo: " + bad + ":3:5: "), r.err());
    assertTrue(errors.get(1).contains("missing.kernel"), r.err());
    assertTrue(r.err().lines().noneMatch(l -> l.contains("Exception")), r.err());
  }

  @Test
  void theSeedIsPartOfTheHash() throws IOException {
    Path f = write("f.kernel", F32 + "y = mul x x\noutput y\n");
    String byDefault = hash(List.of(), f).hashOf(f);
    assertEquals(
        byDefault, hash(List.of("--seed", Long.toString(ProbeConfig.DEFAULT.seed())), f).hashOf(f));
    assertNotEquals(byDefault, hash(List.of("--seed", "2"), f).hashOf(f));
    assertEquals(
        hash(List.of("--seed", "2"), f).hashOf(f), hash(List.of("--seed", "2"), f).hashOf(f));
  }

  @Test
  void aTargetComparesKernelsOnItsDomainOnly() throws IOException {
    // min(x, 1) and x differ above 1 only, outside exp2's domain [0, 1) (where |x| would not
    // do: the domain has -0).
    Path min = write("min.kernel", F32 + "y = min x 1.0\noutput y\n");
    Path id = write("id.kernel", F32 + "output x\n");
    Run everywhere = hash(List.of(), min, id);
    assertNotEquals(everywhere.hashOf(min), everywhere.hashOf(id));
    Run onExp2 = hash(List.of("--target", "exp2"), min, id);
    assertEquals(0, onExp2.exit(), onExp2.err());
    assertEquals(onExp2.hashOf(min), onExp2.hashOf(id));
  }

  @Test
  void aTargetGivesTheHashesOfADefaultSearch() throws IOException {
    Path f = write("p.kernel", F32 + "s = mul x x\ny = add s 1.0\noutput y\n");
    Program p = Parser.parse(Files.readString(f), f.toString());
    Target t = Targets.resolve("exp2", TargetParams.of(Map.of()));
    // What 'numevo search exp2' builds with its default --seed and --points.
    TargetScorer scorer = TargetScorer.of(t, ScoreOptions.training(1024, 1));
    ProgramHasher searchHasher =
        ProgramHasher.of(
            TargetSearches.genome(t, 20),
            HashConfig.DEFAULT.withInputs(TargetSearches.sampleBounds(scorer)));
    String expected = searchHasher.hash(p).orElseThrow().toString();
    assertEquals(expected, hash(List.of("--target", "exp2"), f).hashOf(f));
  }

  @Test
  void aKernelThatDoesNotFitTheTargetIsAnError() throws IOException {
    Path codes = write("codes.kernel", CODES + "y = add a b\noutput y\n");
    Path good = write("good.kernel", F32 + "output x\n");
    Run r = hash(List.of("--target", "exp2"), codes, good);
    assertEquals(1, r.exit());
    assertEquals(1, r.lines().size(), r.out());
    r.hashOf(good);
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("numevo: " + codes + ": kernel 'k' does not fit"), r.err());
  }

  @Test
  void anUnknownTargetIsAOneLineError() throws IOException {
    Path f = write("f.kernel", F32 + "output x\n");
    Run r = hash(List.of("--target", "nope"), f);
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("numevo: unknown target 'nope'"), r.err());
  }

  @Test
  void helpDocumentsTheDefaultRanges() {
    Run r = run("hash", "--help");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains(ProbeConfig.DEFAULT.count() + " points"), r.out());
    assertTrue(r.out().contains("0..255 for FP8 codes"), r.out());
    assertTrue(r.out().contains("infinities and NaN included"), r.out());
  }
}
