package numevo.evolver.genome;

import java.util.Objects;
import java.util.random.RandomGenerator;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * One-point crossover of instruction lists: a child takes the head of one parent and the tail of
 * the other. References from the tail into the other parent's head, which the child does not have,
 * are rewired to a value of the same type the child has there (the one at the same distance from
 * the cut if it fits, else a random one, else a literal); outputs likewise. Sizes stay within the
 * limits, so every child passes the checker by construction. Immutable and thread-safe.
 */
public final class Crossovers {
  private final Shape shape;

  private Crossovers(GenomeConfig genome) {
    this.shape = new Shape(genome);
  }

  /**
   * @param genome the shape of the programs crossed, never null
   */
  public static Crossovers of(GenomeConfig genome) {
    return new Crossovers(Objects.requireNonNull(genome, "genome"));
  }

  /**
   * Crosses two programs at random cut points.
   *
   * @param a a program of this genome's shape
   * @param b another
   * @param rng the randomness
   * @return two children: head of {@code a} with tail of {@code b}, and head of {@code b} with tail
   *     of {@code a}; an entry is null when no cut gives a child within the size limits or with
   *     values for every output
   */
  public Program[] cross(Program a, Program b, RandomGenerator rng) {
    int na = a.body().size();
    int nb = b.body().size();
    int min = shape.config.minSize();
    int max = shape.config.maxSize();
    for (int attempt = 0; attempt < 4; attempt++) {
      int ca = rng.nextInt(na + 1);
      // Child 1 has ca + (nb - cb) instructions; child 2 has cb + (na - ca).
      int lo = Math.max(0, Math.max(ca + nb - max, ca + min - na));
      int hi = Math.min(nb, Math.min(ca + nb - min, ca + max - na));
      if (lo > hi) {
        continue;
      }
      int cb = lo + rng.nextInt(hi - lo + 1);
      return new Program[] {child(a, ca, b, cb, rng), child(b, cb, a, ca, rng)};
    }
    return new Program[] {null, null};
  }

  /** Head {@code [0, cutHead)} of {@code head}, then tail {@code [cutTail, n)} of {@code tail}. */
  Program child(Program head, int cutHead, Program tail, int cutTail, RandomGenerator rng) {
    Draft h = new Draft(shape, head);
    Draft t = new Draft(shape, tail);
    int k = shape.inputCount;
    Draft c = new Draft(shape);
    for (int i = 0; i < cutHead; i++) {
      c.insert(i, h.ops[i], h.args[i]);
    }
    int shift = cutHead - cutTail;
    for (int i = cutTail; i < t.n; i++) {
      Operand[] args = t.args[i].clone();
      int here = c.values();
      for (int x = 0; x < args.length; x++) {
        if (args[x] instanceof Ref r && r.index() >= k) {
          args[x] =
              r.index() >= k + cutTail
                  ? Refs.of(r.index() + shift)
                  : replacement(c, t.typeOf(r.index()), r.index() + shift, here, false, rng);
        }
      }
      c.insert(c.n, t.ops[i], args);
    }
    for (int o = 0; o < c.outputs.length; o++) {
      int v = t.outputs[o];
      if (v < k) {
        c.outputs[o] = v;
      } else if (v >= k + cutTail) {
        c.outputs[o] = v + shift;
      } else {
        Operand r = replacement(c, shape.outputTypes[o], v + shift, c.values(), true, rng);
        if (r == null) {
          return null;
        }
        c.outputs[o] = ((Ref) r).index();
      }
    }
    return c.build();
  }

  /**
   * A stand-in of type {@code type} for a value the child lacks: the value at {@code aligned} if it
   * exists before {@code before} with that type, else a random earlier one, else (unless {@code
   * refOnly}, when it returns null) a literal.
   */
  private Operand replacement(
      Draft c, Type type, int aligned, int before, boolean refOnly, RandomGenerator rng) {
    if (aligned >= 0 && aligned < before && c.typeOf(aligned) == type) {
      return Refs.of(aligned);
    }
    int v = c.randomValue(type, before, -1, rng);
    if (v >= 0) {
      return Refs.of(v);
    }
    return refOnly ? null : shape.literal(type, rng);
  }
}
