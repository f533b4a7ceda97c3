package numevo.runs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
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
import numevo.evolver.genome.MutationConfig;
import numevo.evolver.genome.MutationKind;
import numevo.evolver.problem.SearchDefaults;
import numevo.evolver.problem.TargetScorer;
import numevo.evolver.problem.TargetSearches;
import numevo.evolver.search.EngineConfig;
import numevo.evolver.search.GenerationStats;
import numevo.evolver.search.IslandConfig;
import numevo.evolver.search.Search;
import numevo.evolver.search.SearchConfig;
import numevo.evolver.search.SearchResult;
import numevo.evolver.search.Stat;
import numevo.evolver.search.StopConfig;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.Baseline;
import numevo.targets.Method;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import numevo.targets.lmul.LmulTarget;
import numevo.targets.seq.Recurrences;
import numevo.targets.seq.SeqTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      "Errors are fitted on a training sample (L-Mul on 8-bit formats: a stratified subset of",
      "the pairs); the final front is re-scored on the validation sample (all pairs for 8-bit",
      "L-Mul), or on every point of the domain with --exhaustive. For seq, the search ends with",
      "the best recurrence and a verdict: recovered if it predicts every held-out term, else",
      "none found."
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
      description = "individuals per island; default: 100")
  Integer population;

  @Option(
      names = "--max-size",
      paramLabel = "N",
      description = "most instructions of a kernel; default: 20 (float), 12 (seq), 32 (lmul-*)")
  Integer maxSize;

  @Option(
      names = "--points",
      paramLabel = "N",
      description =
          "training sample size; default: 1024 (float), 8192 pairs (lmul-e4m3, lmul-e5m2;"
              + " 65536 = all)")
  Integer points;

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
      description =
          "known kernels to put into the first populations: kernel files, or @baselines for the"
              + " target's baselines (seq: the Berlekamp-Massey and P-recursive fits of the"
              + " training terms), or @NAME for one of them; without it a search starts from"
              + " scratch")
  List<String> seedFrom = new ArrayList<>();

  @Option(
      names = "--mutation",
      paramLabel = "KIND=W,...",
      description =
          "change mutation weights, e.g. guard=0,insert=2 (kinds: op operand output constant_ulp"
              + " constant_relative insert delete duplicate guard)")
  String mutation;

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

  @Mixin TargetParamOptions targetParams;

  /** The search order of the seq target when --order is not given. */
  static final int DEFAULT_SEQ_ORDER = 4;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    Target t = resolveTarget();
    SearchDefaults d = TargetSearches.defaults(t);
    int pts = points != null ? points : d.trainingPoints();
    if (pts < 1) {
      throw new UserError("--points must be >= 1", 2);
    }
    TargetScorer scorer = TargetScorer.of(t, ScoreOptions.training(pts, seed));
    SearchConfig config = config(t, d, w);
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
            + (config.seeds().isEmpty() ? "from scratch" : config.seeds().size() + " seed kernels")
            + ", "
            + stopText(config.stop()));
    w.println("training: " + scorer.scorer().objective() + " on " + scorer.scorer().description());
    w.flush();
    double loadBefore = loadAverage();
    long started = System.nanoTime();
    long[] lastPrint = {started};
    GenerationStats[] since = {null};
    long[] firstSince = {1};
    StringBuilder discoveries =
        new StringBuilder("elapsed_s\tgeneration\tisland\tcost\ttrain_error\tnew_best\tkernel\n");
    double[] bestError = {Double.POSITIVE_INFINITY};
    List<FrontEntry> records = new ArrayList<>();
    SearchResult r =
        Search.of(config, scorer)
            .run(
                s -> {
                  // A progress line sums the generations since the last one: a single
                  // generation's counts would miss what happens every few generations (tuning).
                  since[0] = since[0] == null ? s : since[0].plus(s);
                  long now = System.nanoTime();
                  if ((now - lastPrint[0]) / 1e9 >= progressSeconds) {
                    lastPrint[0] = now;
                    w.println(since[0].summary(firstSince[0]));
                    w.flush();
                    since[0] = null;
                    firstSince[0] = s.generation() + 1;
                  }
                },
                e -> {
                  // Wall-clock time of discovery: what "time to the first kernel under 1 ULP"
                  // needs; it varies with the machine, the kernels found do not.
                  boolean best = e.fitness().error() < bestError[0];
                  if (best) {
                    bestError[0] = e.fitness().error();
                    records.add(e);
                  }
                  discoveries
                      .append(
                          String.format(Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9))
                      .append('\t')
                      .append(e.generation())
                      .append('\t')
                      .append(e.island())
                      .append('\t')
                      .append(e.fitness().cost())
                      .append('\t')
                      .append(e.fitness().error())
                      .append('\t')
                      .append(best ? records.size() : 0)
                      .append('\t')
                      .append(oneLine(e.program()))
                      .append('\n');
                });
    double loadAfter = loadAverage();
    GenerationStats last = r.history().get(r.history().size() - 1);
    w.println(last.summary());
    Throughput tp =
        Throughput.of(
            r,
            scorer.scorer().points(),
            scorer.scorer().description(),
            config.islands(),
            loadBefore,
            loadAfter);
    w.print(tp.text());
    w.println(cacheText(r));
    w.flush();
    StringBuilder report = new StringBuilder();
    printFront(t, scorer.scorer().objective(), r, w, report);
    if (t instanceof SeqTarget seq) {
      String verdict = SeqVerdict.of(seq, r.front()).text();
      w.print(verdict);
      report.append(verdict);
    }
    if (out != null) {
      write(t, config, scorer, r, tp, report.toString(), w);
      writeRecords(t, records, discoveries);
    }
    w.flush();
    return 0;
  }

  private static String cacheText(SearchResult r) {
    long proposed = 0;
    long hits = 0;
    long uncached = 0;
    long audits = 0;
    long falseHits = 0;
    for (GenerationStats g : r.history()) {
      proposed += g.get(Stat.PROPOSED);
      hits += g.get(Stat.CACHE_HITS) + g.get(Stat.DUPLICATE_HITS);
      uncached += g.get(Stat.UNCACHED);
      audits += g.get(Stat.AUDITS);
      falseHits += g.get(Stat.FALSE_HITS);
    }
    return String.format(
        Locale.ROOT,
        "cache: %,d of %,d candidates answered by their functional hash (%.1f%%), %,d not"
            + " hashable; audit: %d false hits in %d re-scored hits",
        hits,
        proposed,
        proposed == 0 ? 0.0 : 100.0 * hits / proposed,
        uncached,
        falseHits,
        audits);
  }

  private Target resolveTarget() {
    Map<String, String> params = targetParams.values();
    String order = params.remove("order");
    boolean seq = target.equals(SeqTarget.NAME);
    if (!seq && (order != null || params.containsKey("offset"))) {
      throw new UserError("--order and --offset are seq parameters, not " + target + "'s", 2);
    }
    if (seq && order == null) {
      // The default order, lowered for sequences too short for it.
      TargetException last = null;
      for (int k = DEFAULT_SEQ_ORDER; k >= 1; k--) {
        params.put("order", Integer.toString(k));
        try {
          return Targets.resolve(target, TargetParams.of(params));
        } catch (TargetException e) {
          if (!e.getMessage().contains("initial terms")) {
            throw new UserError(e.getMessage());
          }
          last = e;
        }
      }
      throw new UserError(last.getMessage());
    }
    if (order != null) {
      params.put("order", order);
    }
    try {
      return Targets.resolve(target, TargetParams.of(params));
    } catch (TargetException e) {
      throw new UserError(e.getMessage());
    }
  }

  private SearchConfig config(Target t, SearchDefaults d, PrintWriter w) {
    int size = maxSize != null ? maxSize : d.maxSize();
    int pop = population != null ? population : d.population();
    if (size < 1 || pop < 2) {
      throw new UserError("--max-size must be >= 1, --population >= 2", 2);
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
      g = TargetSearches.genome(t, size);
      g = g.withOps(ops(t, g));
    } catch (IllegalArgumentException e) {
      throw new UserError("cannot search " + t.name() + ": " + e.getMessage(), 2);
    }
    StopConfig stop = stop();
    List<Program> seeds = seeds(t, g, w);
    Objective objective =
        maxError != null
            ? Objective.cheapestUnder(maxError)
            : maxCost != null ? Objective.smallestErrorUnder(maxCost) : Objective.pareto();
    try {
      return SearchConfig.of(seed, g, stop)
          .withCosts(TargetSearches.costs(t))
          .withHash(TargetSearches.hash(t))
          .withMutation(mutation(TargetSearches.mutation(t)))
          .withObjective(objective)
          .withEngine(EngineConfig.DEFAULT.withPopulationSize(pop))
          .withIslands(IslandConfig.of(is, 10, 2, th))
          .withTuning(noTuning ? TuningConfig.OFF : TargetSearches.tuning(t))
          .withSeeds(seeds);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }

  /** The target's mutation weights with the --mutation changes. */
  private MutationConfig mutation(MutationConfig base) {
    if (mutation == null) {
      return base;
    }
    java.util.Map<MutationKind, Double> weights = new java.util.EnumMap<>(base.weights());
    for (String item : mutation.split(",")) {
      String[] kv = item.trim().split("=");
      MutationKind kind = null;
      for (MutationKind k : MutationKind.values()) {
        if (kv.length == 2 && k.name().equalsIgnoreCase(kv[0].trim())) {
          kind = k;
        }
      }
      double w;
      try {
        w = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : Double.NaN;
      } catch (NumberFormatException e) {
        w = Double.NaN;
      }
      if (kind == null || !(w >= 0) || Double.isInfinite(w)) {
        throw new UserError(
            "bad --mutation '" + item.trim() + "': use KIND=WEIGHT, e.g. guard=0.5", 2);
      }
      weights.put(kind, w);
    }
    try {
      return base.withWeights(weights);
    } catch (IllegalArgumentException e) {
      throw new UserError("bad --mutation: " + e.getMessage(), 2);
    }
  }

  /**
   * The seed kernels: files, and the target's baselines for {@code @baselines} (those that fit the
   * genome; the others are named on {@code w}) or {@code @NAME} (which must fit).
   */
  private List<Program> seeds(Target t, GenomeConfig g, PrintWriter w) {
    List<Program> seeds = new ArrayList<>();
    for (String item : seedFrom) {
      if (item.startsWith("@")) {
        String name = item.substring(1);
        boolean all = name.equals("baselines");
        List<Baseline> chosen =
            t.baselines().stream().filter(b -> all || b.name().equals(name)).toList();
        if (chosen.isEmpty()) {
          throw new UserError(
              "--seed-from "
                  + item
                  + ": "
                  + t.name()
                  + (t.baselines().isEmpty()
                      ? " has no baselines"
                      : " has the baselines "
                          + String.join(
                              ", ", t.baselines().stream().map(b -> "@" + b.name()).toList())),
              2);
        }
        for (Baseline b : chosen) {
          try {
            seeds.add(fit(t, b.program(), g));
          } catch (IllegalArgumentException e) {
            if (!all) {
              throw new UserError("--seed-from " + item + ": " + e.getMessage(), 2);
            }
            w.println("not seeding baseline " + b.name() + ": " + e.getMessage());
          }
        }
        continue;
      }
      Path f = Path.of(item);
      Program p = KernelFiles.read(f).program();
      try {
        seeds.add(fit(t, p, g));
      } catch (IllegalArgumentException e) {
        throw new UserError("--seed-from " + f + ": " + e.getMessage(), 2);
      }
    }
    return seeds;
  }

  /** A seed in the genome's shape (a recurrence widened to the search's order first). */
  private static Program fit(Target t, Program p, GenomeConfig g) {
    Program q = t instanceof SeqTarget seq ? Recurrences.widen(p, seq.searchOrder()) : p;
    return numevo.evolver.genome.Kernels.fit(q, g);
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

  /** Prints the front with each kernel re-scored (the check), and appends it to {@code report}. */
  private void printFront(
      Target t, String trainKey, SearchResult r, PrintWriter w, StringBuilder report) {
    boolean canEnumerate = t.domainSize().isPresent();
    boolean full = exhaustive && canEnumerate;
    ScoreOptions options = full ? ScoreOptions.exhaustive() : ScoreOptions.of();
    if (exhaustive && !canEnumerate) {
      line(w, report, "the domain of " + t.name() + " cannot be enumerated: verifying on a sample");
    }
    line(
        w,
        report,
        "Pareto front (" + r.front().size() + " kernels; cost in " + t.costModel().unit() + "):");
    line(
        w,
        report,
        String.format(
            Locale.ROOT,
            "  %10s %4s %14s %14s %s %s",
            "cost",
            "ops",
            "train " + trainKey,
            "check",
            extraHeader(t),
            "kernel"));
    Score any = null;
    for (FrontEntry e : r.front()) {
      Score s = t.score(e.program(), options);
      any = s;
      line(
          w,
          report,
          String.format(
              Locale.ROOT,
              "  %10s %4d %14s %14s %s %s",
              num(e.fitness().cost()),
              s.ops(),
              num(e.fitness().error()),
              num(s.error()) + (s.method() == Method.EXHAUSTIVE ? " exh" : " smp"),
              extra(t, s),
              oneLine(e.program())));
    }
    if (any != null) {
      line(w, report, "check: " + t.objective() + " " + checkText(t, any));
    }
  }

  /** How the check scores were obtained, from a score itself. */
  private static String checkText(Target t, Score s) {
    if (t instanceof SeqTarget) {
      return "on every term (training and held out), exact";
    }
    if (s.method() == Method.EXHAUSTIVE) {
      return String.format(Locale.ROOT, "exhaustive (all %,d points of the domain)", s.points());
    }
    return String.format(
        Locale.ROOT,
        "sampled (%,d validation points%s)",
        s.points(),
        s.seed().isPresent() ? ", seed " + s.seed().getAsLong() : "");
  }

  /** The headline metrics beside the objective, by family: L-Mul's relative error, seq's. */
  private static String extraHeader(Target t) {
    if (t.objective().equals(LmulTarget.LOSS)) {
      return String.format(Locale.ROOT, "%9s %8s %6s", "mean|rel|", "excluded", "exact");
    }
    if (t instanceof SeqTarget) {
      return String.format(Locale.ROOT, "%8s", "held out");
    }
    return "";
  }

  private static String extra(Target t, Score s) {
    if (t.objective().equals(LmulTarget.LOSS)) {
      return String.format(
          Locale.ROOT,
          "%9.4f %8d %5.1f%%",
          s.value(Metric.MEAN_REL_ERR).orElse(Double.NaN),
          (long) s.value("excluded").orElse(0),
          100 * s.value(Metric.EXACT_FRACTION).orElse(Double.NaN));
    }
    if (t instanceof SeqTarget) {
      return String.format(
          Locale.ROOT,
          "%8s",
          (long) s.value(Metric.HELDOUT_MATCHED).orElse(0)
              + "/"
              + (long) s.value("heldout_terms").orElse(0));
    }
    return "";
  }

  private static void line(PrintWriter w, StringBuilder report, String text) {
    w.println(text);
    w.flush();
    report.append(text).append('\n');
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

  /**
   * Writes {@code discoveries.tsv} (every kernel that entered the run's front, with the time it was
   * found) and, in {@code records/}, each kernel that lowered the best training error, numbered as
   * in the TSV's {@code new_best} column, so the record holders can be verified afterwards.
   */
  private void writeRecords(Target t, List<FrontEntry> records, CharSequence discoveries) {
    try {
      Files.writeString(out.resolve("discoveries.tsv"), discoveries);
      Path dir = out.resolve("records");
      Files.createDirectories(dir);
      int i = 0;
      for (FrontEntry e : records) {
        String name = String.format(Locale.ROOT, "record%03d", ++i);
        Program p = e.program();
        Program named = new Program(name, p.format(), p.inputs(), p.body(), p.outputs());
        Files.writeString(
            dir.resolve(name + ".kernel"),
            "# "
                + t.name()
                + ": training "
                + t.objective()
                + " "
                + num(e.fitness().error())
                + ", cost "
                + num(e.fitness().cost())
                + "; generation "
                + e.generation()
                + "\n"
                + Printer.print(named));
      }
    } catch (IOException e) {
      throw new UserError("cannot write to " + out + ": " + e.getMessage());
    }
  }

  /** The 1-minute load average of the machine, NaN where the platform does not tell. */
  private static double loadAverage() {
    double l =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? Double.NaN : l;
  }

  private void write(
      Target t,
      SearchConfig config,
      TargetScorer scorer,
      SearchResult r,
      Throughput tp,
      String report,
      PrintWriter w) {
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
              + "\tint_tuning_scorings\tfront_size\tbest_error\n");
      for (GenerationStats g : r.history()) {
        h.append(g.generation()).append('\t').append(g.get(Stat.PROPOSED)).append('\t');
        h.append(g.get(Stat.CACHE_HITS))
            .append('\t')
            .append(g.get(Stat.DUPLICATE_HITS))
            .append('\t');
        h.append(g.get(Stat.MISSES)).append('\t').append(g.get(Stat.UNCACHED)).append('\t');
        h.append(g.get(Stat.AUDITS)).append('\t').append(g.get(Stat.FALSE_HITS)).append('\t');
        h.append(g.get(Stat.SCORED)).append('\t').append(g.get(Stat.INVALID)).append('\t');
        h.append(g.get(Stat.REMUTATIONS))
            .append('\t')
            .append(g.get(Stat.DEDUPLICATED))
            .append('\t');
        h.append(g.get(Stat.TUNINGS)).append('\t').append(g.get(Stat.TUNING_SCORINGS)).append('\t');
        h.append(g.get(Stat.INT_TUNING_SCORINGS)).append('\t');
        h.append(g.frontSize()).append('\t').append(g.bestError()).append('\n');
      }
      Files.writeString(out.resolve("history.tsv"), h);
      Files.writeString(out.resolve("throughput.tsv"), tp.tsv());
      Files.writeString(out.resolve("timings.tsv"), r.timings().table());
      Files.writeString(
          out.resolve("manifest.txt"),
          "target "
              + t.name()
              + "\ntraining "
              + scorer.scorer().objective()
              + " on "
              + scorer.scorer().description()
              + "\n"
              + config
              + "\n");
      Files.writeString(out.resolve("summary.txt"), report);
      w.println(
          "wrote "
              + r.front().size()
              + " kernels, front.tsv, history.tsv, throughput.tsv, timings.tsv, manifest.txt,"
              + " summary.txt, discoveries.tsv, records/ to "
              + out);
    } catch (IOException e) {
      throw new UserError("cannot write to " + out + ": " + e.getMessage());
    }
  }
}
