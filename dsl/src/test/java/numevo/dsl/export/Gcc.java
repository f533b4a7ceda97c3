package numevo.dsl.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs gcc and the programs it builds, for the C export tests. The system property {@code
 * numevo.cc} names another compiler that takes gcc's flags (clang, a cross gcc).
 */
final class Gcc {
  private Gcc() {}

  private static final String CC = System.getProperty("numevo.cc", "gcc");

  /** Why gcc cannot be used here, or null if it can. */
  static String unavailable() {
    try {
      Process p = new ProcessBuilder(CC, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return CC + " --version failed";
      }
      return null;
    } catch (IOException e) {
      return CC + " not found on PATH (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Compiles one C file to an executable.
   *
   * @param flags the flags before the file name
   * @throws AssertionError with gcc's messages if it fails
   */
  static Path compile(Path source, List<String> flags) throws IOException, InterruptedException {
    Path exe = source.resolveSibling(source.getFileName().toString().replace(".c", ""));
    List<String> cmd = new ArrayList<>();
    cmd.add(CC);
    cmd.addAll(flags);
    cmd.addAll(List.of(source.toString(), "-o", exe.toString(), "-lm"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed:\n" + head(messages));
    }
    return exe;
  }

  /** Runs an executable on an input file and returns its output lines. */
  static List<String> run(Path exe, Path input) throws IOException, InterruptedException {
    Path output = input.resolveSibling("output.txt");
    Process p =
        new ProcessBuilder(exe.toString())
            .redirectInput(input.toFile())
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(exe + " timed out");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(exe + " exited with " + p.exitValue());
    }
    return Files.readAllLines(output, StandardCharsets.UTF_8);
  }

  private static String head(String s) {
    return s.length() <= 20_000 ? s : s.substring(0, 20_000) + "\n...";
  }
}
