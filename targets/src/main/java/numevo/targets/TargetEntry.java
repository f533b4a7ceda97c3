package numevo.targets;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A registered target: its name and one-line summary (known without building it, for {@code numevo
 * targets}), the parameters it accepts, and how to build it.
 *
 * @param name the name users type, never null
 * @param summary one line, never null
 * @param params the parameter keys the factory reads (copied); others are rejected
 * @param factory builds the target from parameters; throws {@link TargetException} for bad ones
 */
public record TargetEntry(
    String name, String summary, Set<String> params, Function<TargetParams, Target> factory) {

  public TargetEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    params = Set.copyOf(params);
    Objects.requireNonNull(factory, "factory");
  }

  /** An entry for a target without parameters, built once and shared. */
  public static TargetEntry of(Target target) {
    return new TargetEntry(target.name(), target.summary(), Set.of(), p -> target);
  }

  /**
   * Builds the target.
   *
   * @throws TargetException if a parameter is not accepted or is invalid
   */
  public Target create(TargetParams p) {
    for (String k : p.values().keySet()) {
      if (!params.contains(k)) {
        throw new TargetException(
            "target "
                + name
                + " takes no parameter --"
                + k
                + (params.isEmpty() ? "" : " (it takes: --" + String.join(", --", params) + ")"));
      }
    }
    return factory.apply(p);
  }
}
