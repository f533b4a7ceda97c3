package numevo.runs.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Built-in baselines for {@code numevo bench --vs builtin:NAME}: plain Java loops, and for the
 * float32 functions of one input the same function per call ({@code numevo bench --shapes call:N}).
 */
public final class Builtins {
  private Builtins() {}

  /** A float32 function of one input, per call. */
  @FunctionalInterface
  public interface Scalar {
    float apply(float x);
  }

  /** A float32 kernel of one input, over arrays. */
  @FunctionalInterface
  public interface Unary {
    void apply(float[] xs, float[] ys, int n);
  }

  /** A float32 kernel of two inputs, over arrays. */
  @FunctionalInterface
  public interface Binary {
    void apply(float[] xs, float[] ys, float[] rs, int n);
  }

  /**
   * A baseline: exactly one of {@code unary} and {@code binary} is non-null; {@code scalar}, the
   * per-call form, is non-null exactly when {@code unary} is, and computes the same function.
   *
   * @param description what it computes, for listings
   */
  public record Kernel(String description, Unary unary, Binary binary, Scalar scalar) {
    /** A baseline of one input, from its per-call form: the loop calls it once per element. */
    static Kernel unary(String description, Scalar f) {
      return new Kernel(
          description,
          (xs, ys, n) -> {
            for (int i = 0; i < n; i++) {
              ys[i] = f.apply(xs[i]);
            }
          },
          null,
          f);
    }
  }

  private static final Map<String, Kernel> ALL = new TreeMap<>();

  static {
    ALL.put("exp", Kernel.unary("(float) Math.exp(x): the HotSpot intrinsic", Builtins::mathExp));
    ALL.put(
        "exp-strict",
        Kernel.unary("(float) StrictMath.exp(x): fdlibm, no intrinsic", Builtins::strictExp));
    ALL.put(
        "exp-cw",
        Kernel.unary(
            "e^x by kernels/exp's Cody-Waite algorithm, hand-written in Java", CodyWaiteExp::exp));
    ALL.put("exp2", Kernel.unary("(float) Math.pow(2, x)", Builtins::pow2));
    ALL.put(
        "mul",
        new Kernel(
            "x * y in float32",
            null,
            (xs, ys, rs, n) -> {
              for (int i = 0; i < n; i++) {
                rs[i] = xs[i] * ys[i];
              }
            },
            null));
  }

  private static float mathExp(float x) {
    return (float) Math.exp(x);
  }

  private static float strictExp(float x) {
    return (float) StrictMath.exp(x);
  }

  private static float pow2(float x) {
    return (float) Math.pow(2.0, x);
  }

  /**
   * The baseline named {@code name}.
   *
   * @throws IllegalArgumentException naming the known baselines if there is none
   */
  public static Kernel of(String name) {
    Kernel k = ALL.get(name);
    if (k == null) {
      throw new IllegalArgumentException(
          "unknown built-in baseline 'builtin:"
              + name
              + "'; known: builtin:"
              + String.join(", builtin:", ALL.keySet()));
    }
    return k;
  }

  /** Names of all baselines. */
  public static java.util.Set<String> names() {
    return ALL.keySet();
  }
}
