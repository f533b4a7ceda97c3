package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceFilesTest {

  @TempDir Path dir;

  @Test
  void aTermListMayHaveBlanksSignsAndOneLeadingAndTrailingComma() {
    assertEquals(
        Sequences.values(0, -1, 1, 2), SequenceFiles.parseTerms(" ,0, -1 ,+1,2, ", "--terms"));
    assertEquals(
        new BigInteger("123456789012345678901234567890"),
        SequenceFiles.parseTerms("123456789012345678901234567890", "x").get(0));
  }

  @Test
  void badTermListsGiveOneLineNamingTheTerm() {
    assertMessage(
        "--terms: term 3 'x' is not an integer",
        () -> SequenceFiles.parseTerms("1,2,x", "--terms"));
    assertMessage("--terms: term 2 is empty", () -> SequenceFiles.parseTerms("1,,2", "--terms"));
    assertMessage("--terms: no terms", () -> SequenceFiles.parseTerms(" , ", "--terms"));
    assertMessage(
        "--terms: term 1 '1.5' is not an integer",
        () -> SequenceFiles.parseTerms("1.5", "--terms"));
  }

  @Test
  void theStrippedFormatIsReadByIdAndErrorsNameFileAndLine() throws IOException {
    Path f = dir.resolve("s.txt");
    Files.writeString(f, "# comment\nA000045 ,0,1,1,2,3,5,\nA000027 ,1,2,x,\n\nA000012 ,1,1,1,\n");
    SequenceData fib = SequenceFiles.readStripped(f, "A000045");
    assertEquals(Sequences.values(0, 1, 1, 2, 3, 5), fib.terms());
    assertEquals(0, fib.offset());
    assertEquals(Sequences.values(1, 1, 1), SequenceFiles.readStripped(f, "A000012").terms());
    assertMessage(
        f + ":3: term 3 'x' is not an integer", () -> SequenceFiles.readStripped(f, "A000027"));
    assertMessage(f + ": no sequence A999999", () -> SequenceFiles.readStripped(f, "A999999"));
    assertMessage(f + ":3: term 3 'x' is not an integer", () -> SequenceFiles.readAllStripped(f));
    Path g = dir.resolve("g.txt");
    Files.writeString(g, "A000045 0,1\n");
    assertMessage(
        g + ":1: expected ',' after the id A000045 (stripped format: A000045 ,0,1,1,...)",
        () -> SequenceFiles.readAllStripped(g));
    assertMessage(
        dir.resolve("none.txt") + ": cannot read: no such file",
        () -> SequenceFiles.readStripped(dir.resolve("none.txt"), "A1"));
  }

  @Test
  void aByteOrderMarkIsSkippedAndBinaryDataIsALocatedError() throws IOException {
    Path t = dir.resolve("bom.tsv");
    Files.writeString(t, "\uFEFFA000108\tCatalan\t0\t1,1,2,5\n");
    assertEquals("A000108", SequenceFiles.readTable(t).get(0).id());
    Path s = dir.resolve("bom.txt");
    Files.writeString(s, "\uFEFFA000045 ,0,1,1,2\n");
    assertEquals(Sequences.values(0, 1, 1, 2), SequenceFiles.readStripped(s, "A000045").terms());
    Path bin = dir.resolve("bin.tsv");
    Files.write(bin, new byte[] {'A', '1', '\t', 'x', '\n', 'A', (byte) 0x80});
    assertMessage(
        bin + ":2:2: not UTF-8 text (byte 0x80): expected a UTF-8 text file",
        () -> SequenceFiles.readTable(bin));
    Files.write(bin, new byte[] {'A', '1', '\t', 1});
    assertMessage(
        bin + ":1:4: binary content (control character U+0001): expected a text file",
        () -> SequenceFiles.readTable(bin));
  }

  @Test
  void aTableGivesIdsNamesOffsetsAndTerms() throws IOException {
    Path f = dir.resolve("t.tsv");
    Files.writeString(f, "# header\nA000108\tCatalan\t0\t1,1,2,5\nA000027\tnaturals\tone\t1,2\n");
    assertMessage(f + ":3: offset 'one' is not an integer", () -> SequenceFiles.readTable(f));
    Files.writeString(f, "A000108\tCatalan\t0\t1,1,2,5\nA000027\t1\t1,2\n");
    assertMessage(
        f + ":2: expected 4 tab-separated fields (id, name, offset, terms), found 3",
        () -> SequenceFiles.readTable(f));
    Files.writeString(f, "A000108\tCatalan\t0\t1,1,2,5\nA000027\tnaturals\t1\t1,2\n");
    List<SequenceData> t = SequenceFiles.readTable(f);
    assertEquals("Catalan", t.get(0).name());
    assertEquals(1, t.get(1).offset());
  }

  @Test
  void theSharedDataReads() {
    var shared = Sequences.shared();
    assumeTrue(shared.isPresent(), "skipped: no ../shared next to the repository");
    List<SequenceData> dev =
        SequenceFiles.readTable(shared.get().resolve("data/sequences/dev.tsv"));
    assertEquals(17, dev.size());
    SequenceData fib =
        SequenceFiles.readStripped(shared.get().resolve("data/oeis/OEIS_clean.txt"), "A000045");
    assertEquals(Sequences.values(0, 1, 1, 2, 3, 5, 8), fib.terms().subList(0, 7));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
    SequenceFormatException x = assertThrows(SequenceFormatException.class, e);
    assertEquals(expected, x.getMessage());
    assertTrue(!x.getMessage().contains("\n"));
  }
}
