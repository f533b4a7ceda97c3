package numevo.dsl.simd;

/**
 * The SIMD backend cannot compile a kernel bit for bit; {@link #getMessage()} is the reason, one
 * line. The caller falls back to the scalar compiler ({@link numevo.dsl.compile.KernelCompiler}).
 */
public final class SimdDeclinedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A decline with its one-line reason. */
  public SimdDeclinedException(String reason) {
    super(reason);
  }
}
