package numevo.targets.seq;

/** Kernel names derived from sequence ids. */
final class SolverNames {
  private SolverNames() {}

  /** {@code id} with every character outside {@code [A-Za-z0-9_]} replaced by {@code _}. */
  static String identifier(String id) {
    String s = id.replaceAll("[^A-Za-z0-9_]", "_");
    return s.length() > 100 ? s.substring(0, 100) : s;
  }
}
