package numevo.dsl.program;

import java.util.Objects;

/**
 * A kernel input.
 *
 * @param name its name, a valid identifier
 * @param type its type, never null
 */
public record Input(String name, Type type) {
  public Input {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static Input of(String name, Type type) {
    return new Input(name, type);
  }
}
