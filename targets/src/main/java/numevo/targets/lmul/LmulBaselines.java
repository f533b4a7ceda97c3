package numevo.targets.lmul;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;

/**
 * The shipped baseline kernels, DSL files under {@code numevo/targets/lmul/} in the resources:
 * {@code <format>_exact.kernel} (the correctly rounded product through float {@code mul}), {@code
 * <format>_lmul.kernel} (L-Mul as in Luo and Sun 2024, with the special cases) and {@code
 * <format>_mitchell.kernel} (the same without the offset), for e4m3fn, e5m2 and bfloat16.
 */
public final class LmulBaselines {
  private LmulBaselines() {}

  /**
   * The classpath resource of a baseline, e.g. {@code numevo/targets/lmul/e4m3fn_lmul.kernel}.
   *
   * @throws IllegalArgumentException if no baselines ship for the format
   */
  public static String resource(NumberFormat format, String name) {
    String prefix =
        switch (format) {
          case E4M3FN -> "e4m3fn";
          case E5M2 -> "e5m2";
          case BFLOAT16 -> "bf16";
          default -> throw new IllegalArgumentException("no L-Mul baselines for " + format);
        };
    return "numevo/targets/lmul/" + prefix + "_" + name + ".kernel";
  }

  /** A named baseline kernel. */
  public record Baseline(String name, Program kernel) {}

  /** The baselines' names, in the order {@link #all} returns them. */
  public static final List<String> NAMES = List.of("exact", "lmul", "mitchell");

  /**
   * The baselines for a format, in the order of {@link #NAMES}.
   *
   * @throws IllegalArgumentException if none ship for the format
   */
  public static List<Baseline> all(NumberFormat format) {
    return NAMES.stream().map(n -> new Baseline(n, load(format, n))).toList();
  }

  /**
   * One baseline.
   *
   * @param format e4m3fn, e5m2 or bfloat16
   * @param name one of {@link #NAMES}
   * @throws IllegalArgumentException if there is no such baseline
   */
  public static Program load(NumberFormat format, String name) {
    String file = resource(format, name);
    try (InputStream in = LmulBaselines.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalArgumentException("no L-Mul baseline " + file);
      }
      return Parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
