package numevo.targets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import numevo.targets.floats.FloatTargets;
import numevo.targets.floats.TargetFile;

/**
 * The registry of targets: the built-in ones by name, and float targets defined by target files. A
 * target family registers by adding its entries to {@link #builtIn()}.
 */
public final class Targets {
  private Targets() {}

  private static final List<TargetEntry> BUILT_IN = List.copyOf(collect());

  private static List<TargetEntry> collect() {
    List<TargetEntry> all = new ArrayList<>(FloatTargets.entries());
    // L-Mul (numevo.targets.lmul) and sequence (numevo.targets.seq) entries go here.
    return all;
  }

  /** Every built-in target, in listing order. */
  public static List<TargetEntry> builtIn() {
    return BUILT_IN;
  }

  /** The built-in entry with this name, if any. */
  public static Optional<TargetEntry> entry(String name) {
    return BUILT_IN.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The names of the built-in targets, comma separated, for messages. */
  public static String names() {
    return String.join(", ", BUILT_IN.stream().map(TargetEntry::name).toList());
  }

  /**
   * Resolves what a user wrote after {@code --target}: a built-in name, or the path of a target
   * file (any path ending in {@code .target}, or an existing file).
   *
   * @param nameOrPath the name or path, never null
   * @param params the target's parameters, never null
   * @return the target
   * @throws TargetException if the name is unknown (the message lists the targets), the file is bad
   *     (file:line:col), or a parameter is not accepted
   */
  public static Target resolve(String nameOrPath, TargetParams params) {
    Optional<TargetEntry> e = entry(nameOrPath);
    if (e.isPresent()) {
      return e.get().create(params);
    }
    Path p = Path.of(nameOrPath);
    if (nameOrPath.endsWith(".target") || Files.isRegularFile(p)) {
      if (!params.isEmpty()) {
        throw new TargetException(
            "a target file takes no parameters, got --"
                + String.join(", --", params.values().keySet()));
      }
      return TargetFile.read(p);
    }
    throw new TargetException(
        "unknown target '" + nameOrPath + "'; targets: " + names() + ", or a FILE.target");
  }
}
