package numevo.runs.store;

/** Where a run stands, as {@code numevo runs} shows it. */
public enum RunStatus {
  /** A process holds the run's lock and is searching. */
  RUNNING,
  /** The search reached its stop. */
  FINISHED,
  /**
   * Ctrl-C or SIGTERM stopped it after writing a checkpoint; {@code numevo resume} continues it.
   */
  INTERRUPTED,
  /** Its process died without stopping it (kill -9, a crash, a reboot); resume continues it. */
  CRASHED;

  /** The status as a lower-case word. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
