package numevo.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;

/**
 * Loads the baseline kernels shipped as classpath resources under {@code
 * numevo/targets/baselines/}.
 */
public final class Baselines {
  private Baselines() {}

  /** The resource folder of the baselines. */
  public static final String ROOT = "numevo/targets/baselines/";

  /**
   * Loads {@code ROOT + folder + "/" + name + ".kernel"} for each name.
   *
   * @param folder the target's folder, e.g. {@code exp2}
   * @param names the file names without extension; each becomes the baseline's name
   * @return the baselines in order; each one's summary is {@link #summaryOf} its file
   * @throws IllegalStateException if a resource is missing or malformed (a packaging bug)
   */
  public static List<Baseline> load(String folder, String... names) {
    List<Baseline> out = new ArrayList<>(names.length);
    for (String n : names) {
      String path = ROOT + folder + "/" + n + ".kernel";
      String text = read(path);
      Program p = Parser.parse(text, path);
      out.add(new Baseline(n, path, summaryOf(text), p));
    }
    return List.copyOf(out);
  }

  /** The text of a classpath resource. */
  public static String read(String path) {
    try (InputStream in = Baselines.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A kernel file's summary: the first sentence of its leading comment, which may run over several
   * comment lines; empty if the file does not start with a comment.
   *
   * @param text the kernel file's text, never null
   */
  public static String summaryOf(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.lines().toList()) {
      String t = line.strip();
      if (!t.startsWith("#")) {
        if (t.isEmpty() && sb.isEmpty()) {
          continue;
        }
        break;
      }
      String c = t.substring(1).strip();
      if (c.isEmpty()) {
        break; // the end of the first paragraph
      }
      sb.append(sb.isEmpty() ? "" : " ").append(c);
      int end = sentenceEnd(sb);
      if (end >= 0) {
        return sb.substring(0, end + 1);
      }
    }
    return sb.toString();
  }

  /** Whether the full stop at {@code dot} ends an initial such as the "N." of "J. N. Mitchell". */
  private static boolean isInitial(CharSequence s, int dot) {
    return Character.isUpperCase(s.charAt(dot - 1))
        && (dot == 1 || !Character.isLetterOrDigit(s.charAt(dot - 2)));
  }

  /** The index of the full stop ending the first sentence, or -1. */
  private static int sentenceEnd(CharSequence s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth = Math.max(0, depth - 1);
      } else if (ch == '.'
          && depth == 0
          && i > 0
          && (i + 1 == s.length() || s.charAt(i + 1) == ' ')
          && !isInitial(s, i)) {
        return i;
      }
    }
    return -1;
  }
}
