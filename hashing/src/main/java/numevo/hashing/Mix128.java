package numevo.hashing;

/**
 * The 128-bit mixing function. Words go round-robin to four 64-bit accumulators, each updated with
 * the xxHash64 round (multiply, rotate, multiply), so four independent dependency chains run in
 * parallel; the lanes are seeded from two 64-bit seeds. At the end two different merges of the
 * lanes, with the word count, go through the MurmurHash3 fmix64 finalizer and are cross-added. Not
 * cryptographic; chosen for speed (about one multiply per word on the critical path) and avalanche.
 * Mutable and reusable via {@link #reset}; not thread-safe.
 */
final class Mix128 {
  private static final long P1 = 0x9e37_79b1_85eb_ca87L;
  private static final long P2 = 0xc2b2_ae3d_27d4_eb4fL;
  private static final long P3 = 0x1656_67b1_9e37_79f9L;
  private static final long P4 = 0x85eb_ca77_c2b2_ae63L;

  private long v1;
  private long v2;
  private long v3;
  private long v4;
  private long n;

  Mix128(long seed1, long seed2) {
    reset(seed1, seed2);
  }

  /** Starts a new hash from the given seeds. */
  void reset(long seed1, long seed2) {
    v1 = seed1 + P1 + P2;
    v2 = seed2 + P2;
    v3 = seed1 ^ P3;
    v4 = seed2 - P1;
    n = 0;
  }

  private static long round(long acc, long w) {
    return Long.rotateLeft(acc + w * P2, 31) * P1;
  }

  /** Feeds one word. */
  void add(long w) {
    switch ((int) (n & 3)) {
      case 0 -> v1 = round(v1, w);
      case 1 -> v2 = round(v2, w);
      case 2 -> v3 = round(v3, w);
      default -> v4 = round(v4, w);
    }
    n++;
  }

  /** Feeds {@code words[0 .. len)}, as {@link #add(long)} would one by one, but faster. */
  void addAll(long[] words, int len) {
    int i = 0;
    while (i < len && (n & 3) != 0) {
      add(words[i++]);
    }
    long a = v1;
    long b = v2;
    long c = v3;
    long d = v4;
    int blocks = (len - i) & ~3;
    for (int end = i + blocks; i < end; i += 4) {
      a = round(a, words[i]);
      b = round(b, words[i + 1]);
      c = round(c, words[i + 2]);
      d = round(d, words[i + 3]);
    }
    v1 = a;
    v2 = b;
    v3 = c;
    v4 = d;
    n += blocks;
    while (i < len) {
      add(words[i++]);
    }
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

  /** The hash of the words fed since the last reset (feed no more words before a reset). */
  Hash128 finish() {
    long h =
        Long.rotateLeft(v1, 1)
            + Long.rotateLeft(v2, 7)
            + Long.rotateLeft(v3, 12)
            + Long.rotateLeft(v4, 18);
    h = merge(h, v1);
    h = merge(h, v2);
    h = merge(h, v3);
    h = merge(h, v4);
    long g =
        Long.rotateLeft(v1, 41)
            ^ Long.rotateLeft(v2, 29)
            ^ Long.rotateLeft(v3, 53)
            ^ Long.rotateLeft(v4, 5);
    g = merge(g, v4);
    g = merge(g, v3);
    g = merge(g, v2);
    g = merge(g, v1);
    long a = fmix64(h + n);
    long b = fmix64(g ^ (n * P3));
    a += b;
    b += a;
    return new Hash128(a, b);
  }

  private static long merge(long h, long v) {
    return (h ^ round(0, v)) * P1 + P4;
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
