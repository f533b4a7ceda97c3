package numevo.runs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import numevo.dsl.program.Program;
import numevo.dsl.text.ParsedProgram;
import numevo.dsl.text.Printer;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.genome.Kernels;
import numevo.evolver.problem.TargetScorer;
import numevo.evolver.problem.TargetSearches;
import numevo.evolver.rank.FrontRanker;
import numevo.evolver.rank.RankPolicy;
import numevo.evolver.rank.RankResult;
import numevo.evolver.rank.Ranked;
import numevo.evolver.search.Search;
import numevo.evolver.tune.Tuned;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.Method;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code numevo tune FILE --target T [--points N] [--seed S] [-o OUT] [--force]}: tunes the
 * constants of one kernel against a target with the search's tuner, on a training sample larger
 * than a search's, and reports the objective on the validation sample before and after.
 */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
      "Tunes the constants of a kernel against a target. It uses the search's constant tuner",
      "(CMA-ES, linearized minimax steps, then a ULP climb; integer constants of code kernels",
      "by an integer climb, magic constants of float kernels with frombits by a scan and a",
      "pattern search with the float constants re-fitted to each) on a training sample, and",
      "prints the objective on that sample and",
      "on the validation sample (as 'numevo score' draws it) before and after. The tuned kernel",
      "goes to standard output or to -o OUT; the structure is kept, dead code is dropped."
    })
final class TuneCommand implements Callable<Integer> {
  /** The ULP climb's budget: larger than a search's, for one kernel a user asked about. */
  static final int CLIMB_EVALUATIONS = 2000;

  /**
   * The integer search's budget where the target tunes integer constants: larger than a search's,
   * for one kernel (with float constants too, each integer candidate's are re-fitted).
   */
  static final int INT_EVALUATIONS = 4000;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the kernel file")
  Path file;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "T",
      description = "a target name (see 'numevo targets') or a FILE.target")
  String target;

  @Option(
      names = "--points",
      paramLabel = "N",
      description = "training sample size; default: ${DEFAULT-VALUE}")
  int points = 32_768;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "training sample and tuner seed; default: ${DEFAULT-VALUE}")
  long seed = 1;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "write the tuned kernel to OUT; an existing OUT needs --force")
  Path output;

  @Option(names = "--force", description = "overwrite OUT if it exists")
  boolean force;

  @Option(
      names = "--verified",
      description =
          "tune as a search ranks its front (float targets of one input): re-tune on a larger"
              + " sample and the worst inputs found, verify exhaustively where the domain allows,"
              + " with the worst inputs of each check joining the re-tuning (--points and the"
              + " validation line as without it)")
  boolean verified;

  @Mixin TargetParamOptions targetParams;

  @Override
  public Integer call() {
    if (points < 1) {
      throw new UserError("--points must be at least 1, got " + points, 2);
    }
    if (output != null && !force && Files.exists(output)) {
      throw new UserError(output + ": exists (use --force to overwrite)");
    }
    targetParams.rejectOrder("tune");
    Target t = targetParams.resolve(target);
    ParsedProgram parsed = KernelFiles.read(file);
    Program p = Kernels.stripDead(parsed.program());
    TargetScorer training = TargetScorer.of(t, ScoreOptions.training(points, seed));
    double before;
    Score validationBefore;
    try {
      before = training.error(p);
      validationBefore = t.score(p, ScoreOptions.of());
    } catch (TargetException e) {
      throw new UserError(
          e.aboutKernel() ? parsed.sourceMap().kernel() + ": " + e.getMessage() : e.getMessage());
    }
    if (verified) {
      return verified(t, parsed, p, before, training);
    }
    TuningConfig d = TargetSearches.tuning(t);
    TuningConfig config =
        TuningConfig.of(
            d.every(),
            d.perIsland(),
            d.cmaEvaluations(),
            d.cmaPopulation(),
            d.sigma(),
            CLIMB_EVALUATIONS,
            d.refineSteps(),
            d.intClimbEvaluations() > 0 ? Math.max(d.intClimbEvaluations(), INT_EVALUATIONS) : 0);
    long start = System.nanoTime();
    Tuned tuned = Search.tuner(training, config).tune(p, before, seed);
    double seconds = (System.nanoTime() - start) / 1e9;
    Program q = tuned.program();
    Score validationAfter = t.score(q, ScoreOptions.of());
    PrintWriter err = spec.commandLine().getErr();
    String metric = t.objective();
    err.println("target " + t.name() + ": " + metric);
    err.printf(
        Locale.ROOT,
        "training (%s): %.6g -> %.6g (%s, %.1f s)%n",
        training.scorer().description(),
        before,
        tuned.error(),
        Plural.of(tuned.evaluations(), "scoring"),
        seconds);
    String how =
        validationBefore.method() == Method.EXHAUSTIVE
            ? "exhaustive, all " + Plural.of(validationBefore.points(), "point")
            : String.format(
                Locale.ROOT,
                "sampled, %s, seed %d",
                Plural.of(validationBefore.points(), "point"),
                validationBefore.seed().orElse(ScoreOptions.DEFAULT_SEED));
    err.printf(
        Locale.ROOT,
        "validation (%s): %.6g -> %.6g%n",
        how,
        objective(validationBefore, metric),
        objective(validationAfter, metric));
    if (q == p) {
      err.println("no better constants found on the training sample; the kernel is unchanged");
    }
    err.flush();
    String text = Printer.print(q);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      write(text);
      err.println("wrote " + output);
    }
    return 0;
  }

  private int verified(
      Target t, ParsedProgram parsed, Program p, double before, TargetScorer training) {
    PrintWriter err = spec.commandLine().getErr();
    if (!FrontRanker.ranks(t)) {
      throw new UserError("--verified: target " + t.name() + " has no verified ranking", 2);
    }
    long start = System.nanoTime();
    FrontEntry e = FrontEntry.of(p, Fitness.of(before, t.costModel().cost(p)), 0, 0);
    RankResult r =
        FrontRanker.rank(
            t,
            training.options(),
            List.of(e),
            RankPolicy.DEFAULT,
            seed,
            Runtime.getRuntime().availableProcessors(),
            line -> {
              err.println(line);
              err.flush();
            });
    Ranked k = r.all().get(0);
    err.printf(
        Locale.ROOT,
        "verified: %.6g (%s, %d exhaustive checks, %,d counterexamples, %.1f s)%n",
        k.error(),
        k.verified() ? "exhaustive" : "larger sample",
        r.exhaustiveChecks(),
        r.counterexamples(),
        (System.nanoTime() - start) / 1e9);
    err.flush();
    String text = Printer.print(k.entry().program());
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      write(text);
      err.println("wrote " + output);
    }
    return 0;
  }

  private static double objective(Score s, String metric) {
    return s.value(metric).orElse(Double.NaN);
  }

  private void write(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      if (force) {
        Files.write(output, bytes);
      } else {
        Files.write(output, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new UserError(output + ": exists (use --force to overwrite)");
    } catch (IOException e) {
      throw new UserError(output + ": cannot write (" + e.getMessage() + ")");
    }
  }
}
