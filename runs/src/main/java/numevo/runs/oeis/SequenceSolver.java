package numevo.runs.oeis;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import numevo.evolver.problem.SeqSearches;
import numevo.evolver.search.IslandConfig;
import numevo.evolver.search.Search;
import numevo.evolver.search.SearchResult;
import numevo.runs.exec.RunPlan;
import numevo.runs.exec.SeqVerdict;
import numevo.runs.store.RunSpec;
import numevo.targets.seq.BerlekampMassey;
import numevo.targets.seq.BmConfig;
import numevo.targets.seq.PRecConfig;
import numevo.targets.seq.PRecursiveGuesser;
import numevo.targets.seq.RecurrenceFitter;
import numevo.targets.seq.Recurrences;
import numevo.targets.seq.SeqConfig;
import numevo.targets.seq.SeqScorer;
import numevo.targets.seq.SeqTarget;
import numevo.targets.seq.SequenceData;
import numevo.targets.seq.SolverResult;

/**
 * The cascade on one sequence. Each stage looks at the training terms only; the first stage that
 * finds a recurrence reproducing every training term chooses it, and the held-out terms then only
 * decide whether that choice solved the sequence.
 *
 * <ol>
 *   <li>Classical: Berlekamp-Massey ({@link BmConfig#defaults()}); if it finds nothing, the
 *       P-recursive guesser ({@link PRecConfig#defaults()}).
 *   <li>Fits: {@link RecurrenceFitter} with the forms a search fits ({@link SeqSearches#FORMS}); of
 *       its fits, the one with the fewest initial terms, then the fewest instructions (the rule of
 *       {@code numevo search seq}'s verdict).
 *   <li>Guesses: numevo's extended guessers ({@link Guesses}): higher-order P-recursive, and the
 *       classical guessers on differences, partial sums, bisections and the inverse Euler
 *       transform.
 *   <li>Search: {@code numevo search seq} on the sequence for what is left of the budget, seeded
 *       with {@link OeisOptions#searchSeed}, one thread, stopping at the first kernel that
 *       reproduces every training term; its verdict is {@link SeqVerdict}'s. It starts from random
 *       kernels ({@code --fit none}): it runs only when neither the classical solvers nor the form
 *       fitter found a training fit, so {@code --fit all} would add no seed.
 * </ol>
 */
public final class SequenceSolver {
  /** The search gets the budget less {@code 1 / SEARCH_MARGIN_PARTS} of it, less the time used. */
  static final int SEARCH_MARGIN_PARTS = 30;

  private final OeisOptions options;

  private SequenceSolver(OeisOptions options) {
    this.options = options;
  }

  /** A solver under these options (holdout, budget, seed). */
  public static SequenceSolver of(OeisOptions options) {
    return new SequenceSolver(options);
  }

  /** Runs the cascade on a sequence. */
  public SequenceVerdict solve(SequenceData data) {
    long t0 = System.nanoTime();
    SeqScorer scorer = SeqScorer.of(data, SeqConfig.defaults().withHeldOut(options.holdout()));
    int train = scorer.split().train();
    int heldOut = scorer.split().heldOut();
    Stage classical = guarded("classical", () -> classical(scorer));
    Stage fit = classical.chose() ? Stage.SKIPPED : guarded("fit", () -> fit(scorer));
    Stage guess =
        classical.chose() || fit.chose()
            ? Stage.SKIPPED
            : guarded("guess", () -> Guesses.find(data, heldOut));
    Stage search = Stage.SKIPPED;
    double searchSeconds = 0;
    long generations = 0;
    if (!classical.chose() && !fit.chose() && !guess.chose()) {
      // The search stops at a generation boundary and its verdict takes a moment: keep a
      // thirtieth of the budget (1 s of 30 s) in hand so the whole cascade ends within it.
      Duration left =
          options
              .budget()
              .minus(options.budget().dividedBy(SEARCH_MARGIN_PARTS))
              .minusNanos(System.nanoTime() - t0);
      if (left.toMillis() >= 1) {
        long s0 = System.nanoTime();
        long[] gens = new long[1];
        search = guarded("search", () -> search(data, left, gens));
        searchSeconds = (System.nanoTime() - s0) / 1e9;
        generations = gens[0];
      }
    }
    return new SequenceVerdict(
        data.id(),
        data.size(),
        train,
        heldOut,
        classical,
        fit,
        guess,
        search,
        (System.nanoTime() - t0) / 1e9,
        searchSeconds,
        generations);
  }

  private static Stage guarded(String stage, Supplier<Stage> run) {
    try {
      return run.get();
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      String m = e.getMessage();
      return Stage.error(stage, e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }
  }

  private static Stage classical(SeqScorer scorer) {
    SolverResult r = BerlekampMassey.of(BmConfig.defaults()).find(scorer);
    if (!(r instanceof SolverResult.Found)) {
      r = PRecursiveGuesser.of(PRecConfig.defaults()).find(scorer);
    }
    if (r instanceof SolverResult.Found f) {
      return Stage.found(
          f.predictsHeldOut(), f.score().heldOutMatched(), f.solver(), f.recurrence().formula());
    }
    return Stage.none();
  }

  private static Stage fit(SeqScorer scorer) {
    List<RecurrenceFitter.Fit> fits = RecurrenceFitter.of(SeqSearches.FORMS).fit(scorer);
    return fits.stream()
        .min(
            Comparator.comparingInt((RecurrenceFitter.Fit f) -> f.score().start())
                .thenComparingInt(f -> f.score().size()))
        .map(
            f ->
                Stage.found(
                    f.score().predictsHeldOut(),
                    f.score().heldOutMatched(),
                    "fit: " + f.form().describe(),
                    f.recurrence().formula()))
        .orElseGet(Stage::none);
  }

  private Stage search(SequenceData data, Duration time, long[] generations) {
    String terms = data.terms().stream().map(BigInteger::toString).collect(Collectors.joining(","));
    RunSpec spec =
        new RunSpec(
            SeqTarget.NAME,
            Map.of(
                "terms",
                terms,
                "holdout",
                Integer.toString(options.holdout()),
                RunPlan.FIT,
                RunPlan.FIT_NONE),
            Map.of(),
            OeisOptions.searchSeed(options.seed(), data.id()),
            0,
            0,
            time.toString(),
            null,
            IslandConfig.DEFAULT_ISLANDS,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            false,
            false,
            null,
            null);
    RunPlan plan = RunPlan.of(spec, 1);
    // Stop at the first kernel that reproduces every training term, as numevo search seq does.
    plan = RunPlan.of(spec.withTargetError(RunPlan.exactFitLoss((SeqTarget) plan.target())), 1);
    SearchResult r = Search.of(plan.config(), plan.scorer()).run();
    generations[0] = r.generations();
    SeqVerdict v = SeqVerdict.of((SeqTarget) plan.target(), r.front(), plan.fits());
    if (v.kernel() == null || !v.score().fitsTraining()) {
      return Stage.none();
    }
    return Stage.found(
        v.recovered(),
        v.score().heldOutMatched(),
        "search",
        Recurrences.formula(v.kernel()).orElse("(formula too long to write out)"));
  }
}
