package numevo.targets.floats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import numevo.dsl.format.FloatLiterals;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import numevo.dsl.text.TextFileException;
import numevo.dsl.text.TextFiles;
import numevo.targets.Baseline;
import numevo.targets.CostModel;
import numevo.targets.CostModels;
import numevo.targets.PrimitiveSet;
import numevo.targets.TargetException;
import numevo.targets.floats.FloatTargetSpec.ErrorMetric;

/**
 * Reads a float target from a target file, so that users add targets without writing Java. The
 * format, one {@code key = value} per line, {@code #} to the end of a line a comment:
 *
 * <pre>
 * name = exp2-file                  # required: letters, digits, '_', '-', '.'
 * summary = 2^x on [0, 1)           # optional one line
 * format = float32                  # required: the kernels' number format
 * domain = [0, 1)                   # required: intervals ([a, b], [a, b), (a, b], (a, b)),
 *                                   #   separated by spaces or commas, or 'all' (every code)
 * metric = ulp                      # optional: ulp (default) or rel
 * reference = exp2_reference.kernel # required: a float64 kernel (f) -> (f), path relative to
 *                                   #   this file; its float64 result, rounded once, is exact
 * baseline = exp2_horner6.kernel    # optional, repeatable: kernels to compare with
 * sample = mixed                    # optional: mixed (default), codes or values
 * sample_range = [0, 1]             # optional: where value-uniform points go (default: the
 *                                   #   domain's finite hull)
 * primitives = float                # optional: arithmetic, float (default) or float+bits
 * </pre>
 *
 * Every error names {@code file:line:col}.
 */
public final class TargetFile {
  private TargetFile() {}

  private static final Pattern KEY = Pattern.compile("[a-z_]+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
  private static final List<String> KEYS =
      List.of(
          "name",
          "summary",
          "format",
          "domain",
          "metric",
          "reference",
          "baseline",
          "sample",
          "sample_range",
          "primitives");

  /** Largest target file accepted, in bytes. */
  public static final int MAX_SIZE = 64 * 1024;

  /** A value with where it starts. */
  private record Entry(String value, int line, int col) {}

  /**
   * Reads and checks a target file, its reference and its baselines.
   *
   * @param file the file, never null
   * @return the target
   * @throws TargetException with a {@code file:line:col} message if anything is wrong
   */
  public static FloatTarget read(Path file) {
    String name = file.toString();
    if (!Files.exists(file)) {
      throw new TargetException(name + ": no such target file");
    }
    String text;
    try {
      text = TextFiles.read(file, MAX_SIZE);
    } catch (TextFileException e) {
      throw new TargetException(e.getMessage());
    }
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, name, dir);
  }

  /**
   * Parses a target file's text.
   *
   * @param text the text, never null
   * @param fileName the name for messages, never null
   * @param dir the folder relative paths start from, never null
   * @throws TargetException with a {@code file:line:col} message
   */
  public static FloatTarget parse(String text, String fileName, Path dir) {
    Map<String, Entry> single = new LinkedHashMap<>();
    List<Entry> baselineFiles = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln];
      int hash = line.indexOf('#');
      String content = hash >= 0 ? line.substring(0, hash) : line;
      if (content.isBlank()) {
        continue;
      }
      int keyCol = firstNonSpace(content, 0);
      int eq = content.indexOf('=');
      if (eq < 0) {
        throw error(fileName, ln + 1, keyCol + 1, "expected 'key = value'");
      }
      String key = content.substring(keyCol, eq).strip();
      if (!KEY.matcher(key).matches() || !KEYS.contains(key)) {
        throw error(
            fileName,
            ln + 1,
            keyCol + 1,
            "unknown key '" + key + "'; keys: " + String.join(", ", KEYS));
      }
      int valCol = firstNonSpace(content, eq + 1);
      String value = content.substring(Math.min(valCol, content.length())).strip();
      if (value.isEmpty()) {
        throw error(fileName, ln + 1, eq + 2, "missing value for '" + key + "'");
      }
      Entry e = new Entry(value, ln + 1, valCol + 1);
      if (key.equals("baseline")) {
        baselineFiles.add(e);
      } else if (single.putIfAbsent(key, e) != null) {
        throw error(fileName, ln + 1, keyCol + 1, "'" + key + "' is given twice");
      }
    }
    for (String required : List.of("name", "format", "domain", "reference")) {
      if (!single.containsKey(required)) {
        throw error(fileName, 1, 1, "missing required key '" + required + "'");
      }
    }
    Entry nameE = single.get("name");
    if (!NAME.matcher(nameE.value()).matches()) {
      throw error(
          fileName,
          nameE.line(),
          nameE.col(),
          "bad target name '" + nameE.value() + "': use letters, digits, '_', '-' or '.'");
    }
    Entry formatE = single.get("format");
    NumberFormat format =
        NumberFormat.byName(formatE.value())
            .orElseThrow(
                () ->
                    error(
                        fileName,
                        formatE.line(),
                        formatE.col(),
                        "unknown format '"
                            + formatE.value()
                            + "'; formats: "
                            + NumberFormat.names()));
    FloatDomain domain = domain(fileName, single.get("domain"), format);
    ErrorMetric metric = ErrorMetric.ULP;
    Entry metricE = single.get("metric");
    if (metricE != null) {
      metric =
          switch (metricE.value().toLowerCase(Locale.ROOT)) {
            case "ulp" -> ErrorMetric.ULP;
            case "rel" -> ErrorMetric.REL;
            default ->
                throw error(
                    fileName,
                    metricE.line(),
                    metricE.col(),
                    "unknown metric '" + metricE.value() + "'; metrics: ulp, rel");
          };
    }
    Entry refE = single.get("reference");
    Program refKernel = kernel(fileName, refE, dir);
    KernelReference reference;
    try {
      reference = new KernelReference(refKernel, format, refE.value());
    } catch (TargetException e) {
      throw error(fileName, refE.line(), refE.col(), e.getMessage());
    }
    List<Baseline> baselines = new ArrayList<>();
    for (Entry b : baselineFiles) {
      Program p = kernel(fileName, b, dir);
      if (p.format() != format
          || !p.inputTypes().equals(List.of(Type.F))
          || !p.outputTypes().equals(List.of(Type.F))) {
        throw error(
            fileName,
            b.line(),
            b.col(),
            "baseline " + b.value() + " must be " + format + " with one f input and one f output");
      }
      baselines.add(new Baseline(p.name(), b.value(), "from " + b.value(), p));
    }
    SamplePlan plan = plan(fileName, single, domain);
    PrimitiveSet primitives = primitives(fileName, single.get("primitives"), format);
    CostModel costs =
        format == NumberFormat.FLOAT64 ? CostModels.zen3Latency64() : CostModels.zen3Latency32();
    String summary =
        single.containsKey("summary")
            ? single.get("summary").value()
            : "kernel "
                + refKernel.name()
                + " on "
                + domain
                + ", "
                + (metric == ErrorMetric.ULP ? "max ULP error" : "max relative error");
    List<Baseline> fixed = List.copyOf(baselines);
    return FloatTarget.of(
        new FloatTargetSpec(
            nameE.value(),
            summary,
            domain,
            reference,
            metric,
            plan,
            primitives,
            costs,
            () -> fixed));
  }

  private static Program kernel(String fileName, Entry e, Path dir) {
    Path p = dir.resolve(e.value());
    try {
      return Parser.parseFile(p).program();
    } catch (ProgramException ex) {
      throw error(fileName, e.line(), e.col(), ex.getMessage());
    }
  }

  private static FloatDomain domain(String fileName, Entry e, NumberFormat format) {
    if (e.value().equalsIgnoreCase("all")) {
      try {
        return FloatDomain.all(format);
      } catch (TargetException ex) {
        throw error(fileName, e.line(), e.col(), ex.getMessage());
      }
    }
    List<Interval> intervals = intervals(fileName, e);
    try {
      return FloatDomain.of(format, intervals);
    } catch (TargetException ex) {
      throw error(fileName, e.line(), e.col(), ex.getMessage());
    }
  }

  /** Parses {@code [a, b) (c, d] ...}, optionally separated by commas. */
  static List<Interval> intervals(String fileName, Entry e) {
    String s = e.value();
    List<Interval> out = new ArrayList<>();
    int i = 0;
    while (true) {
      i = skip(s, i, true);
      if (i >= s.length()) {
        break;
      }
      int start = i;
      char open = s.charAt(i);
      if (open != '[' && open != '(') {
        throw error(fileName, e.line(), e.col() + i, "expected '[' or '(' to start an interval");
      }
      i = skip(s, i + 1, false);
      int loAt = i;
      int loEnd = number(s, i);
      double lo = value(fileName, e, s, loAt, loEnd);
      i = skip(s, loEnd, false);
      if (i >= s.length() || s.charAt(i) != ',') {
        throw error(fileName, e.line(), e.col() + i, "expected ',' between the interval's ends");
      }
      i = skip(s, i + 1, false);
      int hiAt = i;
      int hiEnd = number(s, i);
      double hi = value(fileName, e, s, hiAt, hiEnd);
      i = skip(s, hiEnd, false);
      if (i >= s.length() || (s.charAt(i) != ']' && s.charAt(i) != ')')) {
        throw error(fileName, e.line(), e.col() + i, "expected ']' or ')' to end the interval");
      }
      try {
        out.add(new Interval(lo, open == '[', hi, s.charAt(i) == ']'));
      } catch (IllegalArgumentException ex) {
        throw error(fileName, e.line(), e.col() + start, ex.getMessage());
      }
      i++;
    }
    if (out.isEmpty()) {
      throw error(fileName, e.line(), e.col(), "expected intervals such as [0, 1) or 'all'");
    }
    return out;
  }

  private static int skip(String s, int i, boolean commas) {
    while (i < s.length()
        && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || (commas && s.charAt(i) == ','))) {
      i++;
    }
    return i;
  }

  private static int number(String s, int i) {
    int j = i;
    while (j < s.length() && " \t,[]()".indexOf(s.charAt(j)) < 0) {
      j++;
    }
    return j;
  }

  private static double value(String fileName, Entry e, String s, int from, int to) {
    String t = s.substring(from, to);
    if (t.isEmpty() || !FloatLiterals.isFloatLiteral(t)) {
      throw error(fileName, e.line(), e.col() + from, "expected a number, got '" + t + "'");
    }
    double v = FloatLiterals.parse(t, NumberFormat.FLOAT64);
    if (Double.isNaN(v)) {
      throw error(fileName, e.line(), e.col() + from, "an interval end cannot be NaN");
    }
    return v;
  }

  private static SamplePlan plan(String fileName, Map<String, Entry> single, FloatDomain domain) {
    Interval hull = domain.finiteHull();
    List<Double> specials =
        List.of(
            hull.lo(),
            hull.hi(),
            0.0,
            -0.0,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NaN);
    Interval range = hull;
    Entry r = single.get("sample_range");
    if (r != null) {
      List<Interval> ivs = intervals(fileName, r);
      if (ivs.size() != 1
          || !Double.isFinite(ivs.get(0).lo())
          || !Double.isFinite(ivs.get(0).hi())) {
        throw error(fileName, r.line(), r.col(), "sample_range must be one finite interval");
      }
      range = ivs.get(0);
    }
    Entry s = single.get("sample");
    String mode = s == null ? "mixed" : s.value().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "mixed" -> SamplePlan.mixed(specials, range);
      case "codes" -> SamplePlan.codes(specials);
      case "values" -> SamplePlan.of(specials, 0.0, range);
      default ->
          throw error(
              fileName,
              s.line(),
              s.col(),
              "unknown sample '" + s.value() + "'; samples: mixed, codes, values");
    };
  }

  private static PrimitiveSet primitives(String fileName, Entry e, NumberFormat format) {
    String v = e == null ? "float" : e.value().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "arithmetic" -> PrimitiveSet.of(PrimitiveSet.FLOAT_ARITHMETIC);
      case "float" -> PrimitiveSet.of(PrimitiveSet.FLOAT_ALL);
      case "float+bits" -> {
        if (!format.hasI32Codes()) {
          throw error(
              fileName,
              e.line(),
              e.col(),
              "float+bits needs a format of at most 32 bits, not " + format);
        }
        yield PrimitiveSet.union(PrimitiveSet.FLOAT_ALL, PrimitiveSet.BIT_TRICKS);
      }
      default ->
          throw error(
              fileName,
              e.line(),
              e.col(),
              "unknown primitives '" + e.value() + "'; primitives: arithmetic, float, float+bits");
    };
  }

  private static int firstNonSpace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static TargetException error(String file, int line, int col, String message) {
    return new TargetException(file + ":" + line + ":" + col + ": " + message);
  }
}
