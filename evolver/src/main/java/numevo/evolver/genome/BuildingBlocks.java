package numevo.evolver.genome;

import java.util.random.RandomGenerator;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Type;

/**
 * The edits that insert a whole building block at once: a partial-product step ({@link
 * MutationKind#PARTIAL}) and a fragment of the library ({@link MutationKind#SPLICE}). Both choose a
 * use site first, insert the block right before it (so its operands are earlier values of the right
 * type) and route that use through the block's result: valid by construction.
 */
final class BuildingBlocks {
  private BuildingBlocks() {}

  /**
   * A use site of type {@code t} (among live instructions and outputs with the live bias), as
   * {@link Mutations#site}, or {@link Integer#MIN_VALUE} if there is none.
   */
  private static int useSite(Draft d, Type t, double liveBias, RandomGenerator rng) {
    boolean[] live = rng.nextDouble() < liveBias ? d.live() : null;
    int sites = Mutations.countSites(d, t, 0, live);
    if (sites == 0) {
      live = null;
      sites = Mutations.countSites(d, t, 0, null);
    }
    return sites == 0 ? Integer.MIN_VALUE : Mutations.site(d, t, 0, live, rng.nextInt(sites));
  }

  /** The operand a use site has now. */
  private static Operand operandAt(Draft d, int site) {
    return site >= 0 ? d.args[site >>> 8][site & 0xff] : Refs.of(d.outputs[-1 - site]);
  }

  /** Routes the use site (as it was before {@code inserted} instructions went in) to {@code v}. */
  private static void route(Draft d, int site, int inserted, int v) {
    if (site >= 0) {
      d.setOperand((site >>> 8) + inserted, site & 0xff, Refs.of(v));
    } else {
      d.outputs[-1 - site] = v;
    }
  }

  /** See {@link MutationKind#PARTIAL}. */
  static boolean partialProduct(Draft d, Shape shape, double liveBias, RandomGenerator rng) {
    if (d.n + 4 > shape.config.maxSize()
        || !shape.allows(Op.IAND)
        || !shape.allows(Op.ISHL)
        || !shape.allows(Op.ISELECT)
        || !shape.allows(Op.IADD)) {
      return false;
    }
    int site = useSite(d, Type.I32, liveBias, rng);
    if (site == Integer.MIN_VALUE) {
      return false;
    }
    int pos = site >= 0 ? site >>> 8 : d.n;
    Operand acc = operandAt(d, site);
    int ma = d.randomValue(Type.I32, d.k + pos, -1, rng);
    int mb = d.randomValue(Type.I32, d.k + pos, -1, rng);
    if (ma < 0 || mb < 0) {
      return false;
    }
    int bit = rng.nextInt(shape.format.mantissaBits() + 1);
    int v = d.k + pos;
    d.insert(pos, Op.IAND, new Operand[] {Refs.of(mb), I32Lit.of(1 << bit)});
    d.insert(pos + 1, Op.ISHL, new Operand[] {Refs.of(ma), I32Lit.of(bit)});
    d.insert(pos + 2, Op.ISELECT, new Operand[] {Refs.of(v), Refs.of(v + 1), I32Lit.of(0)});
    d.insert(pos + 3, Op.IADD, new Operand[] {acc, Refs.of(v + 2)});
    route(d, site, 4, v + 3);
    return true;
  }

  /** See {@link MutationKind#SPLICE}. */
  static boolean splice(
      Draft d, Shape shape, Fragments library, double liveBias, RandomGenerator rng) {
    int room = shape.config.maxSize() - d.n;
    if (library.isEmpty() || room <= 0) {
      return false;
    }
    Fragments.Cone cone = null;
    for (int attempt = 0; attempt < 8 && cone == null; attempt++) {
      Fragments.Cone c = library.get(rng.nextInt(library.size()));
      if (c.size() <= room) {
        cone = c;
      }
    }
    if (cone == null) {
      return false;
    }
    int site = useSite(d, cone.type(), liveBias, rng);
    if (site == Integer.MIN_VALUE) {
      return false;
    }
    int pos = site >= 0 ? site >>> 8 : d.n;
    int[] members = cone.members();
    int[] map = new int[cone.donor().size()];
    for (int x = 0; x < members.length; x++) {
      Instr ins = cone.donor().get(members[x]);
      Operand[] args = ins.args().toArray(Operand[]::new);
      for (int a = 0; a < args.length; a++) {
        if (args[a] instanceof Ref r && r.index() >= cone.inputs()) {
          args[a] = Refs.of(map[r.index() - cone.inputs()]);
        }
      }
      d.insert(pos + x, ins.op(), args);
      map[members[x]] = d.k + pos + x;
    }
    route(d, site, members.length, map[members[members.length - 1]]);
    return true;
  }
}
