package numevo.runs.cli;

import java.nio.file.Path;
import numevo.runs.store.RunReader;

/** Opens run directories for commands, turning every problem into a one-line {@link UserError}. */
final class RunStores {
  private RunStores() {}

  /**
   * A reader of the run directory {@code dir}.
   *
   * @throws UserError with exit code 2 if it is not a run directory
   */
  static RunReader open(Path dir) {
    try {
      return RunReader.open(dir);
    } catch (RunReader.RunException e) {
      throw error(e);
    }
  }

  /** The user error of a run that cannot be read: usage (2) if not a run, else 1 (corrupt). */
  static UserError error(RunReader.RunException e) {
    return new UserError(e.getMessage(), e.notARun() ? ExportCommand.USAGE : 1);
  }
}
