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
   * @return the baselines in order; each one's summary is the first comment line of its file
   * @throws IllegalStateException if a resource is missing or malformed (a packaging bug)
   */
  public static List<Baseline> load(String folder, String... names) {
    List<Baseline> out = new ArrayList<>(names.length);
    for (String n : names) {
      String path = ROOT + folder + "/" + n + ".kernel";
      String text = read(path);
      Program p = Parser.parse(text, path);
      out.add(new Baseline(n, path, firstComment(text), p));
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

  private static String firstComment(String text) {
    for (String line : text.lines().toList()) {
      String t = line.strip();
      if (t.startsWith("#")) {
        return t.substring(1).strip();
      }
      if (!t.isEmpty()) {
        break;
      }
    }
    return "";
  }
}
