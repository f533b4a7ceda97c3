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
    assertEquals(big + ": too large: more than 1048576 bytes", message(big));
  }

  @Test
  void invalidUtf8IsRejectedAtItsLineAndColumn() throws IOException {
    Path latin1 = dir.resolve("latin1.kernel");
    Files.write(latin1, "kernel k float32\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(
        latin1 + ":2:6: not UTF-8 text (byte 0xe9): expected a UTF-8 text file", message(latin1));
  }

  @Test
  void binaryContentIsRejectedAtItsLineAndColumn() throws IOException {
    Path bin = dir.resolve("bin.kernel");
    Files.write(bin, "kernel k float32\r\ninput x : f\u0000\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        bin + ":2:12: binary content (control character U+0000): expected a text file",
        message(bin));
  }

  @Test
  void aLeadingByteOrderMarkIsAccepted() throws IOException {
    Path bom = dir.resolve("bom.kernel");
    Files.writeString(bom, "\uFEFFkernel k e5m2\ninput x : f\noutput x\n");
    assertEquals("k", Parser.parseFile(bom).program().name());
  }
}
