package numevo.runs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Writes conversions as aligned text columns or as JSON. */
final class ConversionOutput {
  private ConversionOutput() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One line per conversion: the input, the code and the value, each column left-aligned and
   * separated from the next by two spaces; no trailing blanks.
   */
  static void printText(List<Conversion> rows, PrintWriter out) {
    int inputWidth = rows.stream().mapToInt(r -> r.input().length()).max().orElse(0);
    int codeWidth = rows.stream().mapToInt(r -> r.hexCode().length()).max().orElse(0);
    String line = "%-" + inputWidth + "s  %-" + codeWidth + "s  %s%n";
    for (Conversion r : rows) {
      out.print(String.format(Locale.ROOT, line, r.input(), r.hexCode(), r.valueText()));
    }
  }

  /**
   * A JSON array with one object per conversion: {@code input} (string), {@code code} (string, e.g.
   * {@code "0x7e"}) and {@code value}, a number that reads back exactly as a binary64, or the
   * string {@code "inf"}, {@code "-inf"} or {@code "nan"}, which JSON numbers cannot express.
   */
  static void printJson(List<Conversion> rows, PrintWriter out) {
    ArrayNode array = JSON.createArrayNode();
    for (Conversion r : rows) {
      ObjectNode o = array.addObject();
      o.put("input", r.input());
      o.put("code", r.hexCode());
      double v = r.value();
      if (Double.isFinite(v)) {
        o.put("value", v);
      } else {
        o.put("value", r.valueText());
      }
    }
    try {
      out.println(JSON.writeValueAsString(array));
    } catch (JsonProcessingException e) {
      // A tree of strings and numbers always serializes; this would be a Jackson bug.
      throw new UncheckedIOException(e);
    }
  }
}
