package numevo.targets;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Parameters that define a target instance, as the user gave them (e.g. the seq target's {@code
 * terms}, {@code data}, {@code id}, {@code holdout}). Keys are the command-line flag names without
 * dashes. Immutable.
 *
 * @param values the parameters (copied, sorted by key)
 */
public record TargetParams(Map<String, String> values) {

  public TargetParams {
    values = Map.copyOf(values);
  }

  /** No parameters. */
  public static TargetParams none() {
    return new TargetParams(Map.of());
  }

  public static TargetParams of(Map<String, String> values) {
    return new TargetParams(values);
  }

  /** The value of a parameter, if given. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Whether no parameter was given. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public String toString() {
    return new TreeMap<>(values).toString();
  }
}
