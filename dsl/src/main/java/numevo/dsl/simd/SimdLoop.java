package numevo.dsl.simd;

/**
 * What a generated loop class implements: the batch loop over columns, and for the common port
 * shapes a direct entry without the column array. Arguments are checked by the caller ({@link
 * SimdKernel}); columns are inputs then outputs, {@code float[]} for {@code f} and {@code int[]}
 * for {@code i32}, each of at least {@code n} elements. A generated class overrides the direct
 * entry of its kernel's shape only, and {@link SimdKernel} calls only that one: the defaults guard
 * a call that cannot happen.
 */
interface SimdLoop {

  /** Runs the kernel over points {@code 0 .. n-1} of the columns. */
  void columns(Object[] cols, int n);

  /** One {@code f} input, one {@code f} output. */
  default void unary(float[] xs, float[] ys, int n) {
    throw new UnsupportedOperationException("not a unary float32 kernel");
  }

  /** Two {@code f} inputs, one {@code f} output. */
  default void binary(float[] xs, float[] ys, float[] rs, int n) {
    throw new UnsupportedOperationException("not a binary float32 kernel");
  }

  /** Two {@code i32} inputs, one {@code i32} output. */
  default void codes(int[] as, int[] bs, int[] rs, int n) {
    throw new UnsupportedOperationException("not an i32 binary kernel");
  }
}
