package numevo.targets.seq;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Test data: sequences built from their definitions, and the shared data directory if present. */
final class Sequences {
  private Sequences() {}

  /** Terms of a linear recurrence with constant integer coefficients. */
  static SequenceData linear(String id, long[] initial, long[] coefficients, int terms) {
    List<BigInteger> a = new ArrayList<>();
    for (long x : initial) {
      a.add(BigInteger.valueOf(x));
    }
    while (a.size() < terms) {
      BigInteger s = BigInteger.ZERO;
      for (int i = 0; i < coefficients.length; i++) {
        s = s.add(BigInteger.valueOf(coefficients[i]).multiply(a.get(a.size() - 1 - i)));
      }
      a.add(s);
    }
    return SequenceData.of(id, 0, a);
  }

  /** {@code terms} terms from {@code first}, each the function of the previous and its index. */
  static SequenceData iterate(String id, int offset, BigInteger first, int terms, Step step) {
    List<BigInteger> a = new ArrayList<>();
    a.add(first);
    while (a.size() < terms) {
      a.add(step.next(a.get(a.size() - 1), offset + a.size()));
    }
    return SequenceData.of(id, offset, a);
  }

  interface Step {
    BigInteger next(BigInteger previous, int n);
  }

  static SequenceData catalan(int offset, int terms) {
    // C(0) = 1, (n + 1) C(n) = (4n - 2) C(n - 1)
    List<BigInteger> c = new ArrayList<>();
    c.add(BigInteger.ONE);
    for (int n = 1; n < offset + terms; n++) {
      c.add(
          c.get(n - 1).multiply(BigInteger.valueOf(4L * n - 2)).divide(BigInteger.valueOf(n + 1)));
    }
    return SequenceData.of("catalan", offset, c.subList(offset, offset + terms));
  }

  static SequenceData factorial(int terms) {
    return iterate(
        "factorial", 0, BigInteger.ONE, terms, (p, n) -> p.multiply(BigInteger.valueOf(n)));
  }

  /** Bell numbers B(0..29), from the Bell triangle. */
  static SequenceData bell() {
    List<BigInteger> bell = new ArrayList<>();
    List<BigInteger> row = List.of(BigInteger.ONE);
    bell.add(BigInteger.ONE);
    while (bell.size() < 30) {
      List<BigInteger> next = new ArrayList<>();
      next.add(row.get(row.size() - 1));
      for (BigInteger x : row) {
        next.add(next.get(next.size() - 1).add(x));
      }
      row = next;
      bell.add(row.get(0));
    }
    return SequenceData.of("A000110", 0, bell);
  }

  static List<BigInteger> values(long... xs) {
    List<BigInteger> l = new ArrayList<>();
    for (long x : xs) {
      l.add(BigInteger.valueOf(x));
    }
    return l;
  }

  static UnaryOperator<BigInteger> square() {
    return x -> x.multiply(x);
  }

  /** The shared data directory {@code <numevo.root>/../shared}, if it exists. */
  static Optional<Path> shared() {
    String root = System.getProperty("numevo.root");
    Path dir = (root != null ? Path.of(root) : Path.of("..")).resolve("../shared").normalize();
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }
}
