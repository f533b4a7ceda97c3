package numevo.runs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import numevo.hashing.Hash128;
import numevo.hashing.cache.CacheConfig;
import numevo.hashing.cache.EquivalenceCache;
import numevo.targets.Baseline;
import numevo.targets.TargetParams;
import numevo.targets.Targets;

/**
 * Measures the heap bytes per entry of the search's equivalence cache as the search fills it: a
 * {@code EquivalenceCache<Double, Program>} of the default size (100,000 entries), each entry with
 * its own boxed error and its own representative, a distinct 12-instruction float32 program (the
 * {@code exp2} baseline {@code horner6} with a different last constant, parsed afresh so that no
 * object is shared between entries: an upper bound, since the search's programs may share parts).
 * Compares heap use after garbage collection before and after filling. Not a test; run it with
 * {@code java -cp runs/target/numevo.jar:runs/target/test-classes
 * numevo.runs.bench.SearchCacheFootprint}.
 */
public final class SearchCacheFootprint {
  private SearchCacheFootprint() {}

  private static final int N = CacheConfig.DEFAULT.maxEntries();

  public static void main(String[] args) {
    Program horner6 =
        Targets.resolve("exp2", TargetParams.of(Map.of())).baselines().stream()
            .filter(b -> b.name().equals("horner6"))
            .map(Baseline::program)
            .findFirst()
            .orElseThrow();
    String text = Printer.print(horner6);
    String last = "add pm0 1.0\n";
    if (!text.contains(last)) {
      throw new IllegalStateException("unexpected baseline text:\n" + text);
    }
    System.out.printf(
        Locale.ROOT,
        "JVM %s, max heap %d MiB, %,d entries, representative %d instructions%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        N,
        horner6.body().size());
    for (int round = 0; round < 3; round++) {
      long empty = usedAfterGc();
      List<Program> programs = new ArrayList<>(N);
      for (int i = 0; i < N; i++) {
        String c = Float.toHexString(Float.intBitsToFloat(Float.floatToIntBits(1.0f) + i));
        programs.add(Parser.parse(text.replace(last, "add pm0 " + c + "\n"), "horner6"));
      }
      long programsOnly = usedAfterGc();
      EquivalenceCache<Double, Program> cache = EquivalenceCache.of(CacheConfig.DEFAULT);
      for (int i = 0; i < N; i++) {
        cache.put(Hash128.of(i * 0x9e37_79b9_7f4a_7c15L, ~i), programs.get(i), (double) i);
      }
      long withCache = usedAfterGc();
      programs = null;
      long cacheOnly = usedAfterGc();
      if (cache.size() != N) {
        throw new AssertionError(cache.size());
      }
      System.out.printf(
          Locale.ROOT,
          "round %d: entry with its boxed error %.1f B (representative shared); with its own"
              + " program %.1f B (the program alone %.1f B)%n",
          round,
          (double) (withCache - programsOnly) / N,
          (double) (cacheOnly - empty) / N,
          (double) (programsOnly - empty) / N);
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
