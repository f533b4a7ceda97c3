package numevo.targets.lmul;

/**
 * Relative-error statistics over a set of pairs. The relative error of a kernel value {@code v}
 * against a nonzero reference {@code r} is {@code (v - r) / r}, computed in binary64.
 *
 * @param count pairs that entered the statistics
 * @param excluded pairs of the set left out because the kernel's value was NaN or infinite (they
 *     are counted in the special-case table instead)
 * @param mean mean of {@code |error|}; NaN if {@code count} is 0
 * @param max largest {@code |error|}; NaN if {@code count} is 0
 * @param meanSigned mean signed error (the bias); NaN if {@code count} is 0
 * @param minSigned most negative signed error; NaN if {@code count} is 0
 * @param maxSigned most positive signed error; NaN if {@code count} is 0
 */
public record ErrorStats(
    int count,
    int excluded,
    double mean,
    double max,
    double meanSigned,
    double minSigned,
    double maxSigned) {

  /** Accumulates errors without allocation; one per statistic and scoring call. */
  static final class Accumulator {
    private int count;
    private int excluded;
    private double sumAbs;
    private double sum;
    private double maxAbs;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double error) {
      count++;
      sum += error;
      double a = Math.abs(error);
      sumAbs += a;
      maxAbs = Math.max(maxAbs, a);
      min = Math.min(min, error);
      max = Math.max(max, error);
    }

    void exclude() {
      excluded++;
    }

    ErrorStats result() {
      if (count == 0) {
        return new ErrorStats(
            0, excluded, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      return new ErrorStats(count, excluded, sumAbs / count, maxAbs, sum / count, min, max);
    }
  }
}
