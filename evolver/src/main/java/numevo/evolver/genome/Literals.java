package numevo.evolver.genome;

import java.util.ArrayList;
import java.util.List;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Program;

/**
 * The tunable constants of a kernel: its finite float literals in live instructions, addressed as
 * sites ({@code instruction << 8 | operand}, in program order).
 */
public final class Literals {
  private Literals() {}

  /** The sites of the finite float literals of live instructions, in program order. */
  public static int[] sites(Program p) {
    boolean[] live = p.liveValues();
    int k = p.inputs().size();
    List<Integer> sites = new ArrayList<>();
    for (int i = 0; i < p.body().size(); i++) {
      if (!live[k + i]) {
        continue;
      }
      List<Operand> args = p.body().get(i).args();
      for (int a = 0; a < args.size(); a++) {
        if (args.get(a) instanceof FloatLit l && Double.isFinite(l.value())) {
          sites.add(i << 8 | a);
        }
      }
    }
    return sites.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The values at the sites. */
  public static double[] values(Program p, int[] sites) {
    double[] v = new double[sites.length];
    for (int s = 0; s < sites.length; s++) {
      v[s] = ((FloatLit) p.body().get(sites[s] >>> 8).args().get(sites[s] & 0xff)).value();
    }
    return v;
  }

  /**
   * The program with the literals at the sites replaced.
   *
   * @param p the program
   * @param sites float literal sites of {@code p}, from {@link #sites}
   * @param values the new values, each a value of the program's format (else the checker rejects
   *     the program)
   */
  public static Program with(Program p, int[] sites, double[] values) {
    // Arrays, then List.of: the tuner builds one program per scoring, and List.copyOf in the
    // records' constructors then keeps these immutable lists instead of copying them again.
    Instr[] body = p.body().toArray(Instr[]::new);
    for (int s = 0; s < sites.length; s++) {
      int i = sites[s] >>> 8;
      Instr ins = body[i];
      Operand[] args = ins.args().toArray(Operand[]::new);
      args[sites[s] & 0xff] = FloatLit.of(values[s]);
      body[i] = new Instr(ins.name(), ins.op(), List.of(args));
    }
    return new Program(p.name(), p.format(), p.inputs(), List.of(body), p.outputs());
  }
}
