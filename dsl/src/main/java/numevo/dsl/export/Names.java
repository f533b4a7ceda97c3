package numevo.dsl.export;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Allocates identifiers of a target language for the names of a kernel: each valid in the language,
 * none reserved, all distinct. A name is kept as written when it can be; otherwise its dots become
 * underscores and a suffix makes it free ({@code class} becomes {@code class_}, a second {@code
 * a_b} becomes {@code a_b_2}).
 */
final class Names {
  private final Predicate<String> reserved;
  private final Set<String> taken = new HashSet<>();

  /**
   * @param reserved the identifiers the language or the emitted code already uses
   */
  Names(Predicate<String> reserved) {
    this.reserved = reserved;
  }

  /**
   * Identifiers for a list of names, in order. Names that are usable as written are given out
   * first, so that a sanitized name never takes a name the kernel spells out itself.
   *
   * @param names distinct DSL identifiers
   * @return one identifier per name
   */
  String[] assign(List<String> names) {
    String[] out = new String[names.size()];
    for (int i = 0; i < out.length; i++) {
      String n = names.get(i);
      if (n.indexOf('.') < 0 && isFree(n)) {
        taken.add(n);
        out[i] = n;
      }
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        out[i] = fresh(names.get(i));
      }
    }
    return out;
  }

  /**
   * A free identifier based on {@code base}, now taken.
   *
   * @param base a DSL identifier or an identifier the emitter wants (dots allowed)
   */
  String fresh(String base) {
    String b = base.replace('.', '_');
    if (reserved.test(b) && reserved.test(b + "_")) {
      // Reserved by its prefix (INT32_MAX, __x, nv_x): no suffix frees it, a prefix does.
      b = "v_" + b;
    }
    String candidate = b;
    if (!isFree(candidate)) {
      candidate = b.endsWith("_") ? b + "2" : b + "_";
      for (int k = 2; !isFree(candidate); k++) {
        if (k > 100_000) {
          throw new IllegalStateException("no free identifier for '" + base + "'");
        }
        candidate = b + "_" + k;
      }
    }
    taken.add(candidate);
    return candidate;
  }

  private boolean isFree(String s) {
    return !taken.contains(s) && !reserved.test(s);
  }
}
