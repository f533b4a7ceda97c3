package numevo.hashing;

/**
 * The 128-bit mixing function: two 64-bit lanes in the style of MurmurHash3 x64/128, each word fed
 * to both lanes with different multipliers and rotations, the lanes cross-added after every word,
 * and the fmix64 finalizer. Not cryptographic; chosen for speed (a few multiplies per word) and
 * good avalanche. Mutable and reusable via {@link #reset}; not thread-safe.
 */
final class Mix128 {
  private static final long C1 = 0x87c3_7b91_1142_53d5L;
  private static final long C2 = 0x4cf5_ad43_2745_937fL;

  private long h1;
  private long h2;
  private long n;

  Mix128(long seed1, long seed2) {
    reset(seed1, seed2);
  }

  /** Starts a new hash from the given lane seeds. */
  void reset(long seed1, long seed2) {
    h1 = seed1;
    h2 = seed2;
    n = 0;
  }

  /** Feeds one word. */
  void add(long w) {
    long k1 = Long.rotateLeft(w * C1, 31) * C2;
    long k2 = Long.rotateLeft(w * C2, 33) * C1;
    long a = Long.rotateLeft(h1 ^ k1, 27) + h2;
    long b = Long.rotateLeft(h2 ^ k2, 31) + a;
    h1 = a * 5 + 0x52dc_e729L;
    h2 = b * 5 + 0x3849_5ab5L;
    n++;
  }

  /** Feeds a string: its length, then its chars four to a word. */
  void add(String s) {
    add(s.length());
    long w = 0;
    for (int i = 0; i < s.length(); i++) {
      w = (w << 16) | s.charAt(i);
      if ((i & 3) == 3) {
        add(w);
        w = 0;
      }
    }
    if ((s.length() & 3) != 0) {
      add(w);
    }
  }

  /** The hash of the words fed since the last reset (the state is left unusable). */
  Hash128 finish() {
    long a = h1 ^ n;
    long b = h2 ^ n;
    a += b;
    b += a;
    a = fmix64(a);
    b = fmix64(b);
    a += b;
    b += a;
    return new Hash128(a, b);
  }

  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51_afd7_ed55_8ccdL;
    k ^= k >>> 33;
    k *= 0xc4ce_b9fe_1a85_ec53L;
    k ^= k >>> 33;
    return k;
  }
}
