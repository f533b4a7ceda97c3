package numevo.dsl.program;

import java.util.List;

/**
 * A program is malformed. The message is one line: the first problem with its location; {@link
 * #problems()} lists them all.
 */
public final class ProgramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /**
   * @param problems located, one-line messages; at least one
   */
  public ProgramException(List<String> problems) {
    super(problems.get(0), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public ProgramException(String problem) {
    this(List.of(problem));
  }

  /** Every problem found, each a located one-line message. */
  public List<String> problems() {
    return problems;
  }
}
