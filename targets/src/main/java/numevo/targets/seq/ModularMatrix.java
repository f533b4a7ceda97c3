package numevo.targets.seq;

/**
 * Reduced row echelon form modulo a prime, and the null space it gives. The basis of the null space
 * read from the reduced form (each free column set to 1 in turn, the others to 0) is canonical: the
 * same rational vectors reduced mod every prime whose pivot columns agree, which is what lets the
 * guesser lift them back to the rationals.
 */
final class ModularMatrix {

  /**
   * The null space over the rationals of one system reduced modulo several primes, lifted by the
   * Chinese remainder theorem. A prime whose rank is below the best, or whose pivots differ from
   * the first prime of the best rank, is unlucky and left out. One entry per basis vector, in the
   * basis order; an entry is null where the lift fails. Empty if the best rank is {@code unknowns}
   * (only the zero solution: a first prime of full rank was unlucky, or the system is trivial over
   * the rationals).
   *
   * @param red the system reduced modulo each of {@code primes}
   */
  static java.util.List<java.math.BigInteger[]> liftedNullSpace(
      Reduced[] red, long[] primes, int unknowns) {
    int bestRank = 0;
    for (Reduced x : red) {
      bestRank = Math.max(bestRank, x.rank());
    }
    java.util.List<java.math.BigInteger[]> out = new java.util.ArrayList<>();
    if (bestRank == unknowns) {
      return out;
    }
    Reduced ref = null;
    java.util.List<Integer> good = new java.util.ArrayList<>();
    for (int i = 0; i < primes.length; i++) {
      if (red[i].rank() != bestRank) {
        continue;
      }
      if (ref == null) {
        ref = red[i];
      }
      if (red[i].samePattern(ref)) {
        good.add(i);
      }
    }
    long[] goodPrimes = good.stream().mapToLong(i -> primes[i]).toArray();
    long[][][] bases = new long[good.size()][][];
    for (int g = 0; g < good.size(); g++) {
      bases[g] = red[good.get(g)].nullSpace(primes[good.get(g)]);
    }
    for (int b = 0; b < unknowns - bestRank; b++) {
      long[][] vectors = new long[good.size()][];
      for (int g = 0; g < good.size(); g++) {
        vectors[g] = bases[g][b];
      }
      out.add(Modular.liftVector(vectors, goodPrimes));
    }
    return out;
  }

  private ModularMatrix() {}

  /**
   * A reduced matrix.
   *
   * @param rank its rank
   * @param pivots the pivot column of each of the first {@code rank} rows
   * @param rows the reduced rows
   */
  record Reduced(int rank, int[] pivots, long[][] rows) {

    /** The null space basis, one vector per free column, in column order. */
    long[][] nullSpace(long p) {
      int cols = rows.length == 0 ? 0 : rows[0].length;
      boolean[] pivot = new boolean[cols];
      for (int j = 0; j < rank; j++) {
        pivot[pivots[j]] = true;
      }
      long[][] basis = new long[cols - rank][];
      int b = 0;
      for (int f = 0; f < cols; f++) {
        if (pivot[f]) {
          continue;
        }
        long[] v = new long[cols];
        v[f] = 1;
        for (int j = 0; j < rank; j++) {
          v[pivots[j]] = (p - rows[j][f]) % p;
        }
        basis[b++] = v;
      }
      return basis;
    }

    /** Whether another reduction has the same pivot columns. */
    boolean samePattern(Reduced o) {
      return java.util.Arrays.equals(pivots, o.pivots);
    }
  }

  /**
   * Reduces a matrix mod {@code p} (the input is not changed).
   *
   * @param a the entries, each in {@code [0, p)}; all rows of one length
   * @param p a prime below 2^31
   */
  static Reduced reduce(long[][] a, long p) {
    int rows = a.length;
    int cols = rows == 0 ? 0 : a[0].length;
    long[][] m = new long[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = a[i].clone();
    }
    int[] pivots = new int[Math.min(rows, cols)];
    int rank = 0;
    for (int c = 0; c < cols && rank < rows; c++) {
      int sel = -1;
      for (int i = rank; i < rows; i++) {
        if (m[i][c] != 0) {
          sel = i;
          break;
        }
      }
      if (sel < 0) {
        continue;
      }
      long[] t = m[sel];
      m[sel] = m[rank];
      m[rank] = t;
      long inv = Modular.inverse(m[rank][c], p);
      for (int j = c; j < cols; j++) {
        m[rank][j] = m[rank][j] * inv % p;
      }
      for (int i = 0; i < rows; i++) {
        long f = m[i][c];
        if (i == rank || f == 0) {
          continue;
        }
        long[] row = m[i];
        long[] piv = m[rank];
        for (int j = c; j < cols; j++) {
          row[j] = Math.floorMod(row[j] - f * piv[j] % p, p);
        }
      }
      pivots[rank++] = c;
    }
    return new Reduced(rank, java.util.Arrays.copyOf(pivots, rank), m);
  }
}
