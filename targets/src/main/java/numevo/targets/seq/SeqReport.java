package numevo.targets.seq;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs the classical solvers on sequence data and prints markdown: the program behind the sequence
 * numbers in the results.
 *
 * <pre>
 * java -cp targets/target/classes:dsl/target/classes numevo.targets.seq.SeqReport \
 *     --table ../shared/data/sequences/dev.tsv [--oeis ../shared/data/oeis/OEIS_clean.txt]
 * </pre>
 *
 * {@code --table} prints one row per sequence; {@code --oeis} runs the protocol of {@code
 * sequences.md}: every sequence with at least 30 terms, the last 10 held out, Berlekamp-Massey with
 * 2 spare terms, then the P-recursive guesser (order and degree up to 3, 4 spare equations) on what
 * it leaves; a sequence is solved if the recurrence predicts all 10 held-out terms.
 */
public final class SeqReport {
  private SeqReport() {}

  /** Runs the report on standard output. */
  public static void main(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--table" -> table(System.out, SequenceFiles.readTable(Path.of(args[i + 1])));
        case "--oeis" -> oeis(System.out, SequenceFiles.readAllStripped(Path.of(args[i + 1])));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
  }

  /** One row per sequence: what each solver found and whether it predicts the held-out terms. */
  public static void table(PrintStream out, List<SequenceData> data) {
    SeqConfig config = SeqConfig.defaults();
    BerlekampMassey bm = BerlekampMassey.of(BmConfig.defaults());
    PRecursiveGuesser pr = PRecursiveGuesser.of(PRecConfig.defaults());
    out.println(
        "| id | name | terms | train/held out | Berlekamp-Massey | P-recursive | recovered |");
    out.println("|---|---|---|---|---|---|---|");
    int recovered = 0;
    long t0 = System.nanoTime();
    for (SequenceData d : data) {
      SeqScorer scorer = SeqScorer.of(d, config);
      SolverResult a = bm.find(scorer);
      SolverResult b = pr.find(scorer);
      boolean ok = a.predictsHeldOut() || b.predictsHeldOut();
      recovered += ok ? 1 : 0;
      out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %d/%d | %s | %s | %s |%n",
          d.id(),
          d.name().replaceAll(" \\(.*", ""),
          d.size(),
          scorer.split().train(),
          scorer.split().heldOut(),
          cell(a),
          cell(b),
          ok ? "yes" : "no");
    }
    out.printf(
        Locale.ROOT,
        "%nRecovered (held-out terms predicted): %d of %d, in %.0f ms.%n",
        recovered,
        data.size(),
        (System.nanoTime() - t0) / 1e6);
  }

  private static String cell(SolverResult r) {
    return switch (r) {
      case SolverResult.Found f ->
          "`"
              + f.recurrence().formula()
              + "`, "
              + f.recurrence().start()
              + " initial; held out "
              + f.score().heldOutMatched()
              + "/"
              + f.score().heldOut()
              + (f.score().failure().isPresent() ? " (" + f.score().failure().get() + ")" : "");
      case SolverResult.NoneFound n -> "none found";
    };
  }

  /**
   * The OEIS protocol of sequences.md, once with the guesser's defaults and once accepting masked
   * fits ({@link PRecConfig#rejectCommonFactors} off).
   */
  public static void oeis(PrintStream out, List<SequenceData> all) {
    out.println(
        "| P-recursive masked fits | sequences | eligible (>= 30 terms) | Berlekamp-Massey |"
            + " + P-recursive | BM found but mispredicted | P-rec found but mispredicted |"
            + " P-rec not expressible | time |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (boolean reject : new boolean[] {true, false}) {
      oeisRow(out, all, PRecConfig.defaults().withRejectCommonFactors(reject));
    }
  }

  private static void oeisRow(PrintStream out, List<SequenceData> all, PRecConfig prConfig) {
    SeqConfig config = SeqConfig.defaults();
    BerlekampMassey bm = BerlekampMassey.of(BmConfig.defaults());
    PRecursiveGuesser pr = PRecursiveGuesser.of(prConfig);
    int eligible = 0;
    int byBm = 0;
    int byEither = 0;
    int bmFoundWrong = 0;
    int prFoundWrong = 0;
    int prLate = 0;
    long t0 = System.nanoTime();
    for (SequenceData d : all) {
      if (d.size() < 30) {
        continue;
      }
      eligible++;
      SeqScorer scorer = SeqScorer.of(d, config);
      SolverResult a = bm.find(scorer);
      if (a.predictsHeldOut()) {
        byBm++;
        byEither++;
        continue;
      }
      bmFoundWrong += a instanceof SolverResult.Found ? 1 : 0;
      SolverResult b = pr.find(scorer);
      if (b.predictsHeldOut()) {
        byEither++;
      } else if (b instanceof SolverResult.Found) {
        prFoundWrong++;
      } else if (b instanceof SolverResult.NoneFound n && n.reason().contains("vanishes late")) {
        prLate++;
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %d (%.2f%%) | %d (%.2f%%) | %d | %d | %d | %.1f s |%n",
        prConfig.rejectCommonFactors() ? "rejected (default)" : "accepted",
        all.size(),
        eligible,
        byBm,
        100.0 * byBm / eligible,
        byEither,
        100.0 * byEither / eligible,
        bmFoundWrong,
        prFoundWrong,
        prLate,
        seconds);
  }
}
