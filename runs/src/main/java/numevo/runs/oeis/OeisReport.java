package numevo.runs.oeis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import numevo.runs.cli.UserError;

/**
 * The report of a pass, from its journal: {@code report.md} (shares solved by each stage and in all
 * beside the classical guessers' alone, wrong choices, time per sequence, the sequences only numevo
 * solved with their recurrences) and {@code verdicts.tsv} (one line per sequence, by id). It can be
 * written at any time: a partial pass reports the sequences finished so far and says so.
 */
public final class OeisReport {
  /** The report's file name. */
  public static final String REPORT = "report.md";

  /** The verdicts' file name. */
  public static final String VERDICTS = "verdicts.tsv";

  private final Journal.Contents contents;

  private OeisReport(Journal.Contents contents) {
    this.contents = contents;
  }

  /** The report of a journal's contents. */
  public static OeisReport of(Journal.Contents contents) {
    return new OeisReport(contents);
  }

  /**
   * Reads a pass directory's journal.
   *
   * @throws UserError if it has none
   */
  public static OeisReport of(Path dir) {
    Journal.Contents c = Journal.read(dir);
    if (c == null) {
      throw new UserError(
          "--report " + dir + ": no " + Journal.FILE + " there (not a numevo oeis --out)");
    }
    return new OeisReport(c);
  }

  /** Writes {@code report.md} and {@code verdicts.tsv} into the directory (replacing them). */
  public void write(Path dir) {
    List<SequenceVerdict> sorted = new ArrayList<>(contents.verdicts());
    sorted.sort(Comparator.comparing(SequenceVerdict::id));
    StringBuilder tsv = new StringBuilder(SequenceVerdict.header()).append('\n');
    sorted.forEach(v -> tsv.append(v.line()).append('\n'));
    replace(dir.resolve(VERDICTS), tsv.toString());
    replace(dir.resolve(REPORT), markdown());
  }

  /** The sequences finished. */
  public int done() {
    return contents.verdicts().size();
  }

  /** The sequences solved by each method ({@link Method#NONE}: not solved). */
  public Map<Method, Integer> solvedBy() {
    Map<Method, Integer> m = new EnumMap<>(Method.class);
    for (Method x : Method.values()) {
      m.put(x, 0);
    }
    contents.verdicts().forEach(v -> m.merge(v.method(), 1, Integer::sum));
    return m;
  }

  /** The report's summary lines (shares), as printed at the end of a pass. */
  public String summary() {
    Map<Method, Integer> by = solvedBy();
    int n = done();
    int numevo = n - by.get(Method.NONE);
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "solved %d of %d sequences (%s): classical %d, fits %d",
                numevo,
                n,
                share(numevo, n),
                by.get(Method.CLASSICAL),
                by.get(Method.FIT)));
    for (Method m : Method.values()) {
      if (m != Method.CLASSICAL && m != Method.FIT && m != Method.NONE) {
        b.append(", ").append(m.label()).append(' ').append(by.get(m));
      }
    }
    return b.append(" (classical alone: ")
        .append(share(by.get(Method.CLASSICAL), n))
        .append(")")
        .append(System.lineSeparator())
        .toString();
  }

  /** The Markdown report. */
  public String markdown() {
    Map<String, String> id = contents.identity();
    List<SequenceVerdict> vs = contents.verdicts();
    int n = vs.size();
    String planned = id.getOrDefault("sequences", "?");
    Map<Method, Integer> by = solvedBy();
    int numevo = n - by.get(Method.NONE);
    StringBuilder b = new StringBuilder();
    b.append("# numevo oeis report\n\n");
    b.append(
        String.valueOf(n).equals(planned)
            ? "Complete: " + n + " of " + planned + " sequences.\n\n"
            : "**Partial**: " + n + " of " + planned + " sequences finished so far.\n\n");
    b.append("| setting | value |\n|---|---|\n");
    id.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    b.append('\n');
    b.append(
        "Sessions (each start as recorded: UTC time, data file, jobs, cores, load average):\n\n");
    contents.sessions().forEach(s -> b.append("- ").append(s).append('\n'));
    b.append('\n');
    b.append(
        "Protocol: the last `holdout` terms of each sequence are held out; a sequence is solved"
            + " only if the recurrence chosen on the training terms alone predicts every held-out"
            + " term exactly. Cascade: classical guessers (Berlekamp-Massey, else P-recursive),"
            + " then numevo's exact form fits, then numevo's extended guessers (P-recursive up to"
            + " order 8 and degree 6; the classical guessers on differences, partial sums, bisections, the inverse Euler, Moebius and divisor-sum transforms;"
            + " a multiplicative guesser; divide-and-conquer recurrences; triangles read by rows; the classical guessers on 3 and 4 multisections, the"
            + " binomial and inverse binomial, inverse exponential, inverse INVERT and Euler"
            + " transforms),"
            + " then the evolutionary search for the rest of the budget; the first stage that finds a recurrence reproducing every training term"
            + " chooses it (right or wrong), later stages do not run.\n\n");
    b.append("## Shares solved\n\n| method | solved | share |\n|---|---:|---:|\n");
    row(b, "classical (Berlekamp-Massey, else P-recursive)", by.get(Method.CLASSICAL), n);
    row(b, "numevo form fits", by.get(Method.FIT), n);
    row(b, "numevo P-recursive, order up to 8, degree up to 6", by.get(Method.PREC_HIGH), n);
    row(b, "numevo classical guessers on the differences", by.get(Method.DIFFERENCES), n);
    row(b, "numevo classical guessers on the partial sums", by.get(Method.PARTIAL_SUMS), n);
    row(b, "numevo classical guessers on the bisections", by.get(Method.BISECTIONS), n);
    row(b, "numevo classical guessers on the inverse Euler transform", by.get(Method.EULER), n);
    row(b, "numevo classical guessers on the Moebius transform", by.get(Method.MOEBIUS), n);
    row(b, "numevo classical guessers on the sums over divisors", by.get(Method.DIVISOR_SUMS), n);
    row(b, "numevo multiplicative guesser", by.get(Method.MULTIPLICATIVE), n);
    row(b, "numevo divide-and-conquer recurrences, base 2, 3, 10", by.get(Method.REGULAR), n);
    row(b, "numevo triangles read by rows", by.get(Method.TRIANGLE), n);
    row(b, "numevo classical guessers on 3 or 4 multisections", by.get(Method.MULTISECTIONS), n);
    row(
        b,
        "numevo classical guessers on the (inverse) binomial transform",
        by.get(Method.BINOMIAL),
        n);
    row(b, "numevo classical guessers on the inverse exponential transform", by.get(Method.EXP), n);
    row(b, "numevo classical guessers on the inverse INVERT transform", by.get(Method.INVERT), n);
    row(b, "numevo classical guessers on the Euler transform", by.get(Method.EULER_FORWARD), n);
    row(b, "numevo search", by.get(Method.SEARCH), n);
    row(b, "**numevo in all**", numevo, n);
    row(b, "classical alone, same sequences", by.get(Method.CLASSICAL), n);
    b.append('\n');
    int[] wrong = new int[4];
    int[] errors = new int[4];
    int nothing = 0;
    int reachedSearch = 0;
    for (SequenceVerdict v : vs) {
      List<Stage> st = v.stages();
      for (int i = 0; i < 4; i++) {
        if (st.get(i).status() == Stage.Status.WRONG) {
          wrong[i]++;
        }
        if (st.get(i).status() == Stage.Status.ERROR) {
          errors[i]++;
        }
      }
      if (v.chosen() == null) {
        nothing++;
      }
      if (v.search().status() != Stage.Status.SKIPPED) {
        reachedSearch++;
      }
    }
    b.append(
        String.format(
            Locale.ROOT,
            "Chosen but wrong (reproduces every training term, mispredicts a held-out one):"
                + " classical %d, fits %d, guesses %d, search %d. No stage found a training fit:"
                + " %d. The search ran on %d sequences. Stage failures (in the verdicts' note):"
                + " classical %d, fits %d, guesses %d, search %d.%n%n",
            wrong[0],
            wrong[1],
            wrong[2],
            wrong[3],
            nothing,
            reachedSearch,
            errors[0],
            errors[1],
            errors[2],
            errors[3]));
    b.append("## Time per sequence (wall clock, under the load of the sessions above)\n\n");
    b.append("| | sequences | median s | mean s | max s |\n|---|---:|---:|---:|---:|\n");
    timeRow(b, "whole cascade", vs.stream().mapToDouble(SequenceVerdict::seconds).toArray());
    timeRow(
        b,
        "search (where it ran)",
        vs.stream()
            .filter(v -> v.search().status() != Stage.Status.SKIPPED)
            .mapToDouble(SequenceVerdict::searchSeconds)
            .toArray());
    b.append('\n');
    b.append("## Solved by numevo, not by the classical guessers\n\n");
    List<SequenceVerdict> only = new ArrayList<>();
    for (SequenceVerdict v : vs) {
      if (v.method() != Method.CLASSICAL && v.method() != Method.NONE) {
        only.add(v);
      }
    }
    only.sort(Comparator.comparing(SequenceVerdict::id));
    if (only.isEmpty()) {
      b.append("None.\n");
    } else {
      b.append("| id | method | form | recurrence |\n|---|---|---|---|\n");
      for (SequenceVerdict v : only) {
        b.append("| ")
            .append(v.id())
            .append(" | ")
            .append(v.method().label())
            .append(" | ")
            .append(v.chosen().by().replace("|", "\\|"))
            .append(" | `")
            .append(v.chosen().formula().replace("|", "\\|"))
            .append("` |\n");
      }
    }
    b.append("\nPer-sequence verdicts: `")
        .append(VERDICTS)
        .append("` (columns: ")
        .append(String.join(", ", SequenceVerdict.COLUMNS))
        .append(").\n");
    return b.toString();
  }

  private static void row(StringBuilder b, String name, int k, int n) {
    b.append("| ")
        .append(name)
        .append(" | ")
        .append(k)
        .append(" | ")
        .append(share(k, n))
        .append(" |\n");
  }

  private static void timeRow(StringBuilder b, String name, double[] t) {
    if (t.length == 0) {
      b.append("| ").append(name).append(" | 0 | - | - | - |\n");
      return;
    }
    double[] s = t.clone();
    java.util.Arrays.sort(s);
    double median =
        s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    double mean = java.util.Arrays.stream(s).average().orElse(0);
    b.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %.2f | %.2f | %.2f |%n",
            name,
            s.length,
            median,
            mean,
            s[s.length - 1]));
  }

  private static String share(int k, int n) {
    return n == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * k / n);
  }

  private static void replace(Path file, String text) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserError(file + ": cannot write: " + e.getMessage());
    }
  }
}
