package numevo.runs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import numevo.dsl.program.Input;
import numevo.dsl.text.Printer;
import numevo.evolver.enumerate.BinOp;
import numevo.evolver.enumerate.EnumeratedKernel;
import numevo.evolver.enumerate.Enumeration;
import numevo.evolver.enumerate.EnumerationLevel;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.problem.TargetSearches;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code numevo enumerate TARGET [--ops add,sub,mul,div] [--max-ops N] [--keep K] [--points N]
 * [--seed S] [--time T] [--threads N] [--out DIR] [--compose B [--inner-ops I] [--squarings K]
 * [--cores M]]}: every kernel shape of up to N binary float ops with its constants fitted to the
 * target's minimax error; the best of each op count, written as kernel files that {@code numevo
 * search --seed-from} takes; with {@code --compose}, then composed kernels of B ops ({@link
 * ComposeStage}).
 */
@Command(
    name = "enumerate",
    mixinStandardHelpOptions = true,
    description = {
      "Fits every kernel shape of up to N add, sub, mul, div ops to a target.",
      "It enumerates the straight-line shapes of 1 to N ops over the input and free constants",
      "(up to the symmetries it knows), fits each shape's constants to the target's max error on",
      "a spread subset of the training sample (the best of random starts by Levenberg-Marquardt,",
      "then Lawson's minimax iteration), fits the best shapes again on more points, and prints",
      "the best kernels of each op count with their training and validation errors. With --out,",
      "writes them as kernel files (seeds for",
      "'numevo search --seed-from DIR/*.kernel') and enumeration.tsv. Deterministic without",
      "--time; the thread count changes only the speed."
    })
final class EnumerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "a target name or a FILE.target")
  String target;

  @Option(
      names = "--ops",
      paramLabel = "M,...",
      description = "the ops (of add, sub, mul, div); default: those in the target's primitive set")
  String ops;

  @Option(
      names = "--max-ops",
      paramLabel = "N",
      description = "the largest op count; default: ${DEFAULT-VALUE}")
  int maxOps = 4;

  @Option(
      names = "--keep",
      paramLabel = "K",
      description = "kernels kept per op count; default: ${DEFAULT-VALUE}")
  int keep = 3;

  @Option(
      names = "--points",
      paramLabel = "N",
      description = "training sample size; default: ${DEFAULT-VALUE}")
  int points = ScoreOptions.DEFAULT_TRAINING_POINTS;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "training sample and fit seed; default: ${DEFAULT-VALUE}")
  long seed = 1;

  @Option(
      names = "--time",
      paramLabel = "T",
      description = "stop fitting after this long (90s, 10m); the op count reached is reported")
  String time;

  @Option(names = "--threads", paramLabel = "N", description = "threads; default: the cores")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "write the kept kernels and enumeration.tsv here (refused if not empty)")
  Path out;

  @Option(
      names = "--compose",
      paramLabel = "B",
      description =
          "then compose kernels of exactly B ops: core(inner(x)) squared k times, for every inner"
              + " map of up to --inner-ops ops, every core among the best --cores shapes of each"
              + " op count, every k up to --squarings (inner constants scanned on a grid, core"
              + " fitted against exact^(1/2^k), the best polished jointly); the best three are"
              + " written to --out as compose-Bops-R.kernel")
  Integer compose;

  @Option(
      names = "--inner-ops",
      paramLabel = "I",
      description = "with --compose: the largest inner map; default: ${DEFAULT-VALUE}")
  int innerOps = 2;

  @Option(
      names = "--squarings",
      paramLabel = "K",
      description = "with --compose: the most squarings; default: ${DEFAULT-VALUE}")
  int squarings = 3;

  @Option(
      names = "--cores",
      paramLabel = "M",
      description =
          "with --compose: the best M shapes of each op count are the cores; default:"
              + " ${DEFAULT-VALUE}")
  int cores = 64;

  @Option(names = "--force", description = "let --out write into a directory that is not empty")
  boolean force;

  @Mixin TargetParamOptions targetParams;

  @Override
  public Integer call() {
    if (maxOps < 1 || maxOps > 8) {
      throw new UserError("--max-ops must be in [1, 8], got " + maxOps, 2);
    }
    if (keep < 1) {
      throw new UserError("--keep must be >= 1, got " + keep, 2);
    }
    if (points < 2) {
      throw new UserError("--points must be >= 2, got " + points, 2);
    }
    int th = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (th < 1) {
      throw new UserError("--threads must be >= 1", 2);
    }
    if (compose != null
        && (compose < 1
            || compose > 24
            || innerOps < 0
            || innerOps > 3
            || squarings < 0
            || cores < 1)) {
      throw new UserError(
          "--compose must be in [1, 24], --inner-ops in [0, 3], --squarings >= 0, --cores >= 1", 2);
    }
    checkOut();
    targetParams.rejectOrder("enumerate");
    Target t = targetParams.resolve(target);
    GenomeConfig g;
    try {
      g = TargetSearches.genome(t, Math.max(maxOps, 1));
    } catch (IllegalArgumentException e) {
      throw new UserError("cannot enumerate " + t.name() + ": " + e.getMessage(), 2);
    }
    if (g.outputTypes().size() != 1) {
      throw new UserError("cannot enumerate " + t.name() + ": it has more than one output", 2);
    }
    Set<BinOp> binOps = binOps(g);
    long deadline = Long.MAX_VALUE;
    if (time != null) {
      Duration d = SearchCommand.duration(time);
      if (d.isZero() || d.isNegative()) {
        throw new UserError("--time must be positive: '" + time + "'", 2);
      }
      deadline = System.nanoTime() + d.toNanos();
    }
    Scorer scorer = t.scorer(ScoreOptions.training(points, seed));
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "enumerate %s: shapes of 1 to %d ops from %s; %s; metric %s%n",
        t.name(),
        maxOps,
        binOps.stream().map(b -> b.op().mnemonic()).toList(),
        scorer.description(),
        t.objective());
    w.flush();
    Enumeration.Config config =
        Enumeration.Config.of(binOps, maxOps, seed, th)
            .withKeep(compose == null ? keep : Math.max(keep, cores))
            .withDeadline(deadline);
    long start = System.nanoTime();
    List<Input> inputs = g.inputs();
    List<EnumerationLevel> levels;
    try {
      levels =
          Enumeration.run(
              scorer,
              g.format(),
              inputs,
              config,
              l -> {
                EnumeratedKernel b = l.best().isEmpty() ? null : l.best().get(0);
                w.printf(
                    Locale.ROOT,
                    "%d ops: %,d shapes, %,d fitted, best %s (%.1f s)%s%n",
                    l.ops(),
                    l.shapes(),
                    l.fitted(),
                    b == null ? "-" : String.format(Locale.ROOT, "%.6g", b.error()),
                    (System.nanoTime() - start) / 1e9,
                    b == null ? "" : ": " + b.skeleton());
                w.flush();
              });
    } catch (IllegalArgumentException e) {
      throw new UserError("cannot enumerate " + t.name() + ": " + e.getMessage(), 2);
    }
    List<String> tsv = new ArrayList<>();
    tsv.add("ops\trank\tshapes\tfitted\ttrain_error\tvalidation_error\tshape\tfile");
    w.println();
    w.println(
        "best kernel of at most N ops (training: the sample above; validation: 100,000 points):");
    w.println("ops\ttrain\tvalidation\tshape");
    EnumeratedKernel bestSoFar = null;
    double bestVal = Double.NaN;
    for (EnumerationLevel l : levels) {
      for (int r = 0; r < Math.min(keep, l.best().size()); r++) {
        EnumeratedKernel k = l.best().get(r);
        Score v = t.score(k.program(), ScoreOptions.of());
        double ve = v.error();
        String file = String.format(Locale.ROOT, "enum-%dops-%d.kernel", l.ops(), r);
        tsv.add(
            String.format(
                Locale.ROOT,
                "%d\t%d\t%d\t%d\t%.17g\t%.17g\t%s\t%s",
                l.ops(),
                r,
                l.shapes(),
                l.fitted(),
                k.error(),
                ve,
                k.skeleton(),
                file));
        if (out != null) {
          write(out.resolve(file), k, l, ve);
        }
        if (r == 0 && (bestSoFar == null || k.error() < bestSoFar.error())) {
          bestSoFar = k;
          bestVal = ve;
        }
      }
      if (bestSoFar != null) {
        w.printf(
            Locale.ROOT,
            "%d\t%.6g\t%.6g\t%s%n",
            l.ops(),
            bestSoFar.error(),
            bestVal,
            bestSoFar.skeleton());
      }
    }
    if (compose != null) {
      ComposeStage.run(
          t, scorer, g, binOps, levels, compose, innerOps, squarings, seed, th, deadline, out, w);
    }
    if (out != null) {
      write(out.resolve("enumeration.tsv"), String.join("\n", tsv) + "\n");
      w.println("wrote " + out);
    }
    w.flush();
    return 0;
  }

  private Set<BinOp> binOps(GenomeConfig g) {
    Set<BinOp> s = EnumSet.noneOf(BinOp.class);
    if (ops == null) {
      try {
        return Enumeration.binaryOps(g.ops());
      } catch (IllegalArgumentException e) {
        throw new UserError("cannot enumerate: " + e.getMessage(), 2);
      }
    }
    for (String m : ops.split(",")) {
      BinOp found = null;
      for (BinOp b : BinOp.values()) {
        if (b.op().mnemonic().equals(m.trim())) {
          found = b;
        }
      }
      if (found == null) {
        throw new UserError("--ops: enumerate takes add, sub, mul, div; got '" + m.trim() + "'", 2);
      }
      s.add(found);
    }
    return s;
  }

  private void write(Path file, EnumeratedKernel k, EnumerationLevel l, double validation) {
    String head =
        String.format(
            Locale.ROOT,
            "# numevo enumerate %s: best %s-op shape (%s)%n# %s%n"
                + "# training max error %.6g; validation (100,000 points) %.6g%n",
            target,
            l.ops(),
            Plural.of(l.shapes(), "shape") + " enumerated",
            k.skeleton(),
            k.error(),
            validation);
    write(file, head + Printer.print(k.program()));
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError(file + ": cannot write: " + e.getMessage());
    }
  }

  private void checkOut() {
    if (out == null) {
      return;
    }
    try {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new UserError("--out " + out + ": not a directory", 2);
      }
      if (Files.isDirectory(out) && !force) {
        try (var s = Files.list(out)) {
          if (s.findAny().isPresent()) {
            throw new UserError("--out " + out + ": not empty (use --force)", 2);
          }
        }
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UserError("--out " + out + ": " + e.getMessage(), 2);
    }
  }
}
