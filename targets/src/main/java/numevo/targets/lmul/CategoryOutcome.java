package numevo.targets.lmul;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a kernel's results came out on the pairs of one {@link ProductCategory}.
 *
 * @param category the category of the correctly rounded product
 * @param pairs pairs in the category
 * @param matching pairs where the kernel's code equals the correctly rounded product's (any NaN
 *     matching any NaN)
 * @param got pairs per class of the kernel's result (copied; every class present, zeros included)
 */
public record CategoryOutcome(
    ProductCategory category, int pairs, int matching, Map<ResultClass, Integer> got) {

  public CategoryOutcome {
    Objects.requireNonNull(category, "category");
    Map<ResultClass, Integer> full = new EnumMap<>(ResultClass.class);
    for (ResultClass c : ResultClass.values()) {
      full.put(c, got.getOrDefault(c, 0));
    }
    got = Map.copyOf(full);
  }

  /** Pairs where the kernel's code differs from the correctly rounded product's. */
  public int mismatching() {
    return pairs - matching;
  }
}
