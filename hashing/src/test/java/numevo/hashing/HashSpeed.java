package numevo.hashing;

import java.util.Locale;

/**
 * Times functional hashing: the mixing of 128 words alone, and a whole hash of a float32 lambda on
 * the default 128 probes. Not a test; run it with {@code java -cp
 * hashing/target/classes:hashing/target/test-classes numevo.hashing.HashSpeed}.
 */
public final class HashSpeed {
  private HashSpeed() {}

  public static void main(String[] args) {
    long[] words = new long[128];
    for (int i = 0; i < words.length; i++) {
      words[i] = i * 0x9e37_79b9_7f4a_7c15L;
    }
    Mix128 m = new Mix128(1, 2);
    Hasher h = Hasher.of(Signature.unary(FloatDomain.all(FloatFormat.FLOAT32)));
    Evaluator square = Evaluator.unary(x -> (float) x * (float) x);
    long sink = 0;
    for (int round = 0; round < 5; round++) {
      int reps = 2_000_000;
      long t0 = System.nanoTime();
      for (int r = 0; r < reps; r++) {
        m.reset(r, 2);
        m.addAll(words, words.length);
        sink += m.finish().lo();
      }
      long t1 = System.nanoTime();
      int hashes = 500_000;
      for (int r = 0; r < hashes; r++) {
        sink += h.hash(square).orElseThrow().hi();
      }
      long t2 = System.nanoTime();
      // Baseline for the machine: a dependent multiply-add over the same 128 words.
      for (int r = 0; r < reps; r++) {
        long acc = r;
        for (long w : words) {
          acc = acc * 31 + w;
        }
        sink += acc;
      }
      long t3 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "round %d: mix 128 words %.0f ns; hash x*x on 128 probes %.0f ns;"
              + " baseline multiply-add chain over 128 words %.0f ns%n",
          round,
          (double) (t1 - t0) / reps,
          (double) (t2 - t1) / hashes,
          (double) (t3 - t2) / reps);
    }
    System.out.println("(ignore) " + sink);
  }
}
