package numevo.dsl.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import numevo.dsl.program.ProgramException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseFileTest {

  @TempDir Path dir;

  private static String message(Path file) {
    return assertThrows(ProgramException.class, () -> Parser.parseFile(file)).getMessage();
  }

  @Test
  void readsAFileAndNamesItInMessages() throws IOException {
    Path ok = Files.writeString(dir.resolve("ok.kernel"), "kernel k e5m2\ninput x : f\noutput x\n");
    assertEquals("k", Parser.parseFile(ok).program().name());
    Path bad = Files.writeString(dir.resolve("bad.kernel"), "kernel k e5m2\ninput x : g\n");
    assertEquals(bad + ":2:11: unknown type 'g': expected f, i32 or int", message(bad));
  }

  @Test
  void aMissingFileIsReportedClearly() {
    Path missing = dir.resolve("missing.kernel");
    assertEquals(missing + ": cannot read: no such file", message(missing));
  }

  @Test
  void aDirectoryIsReportedClearly() {
    String m = message(dir);
    assertTrue(m.startsWith(dir + ": cannot read: "), m); // the reason's wording is the OS's
  }

  @Test
  void aFileOverOneMebibyteIsRejectedWithoutParsing() throws IOException {
    Path big = dir.resolve("big.kernel");
    Files.write(big, new byte[Parser.MAX_SOURCE_SIZE + 1]);
    assertEquals(big + ": too large: more than 1048576 bytes (limit 1048576)", message(big));
  }

  @Test
  void invalidUtf8IsRejected() throws IOException {
    Path latin1 = dir.resolve("latin1.kernel");
    Files.write(latin1, "kernel k float32 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(latin1 + ": not valid UTF-8", message(latin1));
  }
}
