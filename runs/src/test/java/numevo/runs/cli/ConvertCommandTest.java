package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.api.Test;

/**
 * {@code numevo convert} through {@link Main#run(PrintWriter, PrintWriter, String...)}: its text
 * and JSON output, the saturation modes, and its one-line errors with exit code 2. Expected codes
 * are the worked examples of formats.md.
 */
class ConvertCommandTest {

  private record Run(int exit, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** The whitespace-separated columns of each line. */
  private static List<List<String>> columns(Run r) {
    return r.lines().stream().map(l -> List.of(l.trim().split(" +"))).toList();
  }

  @Test
  void textShowsInputCodeAndValueOfEachValueInAlignedColumns() {
    Run r = run("convert", "--format", "e4m3fn", "464", "464.0001", "0x1.8p3", "-inf", "nan");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertEquals(
        List.of(
            List.of("464", "0x7e", "448.0"),
            List.of("464.0001", "0x7f", "nan"),
            List.of("0x1.8p3", "0x54", "12.0"),
            List.of("-inf", "0xff", "nan"),
            List.of("nan", "0x7f", "nan")),
        columns(r));
    // Aligned: every code starts in the same column, every value too; nothing trails.
    List<String> lines = r.lines();
    for (String line : lines) {
      assertEquals(lines.get(0).lastIndexOf("0x"), line.lastIndexOf("0x"), line);
      assertEquals(line.strip(), line);
    }
    assertEquals(
        lines.get(0).indexOf("448.0"), lines.get(1).lastIndexOf("nan"), "value column aligned");
  }

  @Test
  void negativeValuesAreValuesNotOptions() {
    Run r = run("convert", "--format", "e5m2", "-inf");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(List.of("-inf", "0xfc", "-inf")), columns(r));

    r = run("convert", "-nan", "-1.5", "--format", "e5m2", "-0x1.8p3", "-0");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            List.of("-nan", "0xfe", "nan"),
            List.of("-1.5", "0xbe", "-1.5"),
            List.of("-0x1.8p3", "0xca", "-12.0"),
            List.of("-0", "0x80", "-0.0")),
        columns(r));
  }

  @Test
  void formatAliasesAndWiderFormats() {
    assertEquals(
        List.of(List.of("0.1", "0x3dcccccd", "0.1")),
        columns(run("convert", "--format", "f32", "0.1")));
    assertEquals(
        List.of(List.of("65520", "0x7c00", "inf")),
        columns(run("convert", "--format", "fp16", "65520")));
    assertEquals(
        List.of(List.of("1", "0x3f80", "1.0")), columns(run("convert", "--format", "BF16", "1")));
    assertEquals(
        List.of(List.of("-inf", "0x80", "nan")),
        columns(run("convert", "--format", "e4m3fnuz", "-inf")));
  }

  @Test
  void saturateFiniteKeepsInfinitiesAndSaturateAllDoesNot() {
    Run finite =
        run("convert", "--format", "e4m3fn", "--saturate", "finite", "1000", "-464.0001", "inf");
    assertEquals(0, finite.exit(), finite.err());
    assertEquals(
        List.of(
            List.of("1000", "0x7e", "448.0"),
            List.of("-464.0001", "0xfe", "-448.0"),
            List.of("inf", "0x7f", "nan")),
        columns(finite));

    Run all = run("convert", "--format", "e4m3fn", "--saturate", "all", "inf", "-inf", "nan");
    assertEquals(
        List.of(
            List.of("inf", "0x7e", "448.0"),
            List.of("-inf", "0xfe", "-448.0"),
            List.of("nan", "0x7f", "nan")),
        columns(all));

    assertEquals(
        List.of(List.of("inf", "0x7c", "inf"), List.of("1e6", "0x7b", "57344.0")),
        columns(run("convert", "--format", "e5m2", "--saturate", "finite", "inf", "1e6")));
    assertEquals(
        List.of(List.of("1e6", "0x7c", "inf")), columns(run("convert", "--format", "e5m2", "1e6")));
  }

  @Test
  void jsonIsAnArrayOfInputCodeAndValue() throws Exception {
    Run r = run("convert", "--json", "--format", "e4m3fn", "464", "0x1.8p3", "-inf", "-0", "1e-9");
    assertEquals(0, r.exit(), r.err());
    JsonNode array = new ObjectMapper().readTree(r.out());
    assertTrue(array.isArray());
    assertEquals(5, array.size());
    for (JsonNode o : array) {
      assertEquals(List.of("input", "code", "value"), List.copyOf(fieldNames(o)));
      assertTrue(o.get("input").isTextual() && o.get("code").isTextual());
    }
    assertEquals("464", array.get(0).get("input").asText());
    assertEquals("0x7e", array.get(0).get("code").asText());
    assertTrue(array.get(0).get("value").isNumber());
    assertEquals(448.0, array.get(0).get("value").doubleValue());
    assertEquals(12.0, array.get(1).get("value").doubleValue());
    assertEquals("0xff", array.get(2).get("code").asText());
    assertEquals("nan", array.get(2).get("value").asText());
    assertTrue(array.get(2).get("value").isTextual());
    assertEquals("0x80", array.get(3).get("code").asText());
    assertEquals(
        Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(array.get(3).get("value").doubleValue()));
    assertEquals("0x00", array.get(4).get("code").asText());
  }

  @Test
  void jsonValuesReadBackExactlyAndInfinitiesAreStrings() throws Exception {
    Run r = run("convert", "--json", "--format", "float32", "0.1", "inf", "-inf", "1e-45");
    JsonNode array = new ObjectMapper().readTree(r.out());
    assertEquals((double) 0.1f, array.get(0).get("value").doubleValue());
    assertEquals("0x3dcccccd", array.get(0).get("code").asText());
    assertEquals("inf", array.get(1).get("value").asText());
    assertEquals("-inf", array.get(2).get("value").asText());
    assertEquals((double) Float.MIN_VALUE, array.get(3).get("value").doubleValue());
  }

  @Test
  void anUnknownFormatIsOneLineNamingTheFlagAndTheValidNames() {
    Run r = run("convert", "--format", "e4m4", "1");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertOneLineError(r);
    assertTrue(r.err().contains("--format") && r.err().contains("'e4m4'"), r.err());
    for (NumberFormat f : NumberFormat.values()) {
      assertTrue(r.err().contains(f.formatName()), r.err());
    }
  }

  @Test
  void aBadValueIsOneLineNamingItAndItsPosition() {
    Run r = run("convert", "--format", "e5m2", "1", "abc", "2");
    assertEquals(2, r.exit());
    assertEquals("", r.out(), "nothing is printed when any value is bad");
    assertOneLineError(r);
    assertTrue(r.err().contains("VALUE 2") && r.err().contains("'abc'"), r.err());

    r = run("convert", "--format", "e5m2", "--jsn", "1");
    assertEquals(2, r.exit());
    assertOneLineError(r);
    assertTrue(r.err().contains("VALUE 1") && r.err().contains("'--jsn'"), r.err());
    assertTrue(r.err().contains("option"), r.err());

    r = run("convert", "--format", "e5m2", "1", "9".repeat(2000));
    assertEquals(2, r.exit());
    assertOneLineError(r);
    assertTrue(r.err().contains("VALUE 2") && r.err().length() < 200, r.err());
  }

  @Test
  void aBadSaturateModeIsOneLine() {
    Run r = run("convert", "--format", "e5m2", "--saturate", "yes", "1");
    assertEquals(2, r.exit());
    assertOneLineError(r);
    assertTrue(r.err().contains("--saturate") && r.err().contains("'yes'"), r.err());
  }

  @Test
  void missingFormatOrValuesIsAUsageError() {
    Run noFormat = run("convert", "1");
    assertEquals(2, noFormat.exit());
    assertTrue(noFormat.err().contains("--format"), noFormat.err());
    assertNoStackTrace(noFormat);
    Run noValues = run("convert", "--format", "e5m2");
    assertEquals(2, noValues.exit());
    assertTrue(noValues.err().contains("VALUE"), noValues.err());
    assertNoStackTrace(noValues);
  }

  @Test
  void helpNamesBothSaturationConventions() {
    Run r = run("convert", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("--saturate"), r.out());
    assertTrue(r.out().contains("ONNX") && r.out().contains("ml_dtypes"), r.out());
    assertTrue(r.out().contains("finite:") && r.out().contains("all:"), r.out());
    assertTrue(run("--help").out().contains("convert"));
  }

  private static void assertOneLineError(Run r) {
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("numevo: "), r.err());
    assertNoStackTrace(r);
  }

  private static void assertNoStackTrace(Run r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
  }

  private static List<String> fieldNames(JsonNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
