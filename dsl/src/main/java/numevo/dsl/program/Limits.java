package numevo.dsl.program;

/** Bounds every program must respect, so that no input can make numevo hang or exhaust memory. */
public final class Limits {
  private Limits() {}

  /** Most instructions in one program. */
  public static final int MAX_INSTRUCTIONS = 10_000;

  /** Most inputs or outputs of one program. */
  public static final int MAX_PORTS = 64;

  /** Largest magnitude of an int literal, in bits (about 1,200 decimal digits). */
  public static final int MAX_LITERAL_BITS = 4096;

  /** Longest name of a kernel or value. */
  public static final int MAX_NAME_LENGTH = 128;
}
