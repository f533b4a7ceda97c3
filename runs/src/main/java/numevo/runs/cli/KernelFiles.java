package numevo.runs.cli;

import java.nio.file.Path;
import numevo.dsl.program.ProgramException;
import numevo.dsl.text.ParsedProgram;
import numevo.dsl.text.Parser;

/** Reads kernel files for commands, turning every problem into a one-line {@link UserError}. */
public final class KernelFiles {
  private KernelFiles() {}

  public static ParsedProgram read(Path file) {
    try {
      return Parser.parseFile(file);
    } catch (ProgramException e) {
      throw new UserError(e.getMessage());
    }
  }
}
