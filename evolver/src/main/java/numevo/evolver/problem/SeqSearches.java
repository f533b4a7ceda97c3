package numevo.evolver.problem;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.program.Program;
import numevo.targets.seq.FitConfig;
import numevo.targets.seq.RecurrenceFitter;
import numevo.targets.seq.RecurrenceShape;
import numevo.targets.seq.SeqTarget;

/**
 * What a search of the sequence target adds to the generic search: structural fits of the training
 * terms as starting kernels, and an order and size limit that follow the sequence and the kernels
 * the search starts from rather than fixed defaults.
 *
 * <p><b>Decision: recurrence forms with a divisor are fitted, not mutated into shape.</b> A
 * recurrence such as Catalan's {@code a(n) = (4n - 2) a(n-1) / (n + 1)} or Somos-4's {@code a(n) =
 * (a(n-1) a(n-3) + a(n-2)^2) / a(n-4)} is exact only when every coefficient is; its partial forms
 * score no better than constant-coefficient approximations, so mutation does not find them (60 s
 * searches of issue 15 missed all five such dev sequences). {@link RecurrenceFitter} instead tries
 * forms, from the fewest unknowns up, in which the divisor (none, a polynomial in {@code n}, an
 * earlier term) is the structural choice, solving for the coefficients by exact linear algebra over
 * the training terms, with spare equations; each exact fit enters the first population of every
 * island (training terms only: the held-out terms never choose a form).
 */
public final class SeqSearches {
  private SeqSearches() {}

  /** The forms a search fits by default ({@link FitConfig#defaults()}). */
  public static final FitConfig FORMS = FitConfig.defaults();

  /** The exact fits of the default forms to a target's training terms, smallest form first. */
  public static List<RecurrenceFitter.Fit> fits(SeqTarget target) {
    return RecurrenceFitter.of(FORMS).fit(target.seqScorer());
  }

  /**
   * The order a search needs to hold every one of the kernels: the target's, raised to the deepest
   * term any kernel reads, at most one below the training terms.
   *
   * @param target the target at its default order
   * @param kernels kernels in the recurrence convention
   */
  public static int order(SeqTarget target, List<Program> kernels) {
    int k = target.searchOrder();
    for (Program p : kernels) {
      k = Math.max(k, RecurrenceShape.of(p).order());
    }
    return Math.min(k, target.seqScorer().split().train() - 1);
  }

  /**
   * The size limit a search needs to hold every one of the kernels: the default, raised to the
   * largest kernel's instruction count.
   *
   * @param defaultSize the default limit
   * @param kernels the kernels
   */
  public static int maxSize(int defaultSize, List<Program> kernels) {
    int s = defaultSize;
    for (Program p : kernels) {
      s = Math.max(s, p.body().size());
    }
    return s;
  }

  /** The kernels of fits. */
  public static List<Program> kernels(List<RecurrenceFitter.Fit> fits) {
    List<Program> k = new ArrayList<>();
    for (RecurrenceFitter.Fit f : fits) {
      k.add(f.recurrence().kernel());
    }
    return List.copyOf(k);
  }
}
