package numevo.dsl.program;

/**
 * One thing wrong with a program, located structurally; the text parser maps it to a line and
 * column.
 *
 * @param part which part of the program
 * @param index index of the input, instruction or output within its part (0 for the header)
 * @param operand operand index within an instruction, or -1 for the element as a whole
 * @param message what is wrong, one line, without location
 */
public record Problem(Part part, int index, int operand, String message) {

  /** The parts of a program a problem can sit in. */
  public enum Part {
    HEADER,
    INPUT,
    INSTRUCTION,
    OUTPUT
  }

  /** The location in words, for programs that did not come from text. */
  public String where() {
    return switch (part) {
      case HEADER -> "kernel";
      case INPUT -> "input " + index;
      case INSTRUCTION -> "instruction " + index + (operand >= 0 ? ", operand " + operand : "");
      case OUTPUT -> "output " + index;
    };
  }

  @Override
  public String toString() {
    return where() + ": " + message;
  }
}
