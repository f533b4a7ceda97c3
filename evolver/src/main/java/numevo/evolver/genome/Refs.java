package numevo.evolver.genome;

import numevo.dsl.program.Operand.Ref;

/** Shared {@link Ref} instances for small indices: edits shift references without allocating. */
final class Refs {
  private Refs() {}

  private static final Ref[] CACHE = new Ref[1024];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = Ref.of(i);
    }
  }

  static Ref of(int index) {
    return index < CACHE.length ? CACHE[index] : Ref.of(index);
  }
}
