package numevo.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every jqwik {@code @Property} in the repository's tests has a fixed seed, so that a failure
 * reproduces: without one jqwik draws a new seed on every run. Reads the test sources of every
 * module (this module runs last in the build).
 */
class PropertySeedsTest {
  private static final Path ROOT = Path.of(System.getProperty("numevo.root", ".."));

  /** An annotation opening a line, with its arguments if any. */
  private static final Pattern PROPERTY =
      Pattern.compile("^\\s*@Property\\b(\\s*\\(([^)]*)\\))?", Pattern.MULTILINE);

  @Test
  void everyPropertyHasAFixedSeed() throws IOException {
    List<String> unseeded = new ArrayList<>();
    int properties = 0;
    try (Stream<Path> files = Files.walk(ROOT, 8)) {
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/test/java/"))
              .toList()) {
        Matcher m = PROPERTY.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          properties++;
          if (m.group(2) == null || !m.group(2).matches("(?s).*\\bseed\\s*=.*")) {
            unseeded.add(ROOT.relativize(f) + ": " + m.group().strip());
          }
        }
      }
    }
    assertTrue(properties >= 30, properties + " @Property annotations found under " + ROOT);
    assertEquals(List.of(), unseeded, "@Property without a seed");
  }
}
