package numevo.runs.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * A JMH {@link OutputFormat} that passes everything on except the one line a forked JVM prints at
 * start-up when it loads the Vector API, {@value #INCUBATOR_WARNING}: a benchmark run of the SIMD
 * backend starts one fork per kernel and shape, and would print it once per fork.
 *
 * <p>JMH copies each fork's standard output and error byte by byte through {@link #write(int)}, one
 * thread per stream; each thread's bytes are held here until the end of their line, so that the
 * warning can be recognized whole and the lines of the two streams are not mixed. A line other than
 * the warning goes on unchanged; a last line without a newline goes on at the next flush, at the
 * end of a benchmark or run, or before any other output.
 */
public final class QuietForkOutput implements OutputFormat {
  /** The line dropped, as the JVM prints it. */
  public static final String INCUBATOR_WARNING =
      "WARNING: Using incubator modules: jdk.incubator.vector";

  private final OutputFormat out;
  private final Map<Thread, ByteArrayOutputStream> lines = new ConcurrentHashMap<>();

  private QuietForkOutput(OutputFormat out) {
    this.out = out;
  }

  /** Filters the forks' output on its way to {@code out}. */
  public static QuietForkOutput of(OutputFormat out) {
    return new QuietForkOutput(out);
  }

  @Override
  public void write(int b) {
    ByteArrayOutputStream line =
        lines.computeIfAbsent(Thread.currentThread(), t -> new ByteArrayOutputStream());
    line.write(b);
    if (b == '\n') {
      lines.remove(Thread.currentThread());
      emit(line.toByteArray());
    }
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    for (byte b : bytes) {
      write(b & 0xff);
    }
  }

  private void emit(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8).strip();
    if (text.equals(INCUBATOR_WARNING)) {
      return;
    }
    synchronized (out) {
      try {
        out.write(line);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Passes on the partial lines held (a stream that ended without a newline). */
  private void drain() {
    for (Thread t : lines.keySet()) {
      ByteArrayOutputStream line = lines.remove(t);
      if (line != null) {
        emit(line.toByteArray());
      }
    }
  }

  @Override
  public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
    drain();
    out.iteration(benchParams, params, iteration);
  }

  @Override
  public void iterationResult(
      BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
    drain();
    out.iterationResult(benchParams, params, iteration, data);
  }

  @Override
  public void startBenchmark(BenchmarkParams benchParams) {
    drain();
    out.startBenchmark(benchParams);
  }

  @Override
  public void endBenchmark(BenchmarkResult result) {
    drain();
    out.endBenchmark(result);
  }

  @Override
  public void startRun() {
    out.startRun();
  }

  @Override
  public void endRun(Collection<RunResult> result) {
    drain();
    out.endRun(result);
  }

  @Override
  public void print(String s) {
    drain();
    out.print(s);
  }

  @Override
  public void println(String s) {
    drain();
    out.println(s);
  }

  @Override
  public void flush() {
    drain();
    out.flush();
  }

  @Override
  public void close() {
    drain();
    out.close();
  }

  @Override
  public void verbosePrintln(String s) {
    drain();
    out.verbosePrintln(s);
  }
}
