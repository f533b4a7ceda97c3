package numevo.evolver.genome;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Program;

/**
 * The tunable constants of a kernel: its finite float literals in live instructions, and its i32
 * and int literals in live instructions, each addressed as sites ({@code instruction << 8 |
 * operand}, in program order).
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

  /**
   * The sites of the integer literals of live instructions, in program order: every i32 literal,
   * and every int literal whose value fits in a {@code long} (larger ones are left alone).
   */
  public static int[] intSites(Program p) {
    boolean[] live = p.liveValues();
    int k = p.inputs().size();
    List<Integer> sites = new ArrayList<>();
    for (int i = 0; i < p.body().size(); i++) {
      if (!live[k + i]) {
        continue;
      }
      List<Operand> args = p.body().get(i).args();
      for (int a = 0; a < args.size(); a++) {
        Operand o = args.get(a);
        if (o instanceof I32Lit || (o instanceof IntLit l && l.value().bitLength() < 64)) {
          sites.add(i << 8 | a);
        }
      }
    }
    return sites.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The values at integer sites from {@link #intSites}. */
  public static long[] intValues(Program p, int[] sites) {
    long[] v = new long[sites.length];
    for (int s = 0; s < sites.length; s++) {
      v[s] =
          switch (p.body().get(sites[s] >>> 8).args().get(sites[s] & 0xff)) {
            case I32Lit l -> l.value();
            case IntLit l -> l.value().longValue();
            default -> throw new IllegalArgumentException("not an integer site: " + sites[s]);
          };
    }
    return v;
  }

  /** Whether integer site {@code site} of {@code p} holds an i32 literal (else an int one). */
  public static boolean isI32(Program p, int site) {
    return p.body().get(site >>> 8).args().get(site & 0xff) instanceof I32Lit;
  }

  /**
   * The program with the integer literals at the sites replaced: an i32 site takes the low 32 bits
   * of its value, an int site the value itself.
   *
   * @param p the program
   * @param sites integer literal sites of {@code p}, from {@link #intSites}
   * @param values the new values
   */
  public static Program withInts(Program p, int[] sites, long[] values) {
    List<Instr> body = new ArrayList<>(p.body());
    for (int s = 0; s < sites.length; s++) {
      int i = sites[s] >>> 8;
      Instr ins = body.get(i);
      List<Operand> args = new ArrayList<>(ins.args());
      int a = sites[s] & 0xff;
      args.set(
          a,
          args.get(a) instanceof I32Lit
              ? I32Lit.of((int) values[s])
              : IntLit.of(BigInteger.valueOf(values[s])));
      body.set(i, new Instr(ins.name(), ins.op(), args));
    }
    return new Program(p.name(), p.format(), p.inputs(), body, p.outputs());
  }
}
