package numevo.targets.lmul;

import java.util.List;
import java.util.Objects;

/**
 * The score of one product kernel on one L-Mul target.
 *
 * <p>Error domains. {@code vsReal} and {@code vsRounded} cover the pairs whose correctly rounded
 * product is finite and nonzero (categories {@link ProductCategory#SUBNORMAL} and {@link
 * ProductCategory#NORMAL}: both operands finite and nonzero, the exact product neither overflowing
 * nor underflowing to zero) where the kernel's result is finite; a kernel zero there counts as an
 * error of -1. {@code vsRealCore} covers the {@link ProductReference core} pairs only.
 *
 * @param target the target's name
 * @param method {@code "exhaustive"}, {@code "sampled"} or {@code "listed"}
 * @param points pairs scored
 * @param exactCount pairs where the kernel's code equals the correctly rounded product's (the low
 *     format bits of the kernel's output; any NaN matches any NaN)
 * @param loss one number for a search to minimize, in {@code [0, 1]} ({@code [0, 2]} with the
 *     exactness term of {@link LmulScorer#withExactLoss}): the mean over all pairs of a per-pair
 *     loss, which is {@code min(|relative error against the real product|, 1)} where the rounded
 *     product is finite and nonzero (1 where the kernel's value is NaN or infinite there), and
 *     elsewhere 0 if the kernel's code matches the rounded product's and 1 if not. The exact
 *     product has the least loss a code can have; a kernel cannot hide bad pairs behind NaN.
 * @param vsReal relative error against the exact real product
 * @param vsRealCore the same on the core pairs
 * @param vsRounded relative error against the correctly rounded product
 * @param special how each category of pairs came out (copied; one entry per category, in order)
 * @param cost op count and energy
 */
public record LmulScore(
    String target,
    String method,
    int points,
    int exactCount,
    double loss,
    ErrorStats vsReal,
    ErrorStats vsRealCore,
    ErrorStats vsRounded,
    List<CategoryOutcome> special,
    KernelCost cost) {

  public LmulScore {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(vsReal, "vsReal");
    Objects.requireNonNull(vsRealCore, "vsRealCore");
    Objects.requireNonNull(vsRounded, "vsRounded");
    Objects.requireNonNull(cost, "cost");
    special = List.copyOf(special);
  }

  /** The fraction of pairs scored bit-exact against the correctly rounded product. */
  public double exactFraction() {
    return points == 0 ? Double.NaN : (double) exactCount / points;
  }

  /** The outcome for one category. */
  public CategoryOutcome outcome(ProductCategory c) {
    return special.get(c.ordinal());
  }

  /** Pairs outside the finite nonzero categories where the kernel's code is not the reference's. */
  public int specialMismatches() {
    int n = 0;
    for (CategoryOutcome o : special) {
      if (!o.category().finiteNonzero()) {
        n += o.mismatching();
      }
    }
    return n;
  }
}
