package numevo.runs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code numevo} in a JVM of its own, for tests that kill it or run two at once: the test's JVM and
 * class path (so it works in surefire's test phase, before the jar is packaged), output and errors
 * to a log file.
 */
final class NumevoProcess {
  private final Process process;
  private final Path log;

  private NumevoProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code numevo ARGS}, its output going to {@code log}. */
  static NumevoProcess start(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-XX:+UseParallelGC");
    // What the launcher gives Hazelcast (cluster mode), so that it does not warn.
    cmd.addAll(
        List.of(
            "--add-modules",
            "java.se",
            "--add-exports",
            "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens",
            "java.management/sun.management=ALL-UNNAMED",
            "--add-opens",
            "jdk.management/com.sun.management.internal=ALL-UNNAMED"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(CliRun.unranked(args)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    return new NumevoProcess(pb.start(), log);
  }

  Process process() {
    return process;
  }

  /** What it printed so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits for it to exit; its exit code. */
  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("numevo did not end in " + seconds + " s: " + log());
    }
    return process.exitValue();
  }

  /**
   * Waits until {@code condition} holds or the process ends.
   *
   * @return whether the condition holds
   */
  boolean awaitWhileAlive(BooleanSupplier condition, long seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (!process.isAlive()) {
        return condition.getAsBoolean();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("waited " + seconds + " s in vain: " + log());
  }

  /** SIGKILL, and waits for it to be gone; its exit code. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }
}
