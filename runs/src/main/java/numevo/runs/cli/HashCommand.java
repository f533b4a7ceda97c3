package numevo.runs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import numevo.evolver.hash.Bounds;
import numevo.evolver.hash.KernelHash;
import numevo.evolver.problem.TargetScorer;
import numevo.evolver.problem.TargetSearches;
import numevo.hashing.ProbeConfig;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import numevo.targets.seq.SeqTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code numevo hash FILE... [--target T] [--seed N]}: prints the functional hash of each kernel,
 * one line per file, {@code <32 hex digits> <file>}, and nothing else on standard output.
 */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the functional hash of each kernel. One line per file:",
      "'<32 hex digits>  <file>', and nothing else on standard output, so that",
      "'sort | uniq -c' groups the files that compute the same function.",
      "",
      "Equal functions print equal hashes: same output bits on every probe, whatever",
      "the code (dead code and instruction order do not matter). Each file is hashed",
      "on its own signature (format, input and output types), which is part of the",
      "hash. The probes are the search's: 128 points, the special values of each",
      "input (0, +-1, the range's ends, subnormals, near overflow, infinities, NaN)",
      "and random points drawn with --seed.",
      "",
      "Input ranges without --target:",
      "  f    every value of the format, infinities and NaN included;",
      "  i32  the format's codes 0 .. 2^bits-1 in formats narrower than 32 bits",
      "       (0..255 for FP8 codes), every int otherwise;",
      "  int  residues modulo the prime 2^61-1: exact-integer kernels are evaluated",
      "       modulo the prime, or exactly and then reduced if they compare, select",
      "       or convert.",
      "With --target T: the range of T's training sample, from which 'numevo search",
      "T' draws its probes (default search: "
          + ScoreOptions.DEFAULT_TRAINING_POINTS
          + " training points, seed "
          + HashCommand.SAMPLE_SEED
          + "); with the",
      "default --seed the hashes are those a default search caches fitness by.",
      "",
      "A kernel invalid on some probes (an inexact int division...) gets the hash of",
      "its partial function. Exit code 1 if a file is malformed or does not fit T."
    })
final class HashCommand implements Callable<Integer> {

  /** The training sample seed of a default search ({@code numevo search --seed}'s default). */
  static final long SAMPLE_SEED = 1;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "kernel files")
  List<Path> files;

  @Option(
      names = "--target",
      paramLabel = "T",
      description =
          "draw probes from the training sample's range of this target (a name or a"
              + " FILE.target); every kernel must fit its signature")
  String target;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "seed of the random probes (mixed into every hash); default: the search's, "
              + "${DEFAULT-VALUE}")
  long seed = ProbeConfig.DEFAULT.seed();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProbeConfig probes = ProbeConfig.DEFAULT.withSeed(seed);
    Target t = target == null ? null : resolve(target);
    List<Bounds> targetRanges = t == null ? null : ranges(t);
    int failed = 0;
    for (Path f : files) {
      Program p;
      try {
        p = Parser.parseFile(f).program();
      } catch (ProgramException e) {
        err.println("numevo: " + e.getMessage());
        failed++;
        continue;
      }
      if (t != null && !t.signature().accepts(p)) {
        err.println("numevo: " + f + ": " + misfit(t, p));
        failed++;
        continue;
      }
      List<Bounds> ranges =
          targetRanges != null
              ? targetRanges
              : KernelHash.defaultRanges(p.format(), p.inputTypes());
      out.println(KernelHash.of(p, ranges, probes) + "  " + f);
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : 1;
  }

  private static Target resolve(String nameOrPath) {
    if (nameOrPath.equals(SeqTarget.NAME)) {
      // Its probes would not depend on the sequence: refuse it rather than ask for data.
      throw new UserError(
          "--target seq: recurrences (exact-int kernels) are hashed at random residues whatever"
              + " the sequence, so leave out --target: 'numevo hash FILE' prints the hash a seq"
              + " search uses",
          2);
    }
    try {
      return Targets.resolve(nameOrPath, TargetParams.of(Map.of()));
    } catch (TargetException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * The ranges the search draws its probes from: the training sample's, for every input but exact
   * integers (whose probes are residues whatever the range).
   */
  private static List<Bounds> ranges(Target t) {
    try {
      TargetScorer scorer =
          TargetScorer.of(
              t, ScoreOptions.training(ScoreOptions.DEFAULT_TRAINING_POINTS, SAMPLE_SEED));
      List<Bounds> sample = TargetSearches.sampleBounds(scorer);
      List<Type> types = t.signature().inputs();
      return java.util.stream.IntStream.range(0, types.size())
          .mapToObj(i -> types.get(i) == Type.INT ? Bounds.ALL : sample.get(i))
          .toList();
    } catch (TargetException e) {
      throw new UserError("cannot draw the probes of " + t.name() + ": " + e.getMessage());
    }
  }

  private static String misfit(Target t, Program p) {
    try {
      t.signature().check(t.name(), p);
      return "does not fit target " + t.name();
    } catch (TargetException e) {
      return e.getMessage();
    }
  }
}
