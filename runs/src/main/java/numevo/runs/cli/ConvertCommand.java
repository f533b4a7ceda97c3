package numevo.runs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.format.Saturation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code numevo convert}: rounds values once to a number format and shows the code each gets and
 * the value that code stands for. Bad input is a one-line error with exit code 2.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    version = "numevo 0.1.0",
    description = {
      "Rounds values once to a number format and shows each code and its value. Each VALUE is"
          + " rounded to nearest with ties to even, from its exact value to the number format F;"
          + " prints the VALUE as given, the code in hex and the value of the code.",
      "FP8 formats follow ml_dtypes (float8.h, v0.6.0) bit for bit.",
    },
    sortOptions = false)
final class ConvertCommand implements Callable<Integer> {

  /** Exit code for bad usage, as picocli uses for its own parameter errors. */
  static final int USAGE = 2;

  @Spec private CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "F",
      description = {
        "The number format: float64, float32, float16, bfloat16, e4m3fn, e5m2, e4m3fnuz or"
            + " e5m2fnuz (aliases such as f32, fp16, bf16 and e4m3 work too)."
      })
  private String formatName;

  @Option(
      names = "--saturate",
      paramLabel = "MODE",
      description = {
        "What a value beyond the largest finite one becomes. Without this option: Inf where the"
            + " format has it, else NaN (ml_dtypes' default).",
        "finite: finite overflow gives the largest finite value of its sign; inf and -inf stay"
            + " infinite, or become nan where the format has no Inf (ml_dtypes' saturating cast,"
            + " NVIDIA __NV_SATFINITE).",
        "all: finite overflow, inf and -inf all give the largest finite value of their sign (ONNX"
            + " Cast with saturate=1).",
        "nan stays nan in every mode."
      })
  private String saturateName;

  @Option(
      names = "--json",
      description = {
        "Print a JSON array of objects with keys input, code (a string such as \"0x7e\") and value: a number,"
            + " or the string \"inf\", \"-inf\" or \"nan\"."
      })
  private boolean json;

  @Parameters(
      arity = "1..*",
      paramLabel = "VALUE",
      description = {
        "A decimal (464.0001, 1e-3), a hex float (0x1.8p3), inf, -inf or nan. Negative values"
            + " such as -inf may be given anywhere."
      })
  private List<String> values;

  @Override
  public Integer call() {
    NumberFormat format =
        NumberFormat.byName(formatName)
            .orElseThrow(
                () ->
                    new UserError(
                        "--format: unknown format '"
                            + formatName
                            + "'; valid names: "
                            + NumberFormat.names(),
                        USAGE));
    Saturation saturation = saturation();
    List<Conversion> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      rows.add(convert(i + 1, values.get(i), format, saturation));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ConversionOutput.printJson(rows, out);
    } else {
      ConversionOutput.printText(rows, out);
    }
    out.flush();
    return 0;
  }

  private Saturation saturation() {
    if (saturateName == null) {
      return Saturation.NONE;
    }
    return switch (saturateName.toLowerCase(Locale.ROOT)) {
      case "finite" -> Saturation.FINITE;
      case "all" -> Saturation.ALL;
      default ->
          throw new UserError(
              "--saturate: expected finite or all, got '" + saturateName + "'", USAGE);
    };
  }

  private static Conversion convert(
      int position, String text, NumberFormat format, Saturation saturation) {
    try {
      return Conversion.of(text, format, saturation);
    } catch (NumberFormatException e) {
      String reason = e.getMessage();
      if (!reason.contains("'" + text + "'")) {
        reason = "'" + shorten(text) + "': " + reason;
      }
      // Unknown options arrive here as values (so that -inf can be one): say so.
      String hint = text.startsWith("-") ? "; nor is it an option of convert" : "";
      throw new UserError("VALUE " + position + ": " + reason + hint, USAGE);
    }
  }

  /** The text, cut short if long, for a one-line message. */
  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
