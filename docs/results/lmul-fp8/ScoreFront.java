// Scores every kernel file of a search's --out directory on all pairs (FP8) or the target's
// validation sample (bf16) in one JVM: one line per kernel (ops, loss, exact %, core mean, max,
// special mismatches), then a summary line: the best core mean at <= 19 ops (with that kernel's ops
// and exact fraction), the fewest ops of a kernel exact on every pair, the front size.
// Usage: java -cp numevo.jar ScoreFront.java TARGET DIR
import java.nio.file.*;
import java.util.*;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.targets.*;

public class ScoreFront {
  public static void main(String[] args) throws Exception {
    Target t = Targets.resolve(args[0], TargetParams.none());
    List<Path> files = new ArrayList<>();
    try (var s = Files.list(Path.of(args[1]))) {
      s.filter(p -> p.getFileName().toString().matches("front\\d+\\.kernel")).sorted().forEach(files::add);
    }
    double bestAny = Double.NaN, bestExact = Double.NaN;
    int bestOps = -1;
    int exactOps = -1;
    for (Path f : files) {
      Program p = Parser.parseFile(f).program();
      Score s = t.score(p, ScoreOptions.of());
      double core = s.value("core_mean_rel_err").orElse(Double.NaN);
      double max = s.value("core_max_rel_err").orElse(Double.NaN);
      double exact = s.value(Metric.EXACT_FRACTION).orElse(Double.NaN);
      long special = (long) s.value("special_mismatches").orElse(-1);
      System.out.printf(Locale.ROOT, "%-16s %2d ops loss %.4f exact %7.3f%% core mean %.3f%% max %.2f%% special %d%n",
          f.getFileName(), s.ops(), s.error(), 100 * exact, 100 * core, 100 * max, special);
      if (s.ops() <= 19 && core == core) {
        if (!(bestAny <= core)) {
          bestAny = core;
          bestOps = s.ops();
          bestExact = exact;
        }
      }
      if (exact == 1.0 && (exactOps < 0 || s.ops() < exactOps)) exactOps = s.ops();
    }
    System.out.printf(Locale.ROOT,
        "SUMMARY best<=19 core mean %.3f%% (%d ops, exact %.2f%%) exact kernel ops %s front %d%n",
        100 * bestAny, bestOps, 100 * bestExact, exactOps < 0 ? "none" : Integer.toString(exactOps), files.size());
  }
}
