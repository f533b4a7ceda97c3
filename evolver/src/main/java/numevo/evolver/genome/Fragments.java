package numevo.evolver.genome;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * The library {@link MutationKind#SPLICE} draws from: every subexpression (an instruction and the
 * instructions it depends on, its cone) of some donor kernels, in a fixed order. A search's library
 * is its seed kernels' subexpressions ({@code --seed-from}), so it is fixed by the run's
 * configuration and a splice is deterministic from the seed. Donors whose inputs differ from the
 * genome's, and cones with an op outside the primitive set, are left out. Immutable.
 */
public final class Fragments {
  /** One cone: the donor's instructions, their indices in donor order, and the root's type. */
  record Cone(List<Instr> donor, int inputs, int[] members, Type type) {
    int size() {
      return members.length;
    }
  }

  /** The empty library: {@link MutationKind#SPLICE} never applies. */
  public static final Fragments NONE = new Fragments(List.of());

  private final List<Cone> cones;

  private Fragments(List<Cone> cones) {
    this.cones = List.copyOf(cones);
  }

  /**
   * The subexpressions of {@code donors} that fit {@code genome}: one cone per instruction whose
   * ops are all allowed; donors with other input types are skipped. Identical cones of different
   * donors are kept once each (a fragment shared by several seeds is not drawn more often).
   *
   * @param genome the genome the fragments are spliced into
   * @param donors kernels, never null
   */
  public static Fragments of(GenomeConfig genome, List<Program> donors) {
    Objects.requireNonNull(genome, "genome");
    Shape shape = new Shape(genome);
    List<Cone> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Program p : donors) {
      if (!p.inputTypes().equals(genome.inputTypes())) {
        continue;
      }
      List<Instr> body = p.body();
      int k = p.inputs().size();
      for (int root = 0; root < body.size(); root++) {
        boolean[] in = new boolean[body.size()];
        in[root] = true;
        for (int j = root; j >= 0; j--) {
          if (in[j]) {
            for (Operand a : body.get(j).args()) {
              if (a instanceof Ref r && r.index() >= k) {
                in[r.index() - k] = true;
              }
            }
          }
        }
        List<Integer> members = new ArrayList<>();
        boolean allowed = true;
        for (int j = 0; j <= root; j++) {
          if (in[j]) {
            members.add(j);
            allowed &= shape.allows(body.get(j).op());
          }
        }
        if (!allowed) {
          continue;
        }
        int[] m = members.stream().mapToInt(Integer::intValue).toArray();
        String key = key(body, k, m);
        if (seen.add(key)) {
          out.add(new Cone(body, k, m, body.get(root).op().result()));
        }
      }
    }
    return new Fragments(out);
  }

  /** A canonical text of a cone: ops and operands, references renumbered within the cone. */
  private static String key(List<Instr> body, int k, int[] members) {
    StringBuilder b = new StringBuilder();
    int[] at = new int[body.size()];
    for (int x = 0; x < members.length; x++) {
      at[members[x]] = x;
      Instr ins = body.get(members[x]);
      b.append(ins.op().name());
      for (Operand a : ins.args()) {
        b.append(' ');
        if (a instanceof Ref r) {
          b.append(r.index() < k ? "in" + r.index() : "v" + at[r.index() - k]);
        } else {
          b.append(a);
        }
      }
      b.append(';');
    }
    return b.toString();
  }

  /** The number of fragments. */
  public int size() {
    return cones.size();
  }

  /** Whether there is none. */
  public boolean isEmpty() {
    return cones.isEmpty();
  }

  Cone get(int i) {
    return cones.get(i);
  }

  /** The number of instructions of fragment {@code i}. */
  public int fragmentSize(int i) {
    return cones.get(i).size();
  }

  /** Whether some fragment's root has type {@code t} and at most {@code room} instructions. */
  boolean fits(Type t, int room) {
    for (Cone c : cones) {
      if (c.type() == t && c.size() <= room) {
        return true;
      }
    }
    return false;
  }

  /** The ops of a fragment, in order (for tests). */
  List<Op> ops(int i) {
    Cone c = cones.get(i);
    List<Op> ops = new ArrayList<>();
    for (int m : c.members()) {
      ops.add(c.donor().get(m).op());
    }
    return ops;
  }
}
