package numevo.evolver.hash;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Type;
import numevo.hashing.Codomain;
import numevo.hashing.Domain;
import numevo.hashing.FloatDomain;
import numevo.hashing.FloatFormat;
import numevo.hashing.I32Domain;
import numevo.hashing.IntDomain;
import numevo.hashing.Signature;

/**
 * The hashing module's {@link Signature} of kernels: one domain per input from its DSL type and
 * range, one codomain per output. The one place where DSL types become hashing kinds, so that the
 * search ({@link ProgramHasher}) and single kernels ({@link KernelHash}) hash alike.
 */
final class HashSignatures {
  private HashSignatures() {}

  /**
   * The signature of kernels of {@code format} with these input and output types.
   *
   * @param format the kernels' number format
   * @param inputs the input types
   * @param ranges one range per input, or empty for every value of each input's type; the range of
   *     an {@code int} input is ignored (int inputs range over the residues modulo the hashing
   *     prime)
   * @param outputs the output types
   * @throws IllegalArgumentException if {@code ranges} is neither empty nor one per input, or a
   *     range holds no value of its input's type
   */
  static Signature of(
      NumberFormat format, List<Type> inputs, List<Bounds> ranges, List<Type> outputs) {
    if (!ranges.isEmpty() && ranges.size() != inputs.size()) {
      throw new IllegalArgumentException(
          "hash ranges for " + ranges.size() + " inputs, the kernels have " + inputs.size());
    }
    FloatFormat ff = ProgramHasher.floatFormat(format);
    List<Domain> domains = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Bounds b = ranges.isEmpty() ? Bounds.ALL : ranges.get(i);
      domains.add(
          switch (inputs.get(i)) {
            case F ->
                b.equals(Bounds.ALL) ? FloatDomain.all(ff) : FloatDomain.of(ff, b.lo(), b.hi());
            case I32 -> i32Domain(format, clampToInt(b.lo()), clampToInt(b.hi()));
            case INT -> IntDomain.RESIDUES;
          });
    }
    List<Codomain> codomains = new ArrayList<>();
    for (Type t : outputs) {
      codomains.add(
          switch (t) {
            case F -> Codomain.of(ff);
            case I32 -> Codomain.I32;
            case INT -> Codomain.INT;
          });
    }
    return Signature.of(domains, codomains);
  }

  /**
   * The ints in {@code [lo, hi]}; in a format of at most 16 bits, an i32 input in the range of its
   * codes is probed first at the codes where arithmetic on them misbehaves (NaN, infinities, zeros,
   * one, the largest finite, the smallest subnormal and normal values, each sign): random pairs of
   * 8-bit codes rarely meet them, and two kernels that differ only in how they treat special
   * operands otherwise hash alike.
   */
  static I32Domain i32Domain(NumberFormat format, int lo, int hi) {
    if (format.bits() > 16 || lo > 0 || hi < 0) {
      return I32Domain.of(lo, hi);
    }
    List<Integer> specials = new ArrayList<>();
    for (int code : codeSpecials(format)) {
      if (code >= lo && code <= hi) {
        specials.add(code);
      }
    }
    return I32Domain.of(lo, hi, specials);
  }

  /** The codes of a format's special values, most telling first. */
  static List<Integer> codeSpecials(NumberFormat format) {
    int codes = 1 << format.bits();
    List<Integer> nan = new ArrayList<>();
    double[] wanted = {
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      0.0,
      -0.0,
      1.0,
      -1.0,
      format.maxFinite(),
      -format.maxFinite(),
      format.minSubnormal(),
      -format.minSubnormal(),
      format.minNormal(),
      -format.minNormal()
    };
    int[] found = new int[wanted.length];
    java.util.Arrays.fill(found, -1);
    for (int c = 0; c < codes; c++) {
      double v = format.decode(c);
      if (Double.isNaN(v)) {
        nan.add(c);
        continue;
      }
      for (int w = 0; w < wanted.length; w++) {
        if (found[w] < 0
            && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(wanted[w])) {
          found[w] = c;
        }
      }
    }
    List<Integer> out = new ArrayList<>();
    // A positive and a negative NaN code (the first and last), then the rest in order.
    if (!nan.isEmpty()) {
      out.add(nan.get(0));
      if (nan.size() > 1) {
        out.add(nan.get(nan.size() - 1));
      }
    }
    for (int c : found) {
      if (c >= 0 && !out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * {@code s} with one more output, an i32 that is 1 where the function is valid and 0 where it is
   * not: the signature of partial functions, whose hashes therefore never meet those of functions
   * valid on every probe except by 128-bit chance.
   */
  static Signature withValidity(Signature s) {
    List<Codomain> outputs = new ArrayList<>(s.outputs());
    outputs.add(Codomain.I32);
    return Signature.of(s.inputs(), outputs);
  }

  private static int clampToInt(double x) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, x));
  }
}
