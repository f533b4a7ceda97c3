package numevo.runs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

class QuietForkOutputTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final QuietForkOutput out =
      QuietForkOutput.of(
          OutputFormatFactory.createFormatInstance(
              new PrintStream(bytes, true, StandardCharsets.UTF_8), VerboseMode.SILENT));

  private String printed() {
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** As JMH's stream drainer writes a fork's output: one byte at a time. */
  private void fork(String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      out.write(b & 0xff);
    }
  }

  @Test
  void dropsTheIncubatorWarningOfEachFork() {
    fork(QuietForkOutput.INCUBATOR_WARNING + "\n");
    fork("# a line of the benchmark\n");
    fork(QuietForkOutput.INCUBATOR_WARNING + "\r\n");
    assertEquals("# a line of the benchmark\n", printed());
  }

  @Test
  void keepsOtherLinesWholeAndInOrder() throws IOException {
    fork("WARNING: something else\n");
    out.write("Exception in fork: boom\n".getBytes(StandardCharsets.UTF_8));
    fork(QuietForkOutput.INCUBATOR_WARNING + " and more\n");
    assertEquals(
        "WARNING: something else\nException in fork: boom\n"
            + QuietForkOutput.INCUBATOR_WARNING
            + " and more\n",
        printed());
  }

  @Test
  void passesOnALastLineWithoutNewline() {
    fork("partial");
    assertEquals("partial", printed());
  }

  @Test
  void keepsTheLinesOfTwoStreamsApart() throws Exception {
    // JMH drains a fork's standard output and error on two threads, one thread per stream.
    ExecutorService err = Executors.newSingleThreadExecutor();
    try {
      err.submit(() -> fork("error line, ")).get();
      fork("output line\n");
      err.submit(() -> fork("continued\n")).get();
      err.submit(() -> fork(QuietForkOutput.INCUBATOR_WARNING + "\n")).get();
    } finally {
      err.shutdown();
    }
    assertEquals("output line\nerror line, continued\n", printed());
  }
}
