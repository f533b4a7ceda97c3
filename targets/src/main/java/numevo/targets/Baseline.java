package numevo.targets;

import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * A known kernel a target ships, to beat and to seed searches with.
 *
 * @param name its short name within the target, e.g. {@code horner6-fma}, never null
 * @param resource the classpath resource it was read from (or a file path), never null
 * @param summary one line saying what it is, never null
 * @param program the kernel, never null
 */
public record Baseline(String name, String resource, String summary, Program program) {
  public Baseline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(program, "program");
  }
}
