package numevo.evolver.genome;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * The point edits of the search ({@link MutationKind}), on programs of one {@link GenomeConfig}.
 * Every edit works on a {@link Draft} whose operations keep references to earlier values of the
 * right type, and respects the size limits, so the result passes the checker by construction: the
 * hot path never builds a program that could be rejected. Immutable and thread-safe; all randomness
 * comes from the generator passed in.
 */
public final class Mutations {
  private final Shape shape;
  private final MutationConfig config;
  private final MutationKind[] kinds = MutationKind.values();
  private final double[] cumulative;
  private final Fragments library;

  private Mutations(GenomeConfig genome, MutationConfig config, Fragments library) {
    this.shape = new Shape(genome);
    this.config = Objects.requireNonNull(config, "config");
    this.library = Objects.requireNonNull(library, "library");
    this.cumulative = new double[kinds.length];
    double sum = 0;
    for (int i = 0; i < kinds.length; i++) {
      sum += config.weights().get(kinds[i]);
      cumulative[i] = sum;
    }
  }

  /**
   * @param genome the shape of the programs edited, never null
   * @param config how edits are chosen, never null
   */
  public static Mutations of(GenomeConfig genome, MutationConfig config) {
    return of(genome, config, Fragments.NONE);
  }

  /**
   * @param genome the shape of the programs edited, never null
   * @param config how edits are chosen, never null
   * @param library the fragments {@link MutationKind#SPLICE} draws from, never null
   */
  public static Mutations of(GenomeConfig genome, MutationConfig config, Fragments library) {
    return new Mutations(Objects.requireNonNull(genome, "genome"), config, library);
  }

  /** The genome configuration. */
  public GenomeConfig genome() {
    return shape.config;
  }

  /**
   * One edit of a kind drawn by weight; kinds that do not apply to {@code p} (no literal to move,
   * size at a limit...) are redrawn, up to a few times.
   *
   * @param p a program of this genome's shape
   * @param rng the randomness
   * @return the edited program, or {@code p} itself if no edit applied
   */
  public Program mutate(Program p, RandomGenerator rng) {
    for (int attempt = 0; attempt < 8; attempt++) {
      Program q = apply(drawKind(rng), p, rng);
      if (q != null) {
        return q;
      }
    }
    return p;
  }

  /**
   * One edit of the given kind.
   *
   * @param kind the edit
   * @param p a program of this genome's shape
   * @param rng the randomness
   * @return the edited program (it may still equal {@code p}, e.g. a literal replaced by an equal
   *     one), or null if the edit does not apply to {@code p}
   */
  public Program apply(MutationKind kind, Program p, RandomGenerator rng) {
    Draft d = new Draft(shape, p);
    boolean done =
        switch (kind) {
          case OP -> changeOp(d, rng);
          case OPERAND -> rewireOperand(d, rng);
          case OUTPUT -> rewireOutput(d, rng);
          case CONSTANT_ULP -> stepConstant(d, rng);
          case CONSTANT_RELATIVE -> scaleConstant(d, rng);
          case INSERT -> insert(d, rng);
          case DELETE -> delete(d, rng);
          case DUPLICATE -> duplicate(d, rng);
          case GUARD -> guard(d, rng);
          case SQUARE -> square(d, rng);
          case RECIPROCAL -> reciprocal(d, rng);
          case PARTIAL -> BuildingBlocks.partialProduct(d, shape, config.liveBias(), rng);
          case SPLICE -> BuildingBlocks.splice(d, shape, library, config.liveBias(), rng);
          case FUSE -> fuse(d, rng);
          case REASSOCIATE -> reassociate(d, rng);
        };
    return done ? d.build() : null;
  }

  private MutationKind drawKind(RandomGenerator rng) {
    double x = rng.nextDouble(cumulative[cumulative.length - 1]);
    for (int i = 0; i < cumulative.length; i++) {
      if (x < cumulative[i]) {
        return kinds[i];
      }
    }
    return kinds[kinds.length - 1];
  }

  // --- Choosing sites ----------------------------------------------------------------------------

  /** An instruction, among the live ones with the configured bias; -1 if there is none. */
  private int pickInstruction(Draft d, RandomGenerator rng) {
    if (d.n == 0) {
      return -1;
    }
    if (rng.nextDouble() < config.liveBias()) {
      boolean[] live = d.live();
      int count = 0;
      for (int i = 0; i < d.n; i++) {
        if (live[d.k + i]) {
          count++;
        }
      }
      if (count > 0) {
        int pick = rng.nextInt(count);
        for (int i = 0; i < d.n; i++) {
          if (live[d.k + i] && pick-- == 0) {
            return i;
          }
        }
      }
    }
    return rng.nextInt(d.n);
  }

  /**
   * A literal operand site as {@code instruction << 8 | operand}, among live instructions with the
   * configured bias; -1 if there is none. With {@code floatsOnly}, only float literals count.
   */
  private int pickLiteral(Draft d, boolean floatsOnly, RandomGenerator rng) {
    boolean[] live = rng.nextDouble() < config.liveBias() ? d.live() : null;
    int site = pickLiteralAmong(d, floatsOnly, live, rng);
    return site >= 0 || live == null ? site : pickLiteralAmong(d, floatsOnly, null, rng);
  }

  private static int pickLiteralAmong(
      Draft d, boolean floatsOnly, boolean[] live, RandomGenerator rng) {
    int count = 0;
    for (int i = 0; i < d.n; i++) {
      if (live == null || live[d.k + i]) {
        for (Operand o : d.args[i]) {
          if (isEditableLiteral(o, floatsOnly)) {
            count++;
          }
        }
      }
    }
    if (count == 0) {
      return -1;
    }
    int pick = rng.nextInt(count);
    for (int i = 0; i < d.n; i++) {
      if (live == null || live[d.k + i]) {
        for (int a = 0; a < d.args[i].length; a++) {
          if (isEditableLiteral(d.args[i][a], floatsOnly) && pick-- == 0) {
            return i << 8 | a;
          }
        }
      }
    }
    throw new AssertionError();
  }

  private static boolean isEditableLiteral(Operand o, boolean floatsOnly) {
    return floatsOnly ? o instanceof FloatLit : !(o instanceof Ref);
  }

  /**
   * Counts the use sites of type {@code t} in instructions {@code >= from} (only live ones if
   * {@code live} is not null) and in the outputs.
   */
  static int countSites(Draft d, Type t, int from, boolean[] live) {
    int count = 0;
    for (int j = from; j < d.n; j++) {
      if (live == null || live[d.k + j]) {
        for (Type p : d.ops[j].params()) {
          if (p == t) {
            count++;
          }
        }
      }
    }
    for (int o = 0; o < d.outputs.length; o++) {
      if (d.shape.outputTypes[o] == t) {
        count++;
      }
    }
    return count;
  }

  /**
   * The {@code pick}-th use site counted as by {@link #countSites}, as {@code instruction << 8 |
   * operand}, or {@code -1 - output} for an output.
   */
  static int site(Draft d, Type t, int from, boolean[] live, int pick) {
    for (int j = from; j < d.n; j++) {
      if (live == null || live[d.k + j]) {
        for (int a = 0; a < d.ops[j].arity(); a++) {
          if (d.ops[j].params().get(a) == t && pick-- == 0) {
            return j << 8 | a;
          }
        }
      }
    }
    for (int o = 0; o < d.outputs.length; o++) {
      if (d.shape.outputTypes[o] == t && pick-- == 0) {
        return -1 - o;
      }
    }
    throw new AssertionError();
  }

  // --- The edits
  // -----------------------------------------------------------------------------------

  private boolean changeOp(Draft d, RandomGenerator rng) {
    int i = pickInstruction(d, rng);
    if (i < 0) {
      return false;
    }
    Op old = d.ops[i];
    Op[] same = shape.sameSignatureAs(old);
    if (same.length > 0 && rng.nextDouble() < 0.7) {
      d.ops[i] = same[rng.nextInt(same.length)];
      return true;
    }
    Op[] retype = shape.producing(old.result());
    if (retype.length < 2) {
      return false;
    }
    Op op;
    do {
      op = retype[rng.nextInt(retype.length)];
    } while (op == old);
    // Keep old operands where their types fit, in order; draw the rest.
    Operand[] was = d.args[i];
    boolean[] used = new boolean[was.length];
    Operand[] now = new Operand[op.arity()];
    for (int x = 0; x < now.length; x++) {
      Type t = op.params().get(x);
      for (int y = 0; y < was.length && now[x] == null; y++) {
        if (!used[y] && d.typeOf(was[y]) == t) {
          used[y] = true;
          now[x] = was[y];
        }
      }
      if (now[x] == null) {
        now[x] = d.randomOperand(t, d.k + i, rng);
      }
    }
    d.ops[i] = op;
    d.args[i] = now;
    return true;
  }

  private boolean rewireOperand(Draft d, RandomGenerator rng) {
    int i = pickInstruction(d, rng);
    if (i < 0) {
      return false;
    }
    int a = rng.nextInt(d.ops[i].arity());
    Type t = d.ops[i].params().get(a);
    Operand old = d.args[i][a];
    Operand now;
    if (rng.nextDouble() < shape.config.literals().probability()) {
      now = shape.literal(t, rng);
    } else {
      int exclude = old instanceof Ref r ? r.index() : -1;
      int v = d.randomValue(t, d.k + i, exclude, rng);
      now = v >= 0 ? Refs.of(v) : shape.literal(t, rng);
    }
    d.setOperand(i, a, now);
    return true;
  }

  private boolean rewireOutput(Draft d, RandomGenerator rng) {
    int o = rng.nextInt(d.outputs.length);
    int v = d.randomValue(shape.outputTypes[o], d.values(), d.outputs[o], rng);
    if (v < 0) {
      return false;
    }
    d.outputs[o] = v;
    return true;
  }

  private boolean stepConstant(Draft d, RandomGenerator rng) {
    int site = pickLiteral(d, false, rng);
    if (site < 0) {
      return false;
    }
    int i = site >>> 8;
    int a = site & 0xff;
    long steps = 1;
    while (steps < config.maxUlpSteps() && rng.nextBoolean()) {
      steps++;
    }
    if (rng.nextBoolean()) {
      steps = -steps;
    }
    Operand now =
        switch (d.args[i][a]) {
          case FloatLit l ->
              FloatLit.of(
                  Double.isFinite(l.value())
                      ? FormatSteps.step(shape.format, l.value(), steps)
                      : shape.floatLiteral(rng));
          case I32Lit l -> I32Lit.of(l.value() + (int) steps);
          case IntLit l -> IntLit.of(l.value().add(BigInteger.valueOf(steps)));
          case Ref r -> throw new AssertionError(r);
        };
    d.setOperand(i, a, now);
    return true;
  }

  private boolean scaleConstant(Draft d, RandomGenerator rng) {
    int site = pickLiteral(d, true, rng);
    if (site < 0) {
      return false;
    }
    int i = site >>> 8;
    int a = site & 0xff;
    double v = ((FloatLit) d.args[i][a]).value();
    double w;
    if (!Double.isFinite(v) || v == 0) {
      w = shape.floatLiteral(rng);
    } else {
      double scale = Math.exp(rng.nextDouble(Math.log(1e-7), Math.log(config.maxRelativeStep())));
      w = shape.format.round(v * (1 + scale * rng.nextGaussian()));
      if (!Double.isFinite(w)) {
        w = FormatSteps.step(shape.format, v, rng.nextBoolean() ? 1 : -1);
      } else if (Double.compare(w, v) == 0) {
        w = FormatSteps.step(shape.format, v, rng.nextBoolean() ? 1 : -1);
      }
    }
    d.setOperand(i, a, FloatLit.of(w));
    return true;
  }

  /**
   * A float value (an input or a live instruction's value) that some later instruction or an output
   * uses, or -1 if there is none.
   */
  private int pickUsedFloat(Draft d, RandomGenerator rng) {
    boolean[] live = d.live();
    int count = 0;
    int[] candidates = new int[d.values()];
    for (int v = 0; v < d.values(); v++) {
      if (d.typeOf(v) == Type.F && (v < d.k || live[v]) && usesOf(d, v) > 0) {
        candidates[count++] = v;
      }
    }
    return count == 0 ? -1 : candidates[rng.nextInt(count)];
  }

  /** How many operands of later instructions and outputs refer to value {@code v}. */
  private static int usesOf(Draft d, int v) {
    int uses = 0;
    for (int j = Math.max(0, v - d.k + 1); j < d.n; j++) {
      for (Operand o : d.args[j]) {
        if (o instanceof Ref r && r.index() == v) {
          uses++;
        }
      }
    }
    for (int o : d.outputs) {
      if (o == v) {
        uses++;
      }
    }
    return uses;
  }

  /**
   * Routes uses of value {@code v} after instruction {@code from} to value {@code w}: the {@code
   * pick}-th one, or all of them if {@code pick < 0}.
   */
  private static void reroute(Draft d, int v, int from, int w, int pick) {
    int seen = 0;
    for (int j = from; j < d.n; j++) {
      for (int a = 0; a < d.args[j].length; a++) {
        if (d.args[j][a] instanceof Ref r && r.index() == v && (pick < 0 || seen++ == pick)) {
          d.setOperand(j, a, Refs.of(w));
        }
      }
    }
    for (int o = 0; o < d.outputs.length; o++) {
      if (d.outputs[o] == v && (pick < 0 || seen++ == pick)) {
        d.outputs[o] = w;
      }
    }
  }

  private boolean square(Draft d, RandomGenerator rng) {
    if (d.n >= shape.config.maxSize() || !shape.allows(Op.FMUL)) {
      return false;
    }
    int v = pickUsedFloat(d, rng);
    if (v < 0) {
      return false;
    }
    int uses = usesOf(d, v);
    int pick = rng.nextBoolean() ? -1 : rng.nextInt(uses);
    int pos = v < d.k ? 0 : v - d.k + 1;
    d.insert(pos, Op.FMUL, new Operand[] {Refs.of(v), Refs.of(v)});
    reroute(d, v, pos + 1, d.k + pos, pick);
    return true;
  }

  /** Whether value {@code v} is an instruction's, with op {@code op}. */
  private static boolean isOp(Draft d, Operand o, Op op) {
    return o instanceof Ref r && r.index() >= d.k && d.ops[r.index() - d.k] == op;
  }

  private boolean fuse(Draft d, RandomGenerator rng) {
    if (!shape.allows(Op.FFMA)) {
      return false;
    }
    boolean[] live = d.live();
    int count = 0;
    int[] sites = new int[2 * d.n];
    for (int i = 0; i < d.n; i++) {
      if (live[d.k + i] && (d.ops[i] == Op.FADD || d.ops[i] == Op.FSUB)) {
        for (int a = 0; a < 2; a++) {
          if (isOp(d, d.args[i][a], Op.FMUL)) {
            sites[count++] = i << 1 | a;
          }
        }
      }
    }
    if (count == 0) {
      return false;
    }
    int site = sites[rng.nextInt(count)];
    int u = site >>> 1;
    int a = site & 1;
    int t = ((Ref) d.args[u][a]).index() - d.k;
    Operand p = d.args[t][0];
    Operand q = d.args[t][1];
    Operand c = d.args[u][1 - a];
    if (d.ops[u] == Op.FSUB && a == 0) {
      // t - c = fma(p, q, -c)
      Operand negC = negatedLiteral(c);
      if (negC == null) {
        if (d.n >= shape.config.maxSize() || !shape.allows(Op.FNEG)) {
          return false;
        }
        d.insert(u, Op.FNEG, new Operand[] {c});
        negC = Refs.of(d.k + u);
        u++;
      }
      c = negC;
    } else if (d.ops[u] == Op.FSUB) {
      // c - t = fma(-p, q, c): negate a literal factor, or the literal of a factor's own product
      // used only here, else insert a neg.
      Operand np = negatedLiteral(p);
      Operand nq = negatedLiteral(q);
      if (np != null) {
        p = np;
      } else if (nq != null) {
        q = nq;
      } else if (negateInnerLiteral(d, p, t)) {
        // p's product now carries the sign
      } else if (negateInnerLiteral(d, q, t)) {
        // q's product now carries the sign
      } else {
        if (d.n >= shape.config.maxSize() || !shape.allows(Op.FNEG)) {
          return false;
        }
        d.insert(u, Op.FNEG, new Operand[] {p});
        p = Refs.of(d.k + u);
        u++;
      }
    }
    d.ops[u] = Op.FFMA;
    d.args[u] = new Operand[] {p, q, c};
    return true;
  }

  /** The negation of a float literal; null for anything else. */
  private static Operand negatedLiteral(Operand o) {
    return o instanceof FloatLit l ? FloatLit.of(-l.value()) : null;
  }

  /**
   * If {@code o} is the value of a product with a float literal operand whose only use is in
   * instruction {@code user}, negates that literal in place and returns true.
   */
  private static boolean negateInnerLiteral(Draft d, Operand o, int user) {
    if (!isOp(d, o, Op.FMUL)) {
      return false;
    }
    int v = ((Ref) o).index();
    int uses = usesOf(d, v);
    int inUser = 0;
    for (Operand x : d.args[user]) {
      if (x instanceof Ref r && r.index() == v) {
        inUser++;
      }
    }
    if (uses != 1 || inUser != 1) {
      return false;
    }
    int i = v - d.k;
    for (int k = 0; k < 2; k++) {
      Operand n = negatedLiteral(d.args[i][k]);
      if (n != null) {
        d.setOperand(i, k, n);
        return true;
      }
    }
    return false;
  }

  private boolean reassociate(Draft d, RandomGenerator rng) {
    if (!shape.allows(Op.FMUL)) {
      return false;
    }
    boolean[] live = d.live();
    int count = 0;
    int[] sites = new int[d.n];
    for (int i = 0; i < d.n; i++) {
      if (live[d.k + i]
          && (d.ops[i] == Op.FMUL || d.ops[i] == Op.FFMA)
          && (isOp(d, d.args[i][0], Op.FMUL) || isOp(d, d.args[i][1], Op.FMUL))) {
        sites[count++] = i;
      }
    }
    if (count == 0) {
      return false;
    }
    int t = sites[rng.nextInt(count)];
    boolean both = isOp(d, d.args[t][0], Op.FMUL) && isOp(d, d.args[t][1], Op.FMUL);
    if (d.n + (both ? 2 : 1) > shape.config.maxSize()) {
      return false;
    }
    if (both) {
      Operand[] l = d.args[((Ref) d.args[t][0]).index() - d.k];
      Operand[] r = d.args[((Ref) d.args[t][1]).index() - d.k];
      boolean cross = rng.nextBoolean();
      Operand a = l[0];
      Operand b = l[1];
      Operand c = cross ? r[1] : r[0];
      Operand e = cross ? r[0] : r[1];
      d.insert(t, Op.FMUL, new Operand[] {a, c});
      d.insert(t + 1, Op.FMUL, new Operand[] {b, e});
      d.setOperand(t + 2, 0, Refs.of(d.k + t));
      d.setOperand(t + 2, 1, Refs.of(d.k + t + 1));
    } else {
      int prod = isOp(d, d.args[t][0], Op.FMUL) ? 0 : 1;
      Operand[] inner = d.args[((Ref) d.args[t][prod]).index() - d.k];
      Operand other = d.args[t][1 - prod];
      boolean first = rng.nextBoolean();
      Operand keep = first ? inner[0] : inner[1];
      Operand moved = first ? inner[1] : inner[0];
      // (keep moved) other = keep (moved other)
      d.insert(t, Op.FMUL, new Operand[] {moved, other});
      d.setOperand(t + 1, prod, keep);
      d.setOperand(t + 1, 1 - prod, Refs.of(d.k + t));
    }
    return true;
  }

  private boolean reciprocal(Draft d, RandomGenerator rng) {
    if (d.n >= shape.config.maxSize() || !shape.allows(Op.FDIV)) {
      return false;
    }
    int v = pickUsedFloat(d, rng);
    if (v < 0) {
      return false;
    }
    boolean sum = shape.allows(Op.FADD) && d.n + 2 <= shape.config.maxSize() && rng.nextBoolean();
    int uses = usesOf(d, v);
    int pick = rng.nextBoolean() ? -1 : rng.nextInt(uses);
    int pos = v < d.k ? 0 : v - d.k + 1;
    d.insert(pos, Op.FDIV, new Operand[] {FloatLit.of(shape.floatLiteral(rng)), Refs.of(v)});
    int w = d.k + pos;
    if (sum) {
      d.insert(pos + 1, Op.FADD, new Operand[] {Refs.of(v), Refs.of(w)});
      w = d.k + pos + 1;
    }
    reroute(d, v, w - d.k + 1, w, pick);
    return true;
  }

  private boolean insert(Draft d, RandomGenerator rng) {
    if (d.n >= shape.config.maxSize()) {
      return false;
    }
    // Choose the use site first: the new value replaces what it had.
    Op[] all = shape.ops;
    Op op = all[rng.nextInt(all.length)];
    Type t = op.result();
    // Sites in live code (and outputs) with the live bias: a value used only by dead code is dead.
    boolean[] live = rng.nextDouble() < config.liveBias() ? d.live() : null;
    int sites = countSites(d, t, 0, live);
    if (sites == 0) {
      live = null;
      sites = countSites(d, t, 0, null);
    }
    if (sites == 0) {
      // Nothing could use the value: it would be dead. Insert it anyway only at the end.
      d.insert(d.n, op, d.randomOperands(op, d.values(), rng));
      return true;
    }
    int site = site(d, t, 0, live, rng.nextInt(sites));
    int limit = site >= 0 ? site >>> 8 : d.n;
    int pos = rng.nextInt(limit + 1);
    Operand previous = site >= 0 ? d.args[site >>> 8][site & 0xff] : Refs.of(d.outputs[-1 - site]);
    Operand[] operands = d.randomOperands(op, d.k + pos, rng);
    boolean previousFits = !(previous instanceof Ref r) || r.index() < d.k + pos;
    if (previousFits && rng.nextDouble() < config.wrapProbability()) {
      int slots = 0;
      for (Type p : op.params()) {
        if (p == t) {
          slots++;
        }
      }
      if (slots > 0) {
        int pick = rng.nextInt(slots);
        for (int x = 0; x < operands.length; x++) {
          if (op.params().get(x) == t && pick-- == 0) {
            operands[x] = previous;
          }
        }
      }
    }
    d.insert(pos, op, operands);
    Ref fresh = Refs.of(d.k + pos);
    if (site >= 0) {
      d.setOperand((site >>> 8) + 1, site & 0xff, fresh);
    } else {
      d.outputs[-1 - site] = fresh.index();
    }
    return true;
  }

  private boolean delete(Draft d, RandomGenerator rng) {
    if (d.n <= shape.config.minSize() || d.n == 0) {
      return false;
    }
    int i = pickInstruction(d, rng);
    int v = d.k + i;
    Type t = d.ops[i].result();
    // Bypass: the uses take one of its operands of its type, else another earlier value.
    Operand bypass = null;
    Ref bypassRef = null;
    int choices = 0;
    for (Operand o : d.args[i]) {
      if (d.typeOf(o) == t && rng.nextInt(++choices) == 0) {
        bypass = o;
      }
    }
    choices = 0;
    for (Operand o : d.args[i]) {
      if (o instanceof Ref r && d.typeOf(r) == t && rng.nextInt(++choices) == 0) {
        bypassRef = r;
      }
    }
    if (bypass == null) {
      int w = d.randomValue(t, v, -1, rng);
      bypass = w >= 0 ? Refs.of(w) : shape.literal(t, rng);
    }
    for (int o = 0; o < d.outputs.length; o++) {
      if (d.outputs[o] == v) {
        int w = bypassRef != null ? bypassRef.index() : d.randomValue(t, d.values(), v, rng);
        if (w < 0) {
          return false;
        }
        d.outputs[o] = w;
      }
    }
    for (int j = i + 1; j < d.n; j++) {
      for (int a = 0; a < d.args[j].length; a++) {
        if (d.args[j][a] instanceof Ref r && r.index() == v) {
          d.setOperand(j, a, bypass);
        }
      }
    }
    // An output moved to a later value must follow the shift; remove() does that.
    d.remove(i);
    return true;
  }

  private boolean duplicate(Draft d, RandomGenerator rng) {
    if (d.n >= shape.config.maxSize()) {
      return false;
    }
    int i = pickInstruction(d, rng);
    if (i < 0) {
      return false;
    }
    int v = d.k + i;
    Op op = d.ops[i];
    Operand[] copy = d.args[i].clone();
    Op[] same = shape.sameSignatureAs(op);
    if (same.length > 0 && rng.nextBoolean()) {
      op = same[rng.nextInt(same.length)];
    } else {
      // The copy may use the original: t' = t * t, t' = t + x...
      int a = rng.nextInt(op.arity());
      Type t = op.params().get(a);
      int w = d.randomValue(t, v + 1, -1, rng);
      copy[a] =
          w >= 0 && rng.nextDouble() >= shape.config.literals().probability()
              ? Refs.of(w)
              : shape.literal(t, rng);
    }
    d.insert(i + 1, op, copy);
    boolean[] live = rng.nextDouble() < config.liveBias() ? d.live() : null;
    int sites = countUses(d, v, i + 2, live);
    if (sites == 0 && live != null) {
      live = null;
      sites = countUses(d, v, i + 2, null);
    }
    if (sites > 0) {
      redirectUse(d, v, i + 2, live, rng.nextInt(sites), v + 1);
    }
    return true;
  }

  private boolean guard(Draft d, RandomGenerator rng) {
    if (d.n + 2 > shape.config.maxSize()) {
      return false;
    }
    // A type with both a comparison (i32 from two of it) and a select of it.
    List<Type> types = new ArrayList<>();
    for (Type t : Type.values()) {
      if (compares(t).length > 0 && select(t) != null) {
        types.add(t);
      }
    }
    if (types.isEmpty()) {
      return false;
    }
    Type t = types.get(rng.nextInt(types.size()));
    // A use of a value (not a literal) of that type, in live code with the live bias.
    boolean[] live = rng.nextDouble() < config.liveBias() ? d.live() : null;
    int sites = countSites(d, t, 0, live);
    if (sites == 0) {
      live = null;
      sites = countSites(d, t, 0, null);
    }
    if (sites == 0) {
      return false;
    }
    int site = site(d, t, 0, live, rng.nextInt(sites));
    Operand previous = site >= 0 ? d.args[site >>> 8][site & 0xff] : Refs.of(d.outputs[-1 - site]);
    if (!(previous instanceof Ref)) {
      return false;
    }
    int pos = site >= 0 ? site >>> 8 : d.n;
    Op[] cmps = compares(t);
    Op cmp = cmps[rng.nextInt(cmps.length)];
    Operand other = guardOperand(d, t, d.k + pos, rng);
    Operand[] c =
        rng.nextBoolean() ? new Operand[] {previous, other} : new Operand[] {other, previous};
    d.insert(pos, cmp, c);
    Ref cond = Refs.of(d.k + pos);
    Operand replacement = guardOperand(d, t, d.k + pos, rng);
    Operand[] sel =
        rng.nextBoolean()
            ? new Operand[] {cond, replacement, previous}
            : new Operand[] {cond, previous, replacement};
    d.insert(pos + 1, select(t), sel);
    Ref guarded = Refs.of(d.k + pos + 1);
    if (site >= 0) {
      d.setOperand((site >>> 8) + 2, site & 0xff, guarded);
    } else {
      d.outputs[-1 - site] = guarded.index();
    }
    return true;
  }

  /** A literal of {@code t} most of the time (a threshold, a special result), else a value. */
  private Operand guardOperand(Draft d, Type t, int before, RandomGenerator rng) {
    if (rng.nextInt(4) != 0) {
      return shape.literal(t, rng);
    }
    int v = d.randomValue(t, before, -1, rng);
    return v >= 0 ? Refs.of(v) : shape.literal(t, rng);
  }

  /** The allowed comparisons of two values of {@code t}. */
  private Op[] compares(Type t) {
    return java.util.Arrays.stream(shape.producing(Type.I32))
        .filter(op -> op.arity() == 2 && op.params().get(0) == t && op.params().get(1) == t)
        .filter(Op::isComparison)
        .toArray(Op[]::new);
  }

  /** The allowed select of {@code t}, or null. */
  private Op select(Type t) {
    for (Op op : shape.producing(t)) {
      if (op.isSelect()) {
        return op;
      }
    }
    return null;
  }

  /**
   * Counts references to {@code v} in instructions {@code >= from} (only live ones if {@code live}
   * is not null) and in the outputs.
   */
  private static int countUses(Draft d, int v, int from, boolean[] live) {
    int count = 0;
    for (int j = from; j < d.n; j++) {
      if (live != null && !live[d.k + j]) {
        continue;
      }
      for (Operand o : d.args[j]) {
        if (o instanceof Ref r && r.index() == v) {
          count++;
        }
      }
    }
    for (int o : d.outputs) {
      if (o == v) {
        count++;
      }
    }
    return count;
  }

  private static void redirectUse(Draft d, int v, int from, boolean[] live, int pick, int to) {
    for (int j = from; j < d.n; j++) {
      if (live != null && !live[d.k + j]) {
        continue;
      }
      for (int a = 0; a < d.args[j].length; a++) {
        if (d.args[j][a] instanceof Ref r && r.index() == v && pick-- == 0) {
          d.setOperand(j, a, Refs.of(to));
          return;
        }
      }
    }
    for (int o = 0; o < d.outputs.length; o++) {
      if (d.outputs[o] == v && pick-- == 0) {
        d.outputs[o] = to;
        return;
      }
    }
  }
}
