package numevo.hashing;

import java.util.Arrays;
import java.util.function.DoubleToLongFunction;

/**
 * The columns an {@link Evaluator} reads and fills: for each input a primitive array of the probe
 * points, for each output a primitive array to write, all of length {@link #size()}.
 *
 * <p>Input columns: {@link Kind#FLOAT} as {@code double[]} (values of the input's format), {@link
 * Kind#I32} as {@code int[]}, {@link Kind#INT} as {@code long[]} residues modulo {@link ModP#P}. An
 * evaluator may overwrite them (as scratch space): each evaluation gets fresh copies.
 *
 * <p>Output columns are words, {@link #output(int)}: for a float output the format's code, with
 * every NaN as {@link FloatFormat#canonicalNaN()}; for an i32 output the int (only its low 32 bits
 * count); for an int output a residue (any long is reduced modulo {@code P}). A float output may
 * instead be written as values, {@link #floatOutput(int)}, which the hasher encodes with the
 * output's format, putting every NaN in one class; the two ways hash the same function equally.
 * Each output column starts zeroed at every evaluation; an evaluator must ask for every output
 * column, and for each in one way only.
 *
 * <p>A batch is valid only during the {@link Evaluator#evaluate} call it is passed to; it is reused
 * afterwards. Not thread-safe.
 */
public final class Batch {
  private static final byte UNSET = 0;
  private static final byte WORDS = 1;
  private static final byte VALUES = 2;

  private final ProbeSet probes;
  private final Signature signature;
  private final int size;
  private final double[][] floatIn;
  private final int[][] i32In;
  private final long[][] intIn;
  private final boolean[] inputFresh;
  private final long[][] wordsOut;
  private final double[][] valuesOut;
  private final byte[] mode;
  final Mix128 mix = new Mix128(0, 0);
  boolean inUse;

  Batch(ProbeSet probes) {
    this.probes = probes;
    this.signature = probes.signature();
    this.size = probes.count();
    int k = signature.inputs().size();
    floatIn = new double[k][];
    i32In = new int[k][];
    intIn = new long[k][];
    inputFresh = new boolean[k];
    for (int i = 0; i < k; i++) {
      switch (signature.inputKind(i)) {
        case FLOAT -> floatIn[i] = new double[size];
        case I32 -> i32In[i] = new int[size];
        case INT -> intIn[i] = new long[size];
      }
    }
    int m = signature.outputs().size();
    wordsOut = new long[m][size];
    valuesOut = new double[m][];
    for (int j = 0; j < m; j++) {
      if (signature.outputKind(j) == Kind.FLOAT) {
        valuesOut[j] = new double[size];
      }
    }
    mode = new byte[m];
  }

  /** Prepares for the next evaluation: inputs are recopied and outputs zeroed on first request. */
  void begin() {
    Arrays.fill(inputFresh, false);
    Arrays.fill(mode, UNSET);
  }

  /** The number of points: the length of every column. */
  public int size() {
    return size;
  }

  /** The signature of the function being evaluated. */
  public Signature signature() {
    return signature;
  }

  /**
   * The column of float input {@code i}: values of its format.
   *
   * @throws IllegalArgumentException if input {@code i} is not {@link Kind#FLOAT}
   * @throws IndexOutOfBoundsException if there is no input {@code i}
   */
  public double[] floatInput(int i) {
    double[] src = probes.floatColumn(i);
    if (!inputFresh[i]) {
      System.arraycopy(src, 0, floatIn[i], 0, size);
      inputFresh[i] = true;
    }
    return floatIn[i];
  }

  /**
   * The column of i32 input {@code i}.
   *
   * @throws IllegalArgumentException if input {@code i} is not {@link Kind#I32}
   * @throws IndexOutOfBoundsException if there is no input {@code i}
   */
  public int[] i32Input(int i) {
    int[] src = probes.i32Column(i);
    if (!inputFresh[i]) {
      System.arraycopy(src, 0, i32In[i], 0, size);
      inputFresh[i] = true;
    }
    return i32In[i];
  }

  /**
   * The column of int input {@code i}: residues in {@code [0, P)}.
   *
   * @throws IllegalArgumentException if input {@code i} is not {@link Kind#INT}
   * @throws IndexOutOfBoundsException if there is no input {@code i}
   */
  public long[] intInput(int i) {
    long[] src = probes.intColumn(i);
    if (!inputFresh[i]) {
      System.arraycopy(src, 0, intIn[i], 0, size);
      inputFresh[i] = true;
    }
    return intIn[i];
  }

  /**
   * The word column of output {@code j}, zeroed: codes for a float output (every NaN as the
   * format's {@link FloatFormat#canonicalNaN()}), ints for an i32 output, residues for an int
   * output.
   *
   * @throws IllegalStateException if output {@code j} was already requested as values
   * @throws IndexOutOfBoundsException if there is no output {@code j}
   */
  public long[] output(int j) {
    if (mode[j] != WORDS) {
      if (mode[j] == VALUES) {
        throw new IllegalStateException("output " + j + " was already requested as values");
      }
      Arrays.fill(wordsOut[j], 0L);
      mode[j] = WORDS;
    }
    return wordsOut[j];
  }

  /**
   * The value column of float output {@code j}, zeroed: write values (any double; they are encoded
   * to the output's format, every NaN alike) instead of codes.
   *
   * @throws IllegalArgumentException if output {@code j} is not {@link Kind#FLOAT}
   * @throws IllegalStateException if output {@code j} was already requested as words
   * @throws IndexOutOfBoundsException if there is no output {@code j}
   */
  public double[] floatOutput(int j) {
    if (mode[j] != VALUES) {
      if (signature.outputKind(j) != Kind.FLOAT) {
        throw new IllegalArgumentException(
            "output " + j + " is " + signature.outputKind(j) + ", not FLOAT");
      }
      if (mode[j] == WORDS) {
        throw new IllegalStateException("output " + j + " was already requested as words");
      }
      Arrays.fill(valuesOut[j], 0.0);
      mode[j] = VALUES;
    }
    return valuesOut[j];
  }

  /**
   * Feeds the canonical words of every output, column after column in probe order, into {@link
   * #mix}. Canonicalizes the word columns in place: they are dead after the evaluation.
   *
   * @param nanCodes for each output, its format's canonical NaN code (unused for non-floats)
   * @throws IllegalStateException if the evaluator never asked for some output column
   */
  void mixOutputs(long[] nanCodes) {
    for (int j = 0; j < mode.length; j++) {
      long[] w = wordsOut[j];
      switch (mode[j]) {
        case WORDS -> canonicalizeWords(j, w);
        case VALUES -> encodeValues(j, w, nanCodes[j]);
        default -> throw new IllegalStateException("the evaluator did not write output " + j);
      }
      mix.addAll(w, size);
    }
  }

  private void canonicalizeWords(int j, long[] w) {
    switch (signature.outputKind(j)) {
      case FLOAT -> {
        // Codes are the evaluator's to canonicalize; see output(int).
      }
      case I32 -> {
        for (int p = 0; p < size; p++) {
          w[p] &= 0xffff_ffffL;
        }
      }
      case INT -> {
        for (int p = 0; p < size; p++) {
          w[p] = ModP.reduce(w[p]);
        }
      }
    }
  }

  private void encodeValues(int j, long[] w, long nanCode) {
    double[] v = valuesOut[j];
    DoubleToLongFunction encode = signature.outputs().get(j).format().encode();
    for (int p = 0; p < size; p++) {
      double x = v[p];
      w[p] = x != x ? nanCode : encode.applyAsLong(x);
    }
  }
}
