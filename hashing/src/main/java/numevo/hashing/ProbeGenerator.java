package numevo.hashing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the probe points of a signature: for each input its special values (where formats and
 * integer arithmetic misbehave), each on its own probe with the other inputs random, then random
 * points of every domain. Deterministic in the signature and the configuration.
 */
final class ProbeGenerator {
  private ProbeGenerator() {}

  static ProbeSet generate(Signature signature, ProbeConfig config) {
    int n = config.count();
    List<Domain> domains = signature.inputs();
    int k = domains.size();
    double[][] floats = new double[k][];
    int[][] i32s = new int[k][];
    long[][] ints = new long[k][];
    long[][] specials = new long[k][];
    FloatDomainSampler[] samplers = new FloatDomainSampler[k];
    for (int i = 0; i < k; i++) {
      switch (domains.get(i)) {
        case FloatDomain d -> {
          floats[i] = new double[n];
          specials[i] = floatSpecials(d);
          samplers[i] = new FloatDomainSampler(d);
        }
        case I32Domain d -> {
          i32s[i] = new int[n];
          specials[i] = i32Specials(d);
        }
        case IntDomain d -> {
          ints[i] = new long[n];
          specials[i] = new long[] {0, 1, 2, ModP.P - 1, ModP.P - 2};
        }
      }
    }

    // Special values go round-robin over the inputs in each input's order of importance, so that
    // when the budget runs out every input has had its most telling values.
    int budget = n / 2;
    int[] specialInput = new int[budget];
    long[] specialValue = new long[budget];
    int picked = 0;
    for (int rank = 0; picked < budget; rank++) {
      boolean any = false;
      for (int i = 0; i < k && picked < budget; i++) {
        if (rank < specials[i].length) {
          specialInput[picked] = i;
          specialValue[picked] = specials[i][rank];
          picked++;
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }

    SplitMix64 rng = new SplitMix64(config.seed());
    for (int p = 0; p < n; p++) {
      // Every input draws on every probe, special or not, so that the random stream does not
      // depend on which values turned out special.
      for (int i = 0; i < k; i++) {
        switch (domains.get(i)) {
          case FloatDomain d -> floats[i][p] = samplers[i].draw(rng);
          case I32Domain d -> i32s[i][p] = drawI32(d, rng);
          case IntDomain d -> ints[i][p] = rng.nextLong(ModP.P);
        }
      }
      if (p < picked) {
        int i = specialInput[p];
        long v = specialValue[p];
        switch (domains.get(i).kind()) {
          case FLOAT -> floats[i][p] = Double.longBitsToDouble(v);
          case I32 -> i32s[i][p] = (int) v;
          case INT -> ints[i][p] = v;
        }
      }
    }
    return new ProbeSet(signature, config, picked, floats, i32s, ints);
  }

  /** The special values of a float domain, most telling first, as raw double bits. */
  static long[] floatSpecials(FloatDomain d) {
    FloatFormat f = d.format();
    double sub = f.minSubnormal();
    double normal = f.minNormal();
    double max = f.maxFinite();
    double[] candidates = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      d.finiteLow(),
      d.finiteHigh(),
      sub,
      -sub,
      normal,
      -normal,
      max,
      -max,
      f.floor(Math.nextDown(max)),
      -f.floor(Math.nextDown(max)),
      normal - sub,
      -(normal - sub),
      2 * sub,
      -2 * sub,
      f.ceil(Math.nextUp(1.0)),
      f.floor(Math.nextDown(1.0)),
      f.ceil(Math.nextUp(-1.0)),
      f.floor(Math.nextDown(-1.0)),
      0.5,
      -0.5,
      2.0,
      -2.0,
    };
    List<Long> out = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (double c : candidates) {
      // Infinite and NaN candidates are kept only where the domain admits them; neighbours that
      // do not exist came out NaN and fall out here too, unless the domain admits NaN, in which
      // case the dedup keeps a single NaN.
      if (d.contains(c)) {
        long bits = Double.doubleToLongBits(c);
        if (seen.add(bits)) {
          out.add(bits);
        }
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** The special values of an int range, most telling first: the domain's own, then generic. */
  static long[] i32Specials(I32Domain d) {
    long lo = d.lo();
    long hi = d.hi();
    long[] generic = {
      0, 1, -1, lo, hi, 2, -2, Integer.MIN_VALUE, Integer.MAX_VALUE, lo + 1, hi - 1, 0x7f80_0000
    };
    List<Long> out = new ArrayList<>();
    for (int c : d.specials()) {
      if (!out.contains((long) c)) {
        out.add((long) c);
      }
    }
    for (long c : generic) {
      if (c >= lo && c <= hi && !out.contains(c)) {
        out.add(c);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  static int drawI32(I32Domain d, SplitMix64 rng) {
    if (rng.nextBoolean()) {
      // Spread over bit lengths: small magnitudes are where most integer code lives.
      int v = (int) rng.nextLong() >> (int) rng.nextLong(32);
      if (d.contains(v)) {
        return v;
      }
    }
    return rng.nextInt(d.lo(), d.hi());
  }

  /** Random values of one float domain: half uniform in value, half log-uniform in magnitude. */
  private static final class FloatDomainSampler {
    private final FloatDomain domain;
    private final FloatFormat format;
    private final double low;
    private final double high;
    private final double[] nonFinite;

    FloatDomainSampler(FloatDomain d) {
      this.domain = d;
      this.format = d.format();
      this.low = d.finiteLow();
      this.high = d.finiteHigh();
      List<Double> nf = new ArrayList<>();
      for (double v :
          new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
        if (d.contains(v)) {
          nf.add(v);
        }
      }
      this.nonFinite = nf.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double draw(SplitMix64 rng) {
      if (Double.isNaN(low)) {
        // No finite value in the domain: only infinities and NaN are left to draw from.
        return nonFinite[(int) rng.nextLong(nonFinite.length)];
      }
      double x = rng.nextBoolean() ? uniform(rng) : logUniform(rng);
      // Keep x inside [low, high] so that the monotone rounding keeps the result there too.
      if (Double.compare(x, low) < 0) {
        x = low;
      } else if (Double.compare(x, high) > 0) {
        x = high;
      }
      double r = format.round().applyAsDouble(x);
      return domain.contains(r) ? r : low;
    }

    private double uniform(SplitMix64 rng) {
      double u = rng.nextDouble();
      // A convex combination, not low + u * (high - low), which overflows on [-max, max].
      return (1 - u) * low + u * high;
    }

    private double logUniform(SplitMix64 rng) {
      boolean canNeg = low < 0;
      boolean canPos = high > 0;
      double u = rng.nextDouble();
      if (!canNeg && !canPos) {
        return u < 0.5 ? low : high;
      }
      boolean neg = canNeg && (!canPos || rng.nextBoolean());
      double mhi = neg ? -low : high;
      double mlo =
          neg
              ? (high < 0 ? -high : format.minSubnormal())
              : (low > 0 ? low : format.minSubnormal());
      double m = Math.exp(Math.log(mlo) + u * (Math.log(mhi) - Math.log(mlo)));
      return neg ? -m : m;
    }
  }
}
