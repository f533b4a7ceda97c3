package numevo.runs.cli;

import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import numevo.runs.cli.CliRun.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code numevo exec} through {@link Main#run(PrintWriter, PrintWriter, String...)}: the three
 * engines print identical lines, invalid points are reported per point, and bad input is a one-line
 * error.
 */
class ExecCommandTest {

  private static final String FLOAT16 =
      """
      kernel poly float16
      input x : f
      t = fma x 0x1.8p-1 0.5
      q = div t x
      y = mul q q
      output y
      """;

  private static final String FP8_CODES =
      """
      # L-Mul style: add the codes, subtract the bias
      kernel lmul e4m3fn
      input a : i32
      input b : i32
      s = add a b
      r = sub s 56
      output r
      """;

  private static final String EXACT_INT =
      """
      kernel half float64
      input n : int
      h = div n 2
      output h
      """;

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Run runAll(Path kernel, Path inputs, String engine) {
    return run("exec", kernel.toString(), "--engine", engine, "--inputs", inputs.toString());
  }

  private void assertEnginesAgree(Path kernel, Path inputs, int expectedLines) {
    Run interp = runAll(kernel, inputs, "interp");
    assertEquals(0, interp.exit(), interp.err());
    assertEquals(expectedLines, interp.out().lines().count(), interp.out());
    for (String engine : new String[] {"columnar", "compiled"}) {
      Run other = runAll(kernel, inputs, engine);
      assertEquals(0, other.exit(), other.err());
      assertEquals(interp.out(), other.out(), engine + " differs from interp");
    }
  }

  @Test
  void compiledAndColumnarPrintWhatTheInterpreterPrintsForFloat16() throws Exception {
    Path k = file("poly.nk", FLOAT16);
    Path in = file("in.txt", "1\n0\n-0\ninf\n-inf\nnan\n0x1p-24\n65504\n# comment\n3.14159\n");
    assertEnginesAgree(k, in, 9);
    Run r = runAll(k, in, "compiled");
    // x = 1: t = 1.25, q = 1.25, y = 1.5625 = 0x3e40 in float16
    assertTrue(r.out().lines().findFirst().orElseThrow().contains("0x3e40"), r.out());
  }

  @Test
  void compiledAndColumnarPrintWhatTheInterpreterPrintsForFp8Codes() throws Exception {
    Path k = file("lmul.nk", FP8_CODES);
    Path in = file("in.txt", "56 56\n0 0\n120 7\n255 255\n");
    assertEnginesAgree(k, in, 4);
    assertTrue(runAll(k, in, "compiled").out().startsWith("56 0x00000038"));
  }

  @Test
  void inexactIntDivisionIsReportedForThatPointOnlyByEveryEngine() throws Exception {
    Path k = file("half.nk", EXACT_INT);
    Path in = file("in.txt", "4\n3\n123456789012345678901234567890\n");
    assertEnginesAgree(k, in, 3);
    String[] lines = runAll(k, in, "compiled").out().split("\n");
    assertTrue(lines[0].startsWith("2 0x2"), lines[0]);
    assertTrue(lines[1].startsWith("invalid: "), lines[1]);
    assertTrue(lines[2].startsWith("61728394506172839450617283945 "), lines[2]);
  }

  @Test
  void aBadValueInTheInputsFileNamesFileLineAndColumn() throws Exception {
    Path k = file("lmul.nk", FP8_CODES);
    Path in = file("in.txt", "1 2\n3 x4\n");
    Run r = runAll(k, in, "compiled");
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("in.txt:2:3"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertTrue(r.exit() != 0);
    assertEquals("", r.out());
  }

  @Test
  void anUnknownEngineIsAOneLineFlagError() throws Exception {
    Path k = file("lmul.nk", FP8_CODES);
    Run r = run("exec", k.toString(), "--engine", "jit", "--in", "1", "2");
    assertTrue(r.exit() != 0);
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("--engine"), r.err());
  }

  @Test
  void repeatedOrLongerInListsGiveSeveralTuples() throws Exception {
    Path k = file("lmul.nk", FP8_CODES);
    Run grouped = run("exec", k.toString(), "--in", "56", "56", "--in", "0", "0");
    assertEquals(0, grouped.exit(), grouped.err());
    assertEquals(List.of("56 0x00000038", "-56 0xffffffc8"), grouped.out().lines().toList());
    Run flat = run("exec", k.toString(), "--in", "56", "56", "0", "0");
    assertEquals(grouped.out(), flat.out());
    Path half = file("half.nk", EXACT_INT);
    Run three = run("exec", half.toString(), "--in", "4", "6", "8");
    assertEquals(List.of("2 0x2", "3 0x3", "4 0x4"), three.out().lines().toList());
  }

  @Test
  void anIncompleteInTupleIsAUsageError() throws Exception {
    Path k = file("lmul.nk", FP8_CODES);
    Run r = run("exec", k.toString(), "--in", "1", "2", "--in", "3");
    assertEquals(2, r.exit());
    assertEquals(
        "numevo: --in: the kernel has 2 inputs, so give values in groups of 2 (one group per"
            + " tuple); got 3 values\n",
        r.err());
    Path half = file("half.nk", EXACT_INT);
    Run bad = run("exec", half.toString(), "--in", "4", "abc");
    assertEquals(
        "numevo: --in value 2: bad int value 'abc': expected an integer, decimal or 0x hex\n",
        bad.err());
  }

  @Test
  void anInputsFileMayStartWithAByteOrderMark() throws Exception {
    Path k = file("half.nk", EXACT_INT);
    Path in = file("in.txt", "\uFEFF4\n6\n");
    Run r = runAll(k, in, "interp");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("2 0x2", "3 0x3"), r.out().lines().toList());
  }

  @Test
  void binaryOrNonUtf8InputsAndBadNumbersAreLocatedOneLineErrors() throws Exception {
    Path k = file("lmul.nk", FP8_CODES);
    Path bin = dir.resolve("bin.txt");
    Files.write(bin, new byte[] {'1', ' ', '2', '\n', '3', ' ', 0, '\n'});
    assertEquals(
        "numevo: --inputs: "
            + bin
            + ":2:3: binary content (control character U+0000): expected a text file\n",
        runAll(k, bin, "interp").err());
    Path latin = dir.resolve("latin.txt");
    Files.write(latin, new byte[] {'1', ' ', (byte) 0xff, '\n'});
    assertEquals(
        "numevo: --inputs: "
            + latin
            + ":1:3: not UTF-8 text (byte 0xff): expected a UTF-8 text file\n",
        runAll(k, latin, "interp").err());
    Path abc = file("abc.txt", "1 2\n3 abc\n");
    Run r = runAll(k, abc, "interp");
    assertEquals(1, r.exit());
    assertEquals(
        "numevo: "
            + abc
            + ":2:3: bad i32 value 'abc': expected an i32 integer, decimal or 0x hex\n",
        r.err());
  }
}
