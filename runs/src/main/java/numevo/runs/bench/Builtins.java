package numevo.runs.bench;

import java.util.Map;
import java.util.TreeMap;

/** Built-in baselines for {@code numevo bench --vs builtin:NAME}: plain Java loops. */
public final class Builtins {
  private Builtins() {}

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
   * A baseline: exactly one of {@code unary} and {@code binary} is non-null.
   *
   * @param description what it computes, for listings
   */
  public record Kernel(String description, Unary unary, Binary binary) {}

  private static final Map<String, Kernel> ALL = new TreeMap<>();

  static {
    ALL.put(
        "exp",
        new Kernel(
            "(float) Math.exp(x): the HotSpot intrinsic",
            (xs, ys, n) -> {
              for (int i = 0; i < n; i++) {
                ys[i] = (float) Math.exp(xs[i]);
              }
            },
            null));
    ALL.put(
        "exp-strict",
        new Kernel(
            "(float) StrictMath.exp(x): fdlibm, no intrinsic",
            (xs, ys, n) -> {
              for (int i = 0; i < n; i++) {
                ys[i] = (float) StrictMath.exp(xs[i]);
              }
            },
            null));
    ALL.put(
        "exp2",
        new Kernel(
            "(float) Math.pow(2, x)",
            (xs, ys, n) -> {
              for (int i = 0; i < n; i++) {
                ys[i] = (float) Math.pow(2.0, xs[i]);
              }
            },
            null));
    ALL.put(
        "mul",
        new Kernel(
            "x * y in float32",
            null,
            (xs, ys, rs, n) -> {
              for (int i = 0; i < n; i++) {
                rs[i] = xs[i] * ys[i];
              }
            }));
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
