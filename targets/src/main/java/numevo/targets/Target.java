package numevo.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import numevo.dsl.program.Program;

/**
 * A problem numevo solves: the kernels it takes, its domain and exact reference, its metrics, the
 * primitives and cost model of a search, and its baselines. Implementations are immutable and
 * thread-safe; the scorers they hand out are not (one per thread).
 */
public interface Target {

  /** The name users type, e.g. {@code exp2}. */
  String name();

  /** One line: the function, domain, format and metric. */
  String summary();

  /** The kernels this target scores. */
  Signature signature();

  /**
   * The names a search gives the kernels' inputs, one per input of the {@link #signature()}: by
   * default {@code x} for a single input and {@code x0, x1, ...} otherwise. A target whose
   * convention reads meaning from the names (the sequence target's {@code n, a1, a2...}) overrides
   * it, so that the kernels a search makes are read as intended.
   */
  default List<String> inputNames() {
    int k = signature().inputs().size();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      names.add(k == 1 ? "x" : "x" + i);
    }
    return List.copyOf(names);
  }

  /** The ops a search may use. */
  PrimitiveSet primitives();

  /** How a kernel's cost is counted. */
  CostModel costModel();

  /** The known kernels shipped with the target, possibly none. */
  List<Baseline> baselines();

  /** The metric key a search minimizes, e.g. {@link Metric#MAX_ULP}. */
  String objective();

  /**
   * The number of points of the domain when it can be scored exhaustively; empty when it is too
   * large to enumerate (then only sampled scores exist).
   */
  OptionalLong domainSize();

  /**
   * A scorer on the sample {@code options} describes ({@code method} is ignored: a scorer always
   * scores its sample). Reference values of a sample are computed once and shared.
   *
   * @param options sample size, seed and split, never null
   */
  Scorer scorer(ScoreOptions options);

  /**
   * Scores every point of the domain, on {@code options.threads()} threads; the result does not
   * depend on the thread count.
   *
   * @param p a kernel fitting the signature
   * @param options the options (only {@code threads} is read), never null
   * @throws TargetException if {@code p} does not fit, or the domain cannot be enumerated
   */
  Score verify(Program p, ScoreOptions options);

  /**
   * Scores {@code p} as {@code options} says: exhaustively, or on a sample.
   *
   * @throws TargetException if {@code p} does not fit the signature, or an exhaustive score is
   *     asked of a domain that cannot be enumerated
   */
  default Score score(Program p, ScoreOptions options) {
    signature().check(name(), p);
    return options.method() == Method.EXHAUSTIVE ? verify(p, options) : scorer(options).score(p);
  }
}
