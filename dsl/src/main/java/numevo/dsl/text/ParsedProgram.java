package numevo.dsl.text;

import java.util.List;
import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * A program read from text, with where its parts were and what looked suspicious.
 *
 * @param program the program, never null
 * @param sourceMap the positions of its parts, never null
 * @param warnings located one-line warnings ({@code file:line:col: warning: ...}), in source order:
 *     dead instructions (no output depends on them) and finite literals that overflow the format
 */
public record ParsedProgram(Program program, SourceMap sourceMap, List<String> warnings) {
  public ParsedProgram {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(sourceMap, "sourceMap");
    warnings = List.copyOf(warnings);
  }

  /** Same as the constructor. */
  public static ParsedProgram of(Program program, SourceMap sourceMap, List<String> warnings) {
    return new ParsedProgram(program, sourceMap, warnings);
  }
}
