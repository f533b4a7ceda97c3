package numevo.runs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.text.Printer;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.fitness.Objective;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.search.EngineConfig;
import numevo.evolver.search.GenerationStats;
import numevo.evolver.search.IslandConfig;
import numevo.evolver.search.Search;
import numevo.evolver.search.SearchConfig;
import numevo.evolver.search.SearchResult;
import numevo.evolver.search.StopConfig;
import numevo.evolver.target.TargetScorer;
import numevo.evolver.target.TargetSearches;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.Method;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code numevo search TARGET [--seed N] [--time 10m] [--generations N] [--islands N] [--threads N]
 * [--out DIR] ...}: evolves kernels for a target and prints the Pareto front of error and cost.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Evolves kernels for a target (see 'numevo targets'): islands of Jenetics engines over typed",
      "straight-line programs, with functional hashing, constant tuning and a Pareto front of",
      "(error, cost). The same seed and options give the same front for any --threads; only",
      "--time makes the stopping point vary. Without a limit the search runs for one minute.",
      "Errors are fitted on a training sample; the final front is re-scored on the validation",
      "sample, or on every point of the domain with --exhaustive."
    })
final class SearchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TARGET", description = "a target name or a FILE.target")
  String target;

  @Option(names = "--seed", paramLabel = "N", description = "the search's seed; default: 1")
  long seed = 1;

  @Option(
      names = "--time",
      paramLabel = "T",
      description = "stop after this long: 90s, 10m, 2h, PT5M")
  String time;

  @Option(names = "--generations", paramLabel = "N", description = "stop after N generations")
  long generations;

  @Option(names = "--evaluations", paramLabel = "N", description = "stop after N scorings")
  long evaluations;

  @Option(
      names = "--target-error",
      paramLabel = "E",
      description = "stop once a kernel's training error is at most E")
  Double targetError;

  @Option(names = "--islands", paramLabel = "N", description = "islands; default: the cores")
  Integer islands;

  @Option(names = "--threads", paramLabel = "N", description = "threads; default: the cores")
  Integer threads;

  @Option(
      names = "--population",
      paramLabel = "N",
      description = "individuals per island; default: ${DEFAULT-VALUE}")
  int population = EngineConfig.DEFAULT.populationSize();

  @Option(
      names = "--max-size",
      paramLabel = "N",
      description = "most instructions of a kernel; default: ${DEFAULT-VALUE}")
  int maxSize = 20;

  @Option(
      names = "--points",
      paramLabel = "N",
      description = "training sample size; default: ${DEFAULT-VALUE}")
  int points = ScoreOptions.DEFAULT_TRAINING_POINTS;

  @Option(
      names = "--max-error",
      paramLabel = "E",
      description = "find the cheapest kernel with training error at most E")
  Double maxError;

  @Option(
      names = "--max-cost",
      paramLabel = "C",
      description = "find the kernel of smallest error with cost at most C")
  Double maxCost;

  @Option(
      names = "--ops",
      paramLabel = "M,...",
      description = "use only these mnemonics (e.g. add,mul,fma) instead of the target's set")
  String ops;

  @Option(names = "--add-ops", paramLabel = "M,...", description = "add these mnemonics")
  String addOps;

  @Option(names = "--drop-ops", paramLabel = "M,...", description = "remove these mnemonics")
  String dropOps;

  @Option(
      names = "--seed-from",
      paramLabel = "FILE",
      arity = "1..*",
      description = "known kernels to put into the first populations")
  List<Path> seedFrom = new ArrayList<>();

  @Option(names = "--no-tuning", description = "do not tune constants")
  boolean noTuning;

  @Option(names = "--exhaustive", description = "verify the final front on every point")
  boolean exhaustive;

  @Option(names = "--out", paramLabel = "DIR", description = "write the front's kernels here")
  Path out;

  @Option(
      names = "--progress",
      paramLabel = "S",
      description = "seconds between progress lines; default: ${DEFAULT-VALUE}")
  double progressSeconds = 5;

  @Option(names = "--terms", paramLabel = "A,B,...", description = "seq: the sequence's terms")
  String terms;

  @Option(names = "--data", paramLabel = "FILE", description = "seq: an OEIS stripped-format file")
  String data;

  @Option(names = "--id", paramLabel = "A000045", description = "seq: the sequence's id in --data")
  String id;

  @Option(names = "--holdout", paramLabel = "K", description = "seq: terms held out (default 10)")
  String holdout;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    Target t = resolveTarget();
    SearchConfig config = config(t);
    TargetScorer scorer = TargetScorer.of(t, ScoreOptions.training(points, seed));
    config =
        config.withHash(
            config.hash().inputs().isEmpty() && !isExactInt(config.genome())
                ? config.hash().withInputs(TargetSearches.sampleBounds(scorer))
                : config.hash());
    w.println("target " + t.name() + ": " + t.summary());
    w.println(
        "search: seed "
            + seed
            + ", "
            + config.islands().islands()
            + " islands of "
            + config.engine().populationSize()
            + " on "
            + config.islands().threads()
            + " threads, "
            + config.genome().ops().size()
            + " ops, at most "
            + config.genome().maxSize()
            + " instructions, "
            + points
            + " training points, "
            + stopText(config.stop()));
    w.flush();
    double loadBefore = loadAverage();
    long[] lastPrint = {System.nanoTime()};
    SearchResult r =
        Search.of(config, scorer)
            .run(
                s -> {
                  long now = System.nanoTime();
                  if ((now - lastPrint[0]) / 1e9 >= progressSeconds) {
                    lastPrint[0] = now;
                    w.println(s.summary());
                    w.flush();
                  }
                });
    double loadAfter = loadAverage();
    GenerationStats last = r.history().get(r.history().size() - 1);
    w.println(last.summary());
    Throughput tp = Throughput.of(r, points, config.islands(), loadBefore, loadAfter);
    w.print(tp.text());
    printFront(t, r, w);
    if (out != null) {
      write(t, config, r, tp, w);
    }
    w.flush();
    return 0;
  }

  private Target resolveTarget() {
    Map<String, String> params = new LinkedHashMap<>();
    put(params, "terms", terms);
    put(params, "data", data);
    put(params, "id", id);
    put(params, "holdout", holdout);
    try {
      return Targets.resolve(target, TargetParams.of(params));
    } catch (TargetException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private SearchConfig config(Target t) {
    if (points < 1 || maxSize < 1 || population < 2) {
      throw new UserError("--points and --max-size must be >= 1, --population >= 2", 2);
    }
    if (maxError != null && maxCost != null) {
      throw new UserError("--max-error and --max-cost exclude each other", 2);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    int th = threads != null ? threads : cores;
    int is = islands != null ? islands : th;
    if (th < 1 || is < 1) {
      throw new UserError("--threads and --islands must be >= 1", 2);
    }
    GenomeConfig g;
    try {
      g = TargetSearches.genome(t, maxSize);
      g = g.withOps(ops(t, g));
    } catch (IllegalArgumentException e) {
      throw new UserError("cannot search " + t.name() + ": " + e.getMessage(), 2);
    }
    StopConfig stop = stop();
    List<Program> seeds = new ArrayList<>();
    for (Path f : seedFrom) {
      Program p = KernelFiles.read(f).program();
      try {
        numevo.evolver.genome.Kernels.fit(p, g);
      } catch (IllegalArgumentException e) {
        throw new UserError("--seed-from " + f + ": " + e.getMessage(), 2);
      }
      seeds.add(p);
    }
    Objective objective =
        maxError != null
            ? Objective.cheapestUnder(maxError)
            : maxCost != null ? Objective.smallestErrorUnder(maxCost) : Objective.pareto();
    try {
      return SearchConfig.of(seed, g, stop)
          .withCosts(TargetSearches.costs(t))
          .withObjective(objective)
          .withEngine(EngineConfig.DEFAULT.withPopulationSize(population))
          .withIslands(IslandConfig.of(is, 10, 2, th))
          .withTuning(noTuning ? TuningConfig.OFF : TuningConfig.DEFAULT)
          .withSeeds(seeds);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }

  private static boolean isExactInt(GenomeConfig g) {
    return g.inputTypes().contains(numevo.dsl.program.Type.INT)
        || g.outputTypes().contains(numevo.dsl.program.Type.INT);
  }

  private List<Op> ops(Target t, GenomeConfig g) {
    Set<Op> set = ops != null ? mnemonics(ops, g) : EnumSet.copyOf(g.ops());
    if (addOps != null) {
      set.addAll(mnemonics(addOps, g));
    }
    if (dropOps != null) {
      set.removeAll(mnemonics(dropOps, g));
    }
    if (set.isEmpty()) {
      throw new UserError("no ops left to search with", 2);
    }
    return List.copyOf(set);
  }

  /** Every overload of each mnemonic that exists in the genome's format. */
  private static Set<Op> mnemonics(String list, GenomeConfig g) {
    Set<Op> s = EnumSet.noneOf(Op.class);
    for (String m : list.split(",")) {
      String name = m.trim();
      if (name.isEmpty()) {
        continue;
      }
      List<Op> overloads = Op.overloads(name);
      if (overloads.isEmpty()) {
        throw new UserError(
            "unknown op '" + name + "'; ops: " + String.join(" ", Op.mnemonics()), 2);
      }
      for (Op op : overloads) {
        if (RandomProgramConfig.isValid(op, g.format())) {
          s.add(op);
        }
      }
    }
    return s;
  }

  private StopConfig stop() {
    Duration d = time != null ? duration(time) : Duration.ZERO;
    if (generations < 0 || evaluations < 0) {
      throw new UserError("--generations and --evaluations must be >= 0", 2);
    }
    if (d.isZero() && generations == 0 && evaluations == 0) {
      d = Duration.ofMinutes(1);
    }
    return new StopConfig(
        generations, evaluations, d, targetError != null ? targetError : Double.NEGATIVE_INFINITY);
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  /** Parses 90s, 10m, 2h, 500ms, 1.5h, or an ISO-8601 duration. */
  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (m.matches()) {
      double v = Double.parseDouble(m.group(1));
      double unitMillis =
          switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1e3;
            case "m" -> 60e3;
            default -> 3600e3;
          };
      return Duration.ofMillis(Math.round(v * unitMillis));
    }
    try {
      return Duration.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new UserError("bad --time '" + text + "': use e.g. 90s, 10m, 2h", 2);
    }
  }

  private static String stopText(StopConfig s) {
    List<String> parts = new ArrayList<>();
    if (s.generations() > 0) {
      parts.add(s.generations() + " generations");
    }
    if (s.evaluations() > 0) {
      parts.add(s.evaluations() + " scorings");
    }
    if (!s.time().isZero()) {
      parts.add(s.time().toSeconds() + " s");
    }
    if (s.targetError() > Double.NEGATIVE_INFINITY) {
      parts.add("error <= " + s.targetError());
    }
    return "stop at " + String.join(" or ", parts);
  }

  private void printFront(Target t, SearchResult r, PrintWriter w) {
    boolean canEnumerate = t.domainSize().isPresent();
    boolean full = exhaustive && canEnumerate;
    ScoreOptions options = full ? ScoreOptions.exhaustive() : ScoreOptions.of();
    String how =
        full
            ? "exhaustive"
            : String.format(Locale.ROOT, "sampled (%,d validation points)", options.points());
    if (exhaustive && !canEnumerate) {
      w.println("the domain of " + t.name() + " cannot be enumerated: verifying on a sample");
    }
    w.println(
        "Pareto front (" + r.front().size() + " kernels; cost in " + t.costModel().unit() + "):");
    w.println(
        String.format(
            Locale.ROOT,
            "  %10s %4s %14s %14s  %s",
            "cost",
            "ops",
            "train " + shortKey(t),
            "check",
            "kernel"));
    for (FrontEntry e : r.front()) {
      Score s = t.score(e.program(), options);
      w.println(
          String.format(
              Locale.ROOT,
              "  %10s %4d %14s %14s  %s",
              num(e.fitness().cost()),
              s.ops(),
              num(e.fitness().error()),
              num(s.error()) + (s.method() == Method.EXHAUSTIVE ? " exh" : " smp"),
              oneLine(e.program())));
      w.flush();
    }
    w.println("check: " + t.objective() + ", " + how);
  }

  private static String shortKey(Target t) {
    return t.objective();
  }

  private static String oneLine(Program p) {
    List<String> parts = new ArrayList<>();
    for (String line : Printer.print(p).split("\n")) {
      if (!line.startsWith("kernel") && !line.startsWith("input") && !line.isBlank()) {
        parts.add(line.trim());
      }
    }
    return String.join("; ", parts);
  }

  private static String num(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** The 1-minute load average of the machine, NaN where the platform does not tell. */
  private static double loadAverage() {
    double l =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? Double.NaN : l;
  }

  private void write(Target t, SearchConfig config, SearchResult r, Throughput tp, PrintWriter w) {
    try {
      Files.createDirectories(out);
      StringBuilder tsv = new StringBuilder("file\tcost\ttrain_error\tgeneration\tisland\n");
      int i = 0;
      for (FrontEntry e : r.front()) {
        String name = String.format(Locale.ROOT, "front%02d", i++);
        Program p = e.program();
        Program named = new Program(name, p.format(), p.inputs(), p.body(), p.outputs());
        String text =
            "# "
                + t.name()
                + ": training "
                + t.objective()
                + " "
                + num(e.fitness().error())
                + ", cost "
                + num(e.fitness().cost())
                + " "
                + t.costModel().unit()
                + "; found in generation "
                + e.generation()
                + " on island "
                + e.island()
                + ", search seed "
                + seed
                + "\n"
                + Printer.print(named);
        Files.writeString(out.resolve(name + ".kernel"), text);
        tsv.append(name)
            .append(".kernel\t")
            .append(e.fitness().cost())
            .append('\t')
            .append(e.fitness().error())
            .append('\t')
            .append(e.generation())
            .append('\t')
            .append(e.island())
            .append('\n');
      }
      Files.writeString(out.resolve("front.tsv"), tsv);
      StringBuilder h = new StringBuilder();
      h.append(
          "generation\tproposed\tcache_hits\tduplicate_hits\tmisses\tuncached\taudits\tfalse_hits"
              + "\tscored\tinvalid\tremutations\tdeduplicated\ttunings\ttuning_scorings"
              + "\tfront_size\tbest_error\n");
      for (GenerationStats g : r.history()) {
        h.append(g.generation()).append('\t').append(g.proposed()).append('\t');
        h.append(g.cacheHits()).append('\t').append(g.duplicateHits()).append('\t');
        h.append(g.misses()).append('\t').append(g.uncached()).append('\t');
        h.append(g.audits()).append('\t').append(g.falseHits()).append('\t');
        h.append(g.scored()).append('\t').append(g.invalid()).append('\t');
        h.append(g.remutations()).append('\t').append(g.deduplicated()).append('\t');
        h.append(g.tunings()).append('\t').append(g.tuningEvaluations()).append('\t');
        h.append(g.frontSize()).append('\t').append(g.bestError()).append('\n');
      }
      Files.writeString(out.resolve("history.tsv"), h);
      Files.writeString(out.resolve("throughput.tsv"), tp.tsv());
      Files.writeString(out.resolve("timings.tsv"), r.timings().table());
      Files.writeString(
          out.resolve("manifest.txt"),
          "target " + t.name() + "\ntraining points " + points + "\n" + config + "\n");
      w.println(
          "wrote "
              + r.front().size()
              + " kernels, front.tsv, history.tsv, throughput.tsv, timings.tsv, manifest.txt to "
              + out);
    } catch (IOException e) {
      throw new UserError("cannot write to " + out + ": " + e.getMessage());
    }
  }
}
