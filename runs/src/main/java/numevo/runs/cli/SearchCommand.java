package numevo.runs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import numevo.evolver.rank.FrontRanker;
import numevo.evolver.rank.RankPolicy;
import numevo.evolver.search.IslandConfig;
import numevo.runs.cluster.ClusterIslandRunner;
import numevo.runs.exec.RunPlan;
import numevo.runs.exec.SearchRunner;
import numevo.runs.store.Manifest;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import numevo.runs.store.RunSpec;
import numevo.targets.CostModels;
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
      "Evolves kernels for a target and stores the run.",
      "Targets: see 'numevo targets'. Islands of Jenetics engines over typed",
      "straight-line programs, with functional hashing, constant tuning and a Pareto front of",
      "(error, cost). The same seed and options give the same front for any --threads; only",
      "--time makes the stopping point vary. Without a limit the search runs for one minute.",
      "Errors are fitted on a training sample (L-Mul on 8-bit formats: a stratified subset of",
      "the pairs); the final front is re-scored on the validation sample (all pairs for 8-bit",
      "L-Mul), or on every point of the domain with --exhaustive. For seq, the search ends with",
      "the best recurrence and a verdict: recovered if it predicts every held-out term, else",
      "none found. Every search is a run stored in a directory (--run-dir): 'numevo resume'",
      "continues it after a crash or Ctrl-C, 'numevo replay' re-executes it and compares."
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
  Long generations;

  @Option(names = "--evaluations", paramLabel = "N", description = "stop after N scorings")
  Long evaluations;

  @Option(
      names = "--target-error",
      paramLabel = "E",
      description =
          "stop once a kernel's training error is at most E; seq: default the initial-term"
              + " count, the train_loss of a kernel that reproduces every training term (stop at"
              + " the first exact fit; -1 to search on)")
  Double targetError;

  @Option(
      names = "--islands",
      paramLabel = "N",
      description = "islands; default: 4 (a constant: the island count changes results)")
  Integer islands;

  @Option(
      names = "--population",
      paramLabel = "N",
      description = "individuals per island; default: 100")
  Integer population;

  @Option(
      names = "--max-size",
      paramLabel = "N",
      description =
          "most instructions of a kernel; default: 20 (float), 12 (seq), 32 (lmul-*), raised to"
              + " the largest --seed-from kernel file's")
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
              + " random kernels (and, for seq, the fits of --fit)")
  List<String> seedFrom = new ArrayList<>();

  @Option(
      names = "--fit",
      paramLabel = "all|forms|none",
      description =
          "seq: what the search fits exactly to the training terms and starts from: recurrence"
              + " forms (a(n) = N / D, D none, a polynomial in n or an earlier term) and the"
              + " classical solvers (all, the default), the forms only (forms), or nothing: random"
              + " kernels (none)")
  String fit;

  @Option(
      names = "--mutation",
      paramLabel = "KIND=W,...",
      description =
          "change mutation weights, e.g. guard=0,insert=2 (kinds: op operand output constant_ulp"
              + " constant_relative insert delete duplicate guard square reciprocal partial"
              + " splice fuse reassociate; partial: a shift-and-add partial-product step; splice: a"
              + " subexpression of a --seed-from kernel; fuse: a mul and the add or sub using it"
              + " made one fma; reassociate: a product of products regrouped)")
  String mutation;

  @Option(names = "--no-tuning", description = "do not tune constants")
  boolean noTuning;

  @Option(names = "--exhaustive", description = "verify the final front on every point")
  boolean exhaustive;

  @Option(
      names = "--rank",
      paramLabel = "POLICY",
      description =
          "how the final front is ranked (float targets of one input): verified (the default:"
              + " each front kernel re-scored on a larger sample, re-tuned on the worst inputs"
              + " found and, where the domain can be enumerated, verified exhaustively; the search"
              + " keeps 15%% of --time for it, and below 30 minutes checks fewer kernels in"
              + " proportion) or none (the front as the search found it)")
  String rank = "verified";

  @Option(
      names = "--cost",
      paramLabel = "MODEL",
      description =
          "the cost model: latency (Zen 3 latency in cycles, the float targets' default), ops (one"
              + " per live op, literals free: AutoNumerics-Zero's count), throughput (Zen 3"
              + " reciprocal throughput of the packed AVX2 instruction, cycles per element),"
              + " measured (searches under the target's model, then times the final front's"
              + " compiled kernels, ns per element: for the final front only, and not"
              + " deterministic); default: the target's (latency; lmul-*: energy; seq: ops)")
  String cost;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "also export the front's kernels and tables here (refused if not empty)")
  Path out;

  @Option(names = "--force", description = "let --out write into a directory that is not empty")
  boolean force;

  @Option(
      names = "--run-dir",
      paramLabel = "DIR",
      description =
          "the run's directory; default: numevo-runs/TARGET-UTCTIME-sSEED (numevo-runs:"
              + " $NUMEVO_RUNS if set)")
  Path runDir;

  @Mixin TargetParamOptions targetParams;

  @Mixin RunOptions run;

  @Mixin ClusterFlags cluster;

  @Override
  public Integer call() {
    PrintWriter w = run.lines(spec);
    RunSpec runSpec = spec();
    int th = run.threads();
    SearchRunner.Options options = run.runner(spec, out);
    cluster.check();
    checkOut();
    RunPlan plan = RunPlan.of(runSpec, th);
    // The model the run used, by name, in its manifest (the target's own kind without --cost).
    runSpec = runSpec.withCost(CostModels.kind(cost, plan.target()));
    // The ranking policy, in the manifest so that a replay ranks alike.
    runSpec = runSpec.withRank(rankPolicy(plan.target(), runSpec.time()));
    plan = RunPlan.of(runSpec, th);
    if (targetError == null && plan.target() instanceof SeqTarget seq) {
      // Stop at the first exact fit of the training terms; in the spec, so that a resume or a
      // replay stops alike.
      runSpec = runSpec.withTargetError(RunPlan.exactFitLoss(seq));
      plan = RunPlan.of(runSpec, th);
    }
    Path dir = runDir != null ? runDir : defaultRunDir(plan);
    Manifest m =
        new Manifest(
            Manifest.FORMAT,
            Manifest.VERSION,
            gitCommit(),
            Runtime.version().toString(),
            Instant.now().toString(),
            th,
            runSpec);
    RunDir rd = RunDir.create(dir, m);
    FileLock lock = rd.lock();
    try (RunDb db = RunDb.create(rd.databaseFile());
        ClusterIslandRunner islands =
            cluster.start(runSpec, th, ClusterFlags.sharedEntries(plan.config()), w)) {
      int rc = SearchRunner.run(rd, db, lock, plan, options, w, islands);
      if (islands != null) {
        w.println(islands.summary());
        w.flush();
      }
      return rc;
    } finally {
      RunDir.release(lock);
    }
  }

  /** Where runs go by default: $NUMEVO_RUNS, else numevo-runs in the working directory. */
  static Path runsRoot() {
    String r = System.getenv("NUMEVO_RUNS");
    return Path.of(r == null || r.isBlank() ? "numevo-runs" : r);
  }

  /** The git commit numevo was built from, as the launcher tells it, or null. */
  static String gitCommit() {
    String g = System.getenv("NUMEVO_GIT");
    return g == null || g.isBlank() ? null : g.trim();
  }

  private Path defaultRunDir(RunPlan plan) {
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    String name = plan.target().name().replaceAll("[^A-Za-z0-9._-]", "_");
    Path base = runsRoot().resolve(name + "-" + stamp + "-s" + seed);
    Path p = base;
    for (int i = 2; Files.exists(p); i++) {
      p = Path.of(base + "-" + i);
    }
    return p;
  }

  /**
   * --out: refused if it is a file, not empty (without --force) or not writable, before searching.
   */
  private void checkOut() {
    if (out == null) {
      return;
    }
    if (out.toString().isEmpty()) {
      throw new UserError("--out: empty path", 2);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UserError("--out " + out + ": exists and is not a directory", 2);
    }
    try {
      if (Files.isDirectory(out)) {
        try (var s = Files.list(out)) {
          if (s.findAny().isPresent() && !force) {
            throw new UserError(
                "--out " + out + ": not empty (an earlier run's files?); use --force to overwrite",
                2);
          }
        }
      }
      Files.createDirectories(out);
      if (!Files.isWritable(out)) {
        throw new UserError("--out " + out + ": not writable", 2);
      }
    } catch (IOException e) {
      throw new UserError("--out " + out + ": cannot create: " + e.getMessage(), 2);
    }
  }

  /** The run's spec from the flags, each checked with a one-line error naming it. */
  private RunSpec spec() {
    if (generations != null && generations < 1) {
      throw new UserError("--generations must be >= 1", 2);
    }
    if (evaluations != null && evaluations < 1) {
      throw new UserError("--evaluations must be >= 1", 2);
    }
    Duration d = time != null ? duration(time) : null;
    if (d != null && (d.isNegative() || d.isZero())) {
      throw new UserError("--time must be positive: '" + time + "'", 2);
    }
    if (maxError != null && !(maxError >= 0)) {
      throw new UserError("--max-error must be >= 0: " + maxError, 2);
    }
    if (maxCost != null && !(maxCost >= 0)) {
      throw new UserError("--max-cost must be >= 0: " + maxCost, 2);
    }
    if (targetError != null && Double.isNaN(targetError)) {
      throw new UserError("--target-error must be a number", 2);
    }
    if (population != null && population < 2) {
      throw new UserError("--population must be >= 2", 2);
    }
    if (maxSize != null && maxSize < 1) {
      throw new UserError("--max-size must be >= 1", 2);
    }
    if (points != null && points < 1) {
      throw new UserError("--points must be >= 1", 2);
    }
    if (islands != null && islands < 1) {
      throw new UserError("--islands must be >= 1", 2);
    }
    long gens = generations != null ? generations : 0;
    long evals = evaluations != null ? evaluations : 0;
    if (d == null && gens == 0 && evals == 0) {
      d = Duration.ofMinutes(1);
    }
    Map<String, String> params = targetParams.values();
    if (fit != null) {
      params.put(RunPlan.FIT, fit);
    } else if (SeqTarget.NAME.equals(target)) {
      // Recorded explicitly: a stored seq run without it predates fitting (RunPlan reads "none").
      params.put(RunPlan.FIT, RunPlan.FIT_ALL);
    }
    return new RunSpec(
            target,
            params,
            Map.of(),
            seed,
            gens,
            evals,
            d == null ? null : d.toString(),
            targetError,
            islands != null ? islands : IslandConfig.DEFAULT_ISLANDS,
            population,
            maxSize,
            points,
            maxError,
            maxCost,
            ops,
            addOps,
            dropOps,
            seedFrom,
            mutation,
            noTuning,
            exhaustive,
            cost,
            null)
        .withFiles(digests(params));
  }

  /** The SHA-256 of every file the run reads: a target file, --data, seed kernel files. */
  private Map<String, String> digests(Map<String, String> params) {
    List<String> files = new ArrayList<>();
    if (Files.isRegularFile(Path.of(target))) {
      files.add(target);
    }
    if (params.containsKey("data")) {
      files.add(params.get("data"));
    }
    for (String s : seedFrom) {
      if (!s.startsWith("@")) {
        files.add(s);
      }
    }
    Map<String, String> m = new TreeMap<>();
    for (String f : files) {
      try {
        m.put(f, RunDir.sha256(Path.of(f)));
      } catch (IOException e) {
        throw new UserError(f + ": cannot read: " + e.getMessage(), 2);
      }
    }
    return m;
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

  /** The ranking for the target under the run's effective time limit (ISO-8601, or null). */
  private RankPolicy rankPolicy(numevo.targets.Target t, String limit) {
    return switch (rank) {
      case "verified" ->
          FrontRanker.ranks(t)
              ? RankPolicy.forTime(limit == null ? null : Duration.parse(limit))
              : null;
      case "none" -> null;
      default -> throw new UserError("--rank: expected verified or none, got '" + rank + "'", 2);
    };
  }
}
