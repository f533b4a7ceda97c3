package numevo.runs.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.evolver.fitness.Objective;
import numevo.evolver.genome.GenomeConfig;
import numevo.evolver.genome.Kernels;
import numevo.evolver.genome.MutationConfig;
import numevo.evolver.genome.MutationKind;
import numevo.evolver.problem.SearchDefaults;
import numevo.evolver.problem.SeqSearches;
import numevo.evolver.problem.TargetScorer;
import numevo.evolver.problem.TargetSearches;
import numevo.evolver.search.EngineConfig;
import numevo.evolver.search.IslandConfig;
import numevo.evolver.search.SearchConfig;
import numevo.evolver.search.StopConfig;
import numevo.evolver.tune.TuningConfig;
import numevo.runs.cli.UserError;
import numevo.runs.store.RunSpec;
import numevo.targets.Baseline;
import numevo.targets.CostModel;
import numevo.targets.CostModels;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import numevo.targets.seq.RecurrenceFitter;
import numevo.targets.seq.Recurrences;
import numevo.targets.seq.SeqTarget;

/**
 * A run's search built from its {@link RunSpec} alone: the target, the scorer and the search
 * configuration. A new run, a resume and a replay all build their search here, so they search the
 * same thing.
 *
 * @param spec the spec
 * @param target the target
 * @param scorer the training scorer
 * @param config the search configuration
 * @param notes what the user should know about how the spec was read (seed kernels left out)
 * @param fits seq: the seed kernels fitted exactly to the training terms by the search's form
 *     fitter or a classical solver, as fitted (the verdict prefers them among exact fits, {@link
 *     SeqVerdict}); empty for other targets
 */
public record RunPlan(
    RunSpec spec,
    Target target,
    TargetScorer scorer,
    SearchConfig config,
    List<String> notes,
    List<Program> fits) {

  /** The seq parameter that says what a search fits to the training terms before it starts. */
  public static final String FIT = "fit";

  /** {@code --fit all} (the default): the recurrence forms and the classical solvers. */
  public static final String FIT_ALL = "all";

  /** {@code --fit forms}: the recurrence forms only ({@link SeqSearches#fits}). */
  public static final String FIT_FORMS = "forms";

  /** {@code --fit none}: start from random kernels and the --seed-from ones only. */
  public static final String FIT_NONE = "none";

  /** The search order of the seq target when --order is not given. */
  public static final int DEFAULT_SEQ_ORDER = 4;

  /**
   * The training objective of a seq search ({@code train_loss}) of a kernel that reproduces every
   * training term: its initial-term count, which for every kernel of the search is the search's
   * order (their inputs are {@code n, a1 .. ak}); any miss adds a positive distance. {@code numevo
   * search seq} stops there by default. The stop looks at the training terms alone (stopping when
   * the held-out terms are predicted would choose by them); the verdict could still have changed
   * only if the search had gone on to a cheaper exact fit that predicts the held-out terms
   * differently.
   */
  public static double exactFitLoss(SeqTarget seq) {
    return seq.searchOrder();
  }

  /**
   * Builds the plan.
   *
   * @param spec the run's spec
   * @param threads the worker threads (they change no result)
   * @throws UserError if the spec does not describe a search (naming the flag)
   */
  public static RunPlan of(RunSpec spec, int threads) {
    Target t = resolveTarget(spec);
    SearchDefaults d = TargetSearches.defaults(t);
    int pts = spec.points() != null ? spec.points() : d.trainingPoints();
    if (pts < 1) {
      throw new UserError("--points must be >= 1", 2);
    }
    List<String> notes = new ArrayList<>();
    List<Seed> raw = rawSeeds(spec, t, notes);
    int size = spec.maxSize() != null ? spec.maxSize() : d.maxSize();
    List<Program> fitted = List.of();
    List<Program> fits = new ArrayList<>();
    if (t instanceof SeqTarget seq) {
      // The seq search owns this: fitted forms first, then order and size limits that hold every
      // kernel it starts from (unless the user set them).
      // A new seq run records its mode (SearchCommand: "all" by default); a stored run without
      // one predates fitting and replays as it ran, without fits.
      String mode = spec.params().getOrDefault(FIT, FIT_NONE);
      if (!FIT_NONE.equals(mode)) {
        List<RecurrenceFitter.Fit> f = SeqSearches.fits(seq);
        List<Program> k = new ArrayList<>(SeqSearches.kernels(f));
        notes.add(fitNote(seq, f));
        if (FIT_ALL.equals(mode)) {
          List<String> names = new ArrayList<>();
          for (Baseline b : seq.baselines()) {
            k.add(b.program());
            names.add(b.name() + " (" + b.summary() + ")");
          }
          notes.add(
              "fit: the classical solvers' fits seeded: "
                  + (names.isEmpty() ? "none found" : String.join("; ", names)));
        }
        fitted = List.copyOf(k);
      }
      List<Program> all = new ArrayList<>(fitted);
      raw.forEach(r -> all.add(r.program()));
      if (!spec.params().containsKey("order")) {
        int k = SeqSearches.order(seq, all);
        if (k != seq.searchOrder()) {
          notes.add(
              "order: "
                  + k
                  + " (the default "
                  + seq.searchOrder()
                  + " raised to hold the kernels the search starts from)");
          t = seq.withOrder(k);
        }
      }
      if (spec.maxSize() == null) {
        int s = SeqSearches.maxSize(size, all);
        if (s != size) {
          notes.add(
              "max size: "
                  + s
                  + " instructions (the default "
                  + size
                  + " raised to hold the kernels the search starts from)");
          size = s;
        }
      }
      fits.addAll(fitted);
      raw.stream().filter(Seed::fitted).forEach(r -> fits.add(r.program()));
    }
    if (!(t instanceof SeqTarget) && spec.maxSize() == null) {
      // --seed-from kernel files fit the size limit (an exact lmul kernel has 53 instructions;
      // the default is 32); the target's own baselines do not move it, so stored runs seeded
      // with them replay unchanged.
      int largest =
          raw.stream()
              .filter(r -> !r.fitted())
              .mapToInt(r -> r.program().body().size())
              .max()
              .orElse(0);
      if (largest > size) {
        notes.add(
            "at most "
                + largest
                + " instructions (the default "
                + size
                + " raised to the largest --seed-from kernel's)");
        size = largest;
      }
    }
    TargetScorer scorer = TargetScorer.of(t, ScoreOptions.training(pts, spec.seed()));
    SearchConfig config = config(spec, t, d, size, threads, notes, fitted, raw);
    config =
        config.withHash(
            config.hash().inputs().isEmpty() && !isExactInt(config.genome())
                ? config.hash().withInputs(TargetSearches.sampleBounds(scorer))
                : config.hash());
    return new RunPlan(spec, t, scorer, config, List.copyOf(notes), List.copyOf(fits));
  }

  /** The line saying what the form fitter found. */
  private static String fitNote(SeqTarget seq, List<RecurrenceFitter.Fit> f) {
    if (f.isEmpty()) {
      return "fit: no recurrence form fits the "
          + seq.seqScorer().split().train()
          + " training terms exactly (forms with a divisor in n or an earlier term, with spare"
          + " equations); searching from random kernels";
    }
    List<String> items = new ArrayList<>();
    for (RecurrenceFitter.Fit x : f) {
      items.add(x.recurrence().formula() + " [" + x.form().describe() + "]");
    }
    return "fit: "
        + f.size()
        + (f.size() == 1 ? " form fits" : " forms fit")
        + " the training terms exactly, seeded: "
        + String.join("; ", items)
        + " (--fit none searches without)";
  }

  /** The cost model the search ranks by (for {@code measured}, the target's own). */
  public CostModel costs() {
    return config.costs();
  }

  /** Whether the final front's cost is measured ({@code --cost measured}). */
  public boolean measured() {
    return CostModels.MEASURED.equals(spec.cost());
  }

  /**
   * How output headers name the cost: the model's unit and kind, e.g. {@code cycles (latency)};
   * with {@code measured}, the searched model's.
   */
  public String costDescription() {
    return config.costs().describe();
  }

  private static Target resolveTarget(RunSpec spec) {
    Map<String, String> params = new java.util.LinkedHashMap<>(spec.params());
    String order = params.remove("order");
    String fit = params.remove(FIT);
    String target = spec.target();
    boolean seq = target.equals(SeqTarget.NAME);
    if (!seq && (order != null || fit != null || params.containsKey("offset"))) {
      throw new UserError(
          "--order, --fit and --offset are seq parameters, not " + target + "'s", 2);
    }
    if (fit != null && !List.of(FIT_ALL, FIT_FORMS, FIT_NONE).contains(fit)) {
      throw new UserError("--fit must be all, forms or none, got '" + fit + "'", 2);
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
            throw new UserError(e.getMessage(), e.aboutUsage() ? 2 : 1);
          }
          last = e;
        }
      }
      throw new UserError(last.getMessage(), last.aboutUsage() ? 2 : 1);
    }
    if (order != null) {
      params.put("order", order);
    }
    try {
      return Targets.resolve(target, TargetParams.of(params));
    } catch (TargetException e) {
      throw new UserError(e.getMessage(), e.aboutUsage() ? 2 : 1);
    }
  }

  private static SearchConfig config(
      RunSpec spec,
      Target t,
      SearchDefaults d,
      int size,
      int threads,
      List<String> notes,
      List<Program> fitted,
      List<Seed> raw) {
    int pop = spec.population() != null ? spec.population() : d.population();
    if (size < 1) {
      throw new UserError("--max-size must be >= 1", 2);
    }
    if (pop < 2) {
      throw new UserError("--population must be >= 2", 2);
    }
    if (spec.maxError() != null && spec.maxCost() != null) {
      throw new UserError("--max-error and --max-cost exclude each other", 2);
    }
    if (threads < 1) {
      throw new UserError("--threads must be >= 1", 2);
    }
    if (spec.islands() < 1) {
      throw new UserError("--islands must be >= 1", 2);
    }
    GenomeConfig g;
    try {
      g = TargetSearches.genome(t, size);
      g = g.withOps(ops(spec, g));
    } catch (IllegalArgumentException e) {
      throw new UserError("cannot search " + t.name() + ": " + e.getMessage(), 2);
    }
    StopConfig stop = stop(spec);
    if (t instanceof SeqTarget seq && stop.targetError() == exactFitLoss(seq)) {
      notes.add(
          "stop: at the first kernel that reproduces every training term (train_loss "
              + seq.searchOrder()
              + ", its initial terms); --target-error -1 searches on");
    }
    List<Program> seeds = seeds(t, g, notes, fitted, raw);
    Objective objective =
        spec.maxError() != null
            ? Objective.cheapestUnder(spec.maxError())
            : spec.maxCost() != null
                ? Objective.smallestErrorUnder(spec.maxCost())
                : Objective.pareto();
    CostModel costs;
    try {
      costs = TargetSearches.costs(t, spec.cost());
    } catch (IllegalArgumentException e) {
      throw new UserError("--cost: " + e.getMessage(), 2);
    }
    try {
      return SearchConfig.of(spec.seed(), g, stop)
          .withCosts(costs)
          .withHash(TargetSearches.hash(t))
          .withMutation(mutation(spec.mutation(), TargetSearches.mutation(t)))
          .withObjective(objective)
          .withEngine(EngineConfig.DEFAULT.withPopulationSize(pop))
          .withIslands(IslandConfig.of(spec.islands(), 10, 2, threads))
          .withTuning(spec.noTuning() ? TuningConfig.OFF : TargetSearches.tuning(t))
          .withSeeds(seeds);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }

  /** The target's mutation weights with the --mutation changes. */
  private static MutationConfig mutation(String changes, MutationConfig base) {
    if (changes == null) {
      return base;
    }
    Map<MutationKind, Double> weights = new EnumMap<>(base.weights());
    for (String item : changes.split(",")) {
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
   * A seed kernel as the user asked for it.
   *
   * @param item the --seed-from item that named it
   * @param program the kernel
   * @param required whether it must fit the search (a file or {@code @NAME}; those of {@code
   *     @baselines} that do not are noted)
   * @param fitted whether a solver fitted it exactly to the training terms (a baseline)
   */
  private record Seed(String item, Program program, boolean required, boolean fitted) {}

  /**
   * The seed kernels named by --seed-from: files, and the target's baselines for {@code @baselines}
   * or {@code @NAME}. A seq target whose solvers found nothing has no baselines: {@code @baselines}
   * then seeds nothing, with a note (a search is not refused because a solver failed), while
   * {@code @NAME} is an error.
   */
  private static List<Seed> rawSeeds(RunSpec spec, Target t, List<String> notes) {
    List<Seed> seeds = new ArrayList<>();
    for (String item : spec.seedFrom()) {
      if (item.startsWith("@")) {
        String name = item.substring(1);
        boolean all = name.equals("baselines");
        List<Baseline> chosen =
            t.baselines().stream().filter(b -> all || b.name().equals(name)).toList();
        if (chosen.isEmpty() && all && t instanceof SeqTarget) {
          // The solvers found nothing in these training terms: nothing to seed, no error.
          notes.add("--seed-from @baselines: the classical solvers found no recurrence to seed");
          continue;
        }
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
          seeds.add(new Seed(all ? "baseline " + b.name() : item, b.program(), !all, true));
        }
        continue;
      }
      java.nio.file.Path f = java.nio.file.Path.of(item);
      seeds.add(new Seed(f.toString(), numevo.runs.cli.KernelFiles.read(f).program(), true, false));
    }
    return seeds;
  }

  /**
   * The seed kernels in the genome's shape: the fitted forms, then the --seed-from ones (those of
   * {@code @baselines} that do not fit the genome are noted; the others must fit).
   */
  private static List<Program> seeds(
      Target t, GenomeConfig g, List<String> notes, List<Program> fitted, List<Seed> raw) {
    List<Program> seeds = new ArrayList<>();
    for (Program p : fitted) {
      try {
        seeds.add(fit(t, p, g));
      } catch (IllegalArgumentException e) {
        notes.add("not seeding fitted form " + p.name() + ": " + e.getMessage());
      }
    }
    for (Seed s : raw) {
      try {
        seeds.add(fit(t, s.program(), g));
      } catch (IllegalArgumentException e) {
        if (s.required()) {
          throw new UserError("--seed-from " + s.item() + ": " + e.getMessage(), 2);
        }
        notes.add("not seeding " + s.item() + ": " + e.getMessage());
      }
    }
    return seeds;
  }

  /** A seed in the genome's shape (a recurrence widened to the search's order first). */
  private static Program fit(Target t, Program p, GenomeConfig g) {
    Program q = t instanceof SeqTarget seq ? Recurrences.widen(p, seq.searchOrder()) : p;
    return Kernels.fit(q, g);
  }

  private static boolean isExactInt(GenomeConfig g) {
    return g.inputTypes().contains(Type.INT) || g.outputTypes().contains(Type.INT);
  }

  private static List<Op> ops(RunSpec spec, GenomeConfig g) {
    Set<Op> set = spec.ops() != null ? mnemonics(spec.ops(), g) : EnumSet.copyOf(g.ops());
    if (spec.addOps() != null) {
      set.addAll(mnemonics(spec.addOps(), g));
    }
    if (spec.dropOps() != null) {
      set.removeAll(mnemonics(spec.dropOps(), g));
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

  private static StopConfig stop(RunSpec spec) {
    Duration d = spec.time() != null ? Duration.parse(spec.time()) : Duration.ZERO;
    if (spec.generations() < 0 || spec.evaluations() < 0 || d.isNegative()) {
      throw new UserError("--generations, --evaluations and --time must not be negative", 2);
    }
    if (d.isZero() && spec.generations() == 0 && spec.evaluations() == 0) {
      throw new UserError("a run needs a limit: --time, --generations or --evaluations", 2);
    }
    if (spec.rank() != null && !d.isZero()) {
      // The ranking's share of the time: the search stops that much earlier.
      d = Duration.ofNanos((long) (d.toNanos() * (1 - spec.rank().timeShare())));
    }
    return new StopConfig(
        spec.generations(),
        spec.evaluations(),
        d,
        spec.targetError() != null ? spec.targetError() : Double.NEGATIVE_INFINITY);
  }
}
