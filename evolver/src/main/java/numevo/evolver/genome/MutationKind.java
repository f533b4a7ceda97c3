package numevo.evolver.genome;

/** The kinds of point edit {@link Mutations} makes; each keeps the program valid. */
public enum MutationKind {
  /**
   * Replaces an instruction's op: by one of the same signature, or by another op of the same result
   * type with its operands repaired (kept where the types match, drawn afresh otherwise).
   */
  OP,
  /** Rewires one operand to another earlier value of its type, or to a literal. */
  OPERAND,
  /** Rewires one output to another value of its type. */
  OUTPUT,
  /** Moves a literal by a few steps: ULPs of the format for floats, units for integers. */
  CONSTANT_ULP,
  /** Scales a float literal by a random relative amount (log-uniform in scale), rounded. */
  CONSTANT_RELATIVE,
  /**
   * Inserts a random instruction and routes one later use (an operand or an output) of its type
   * through it, often wrapping the value that use had.
   */
  INSERT,
  /** Deletes an instruction, bypassing it: its uses take one of its operands or another value. */
  DELETE,
  /** Duplicates an instruction, varies the copy, and routes one later use to the copy. */
  DUPLICATE,
  /**
   * Guards a value: inserts a comparison of it with a literal or another value and a select between
   * it and a literal or value on that comparison ({@code c = lt v K; s = select c X v}), and routes
   * one later use of the value through the select. Two instructions at once: a special case (an
   * underflow, an overflow, a zero operand) takes both, and either alone changes nothing the search
   * can see. Applies only where the primitive set has a comparison and a select of the value's
   * type; weight 0 by default ({@link MutationConfig#DEFAULT}).
   */
  GUARD,
  /**
   * Squares a float value: inserts {@code s = mul v v} right after {@code v} (an input or a live
   * instruction's value) and routes one later use of {@code v} (an operand or an output), or all of
   * them, through {@code s}. Repeated squaring is how a power-of-two range reduction ({@code 2^x =
   * (2^(x/2))^2}) is built one step at a time. Applies only where the primitive set has a float
   * mul; weight 0 by default.
   */
  SQUARE,
  /**
   * Inserts a reciprocal of a float value {@code v}: {@code r = div c v} with a literal {@code c},
   * and routes one later use of {@code v}, or all of them, through {@code r}, or (half of the time,
   * where the primitive set has an add) through {@code v + c / v}. Rational forms (continued
   * fractions, {@code x + c/x}) take several such steps, each of which a random insert rarely
   * makes; routing every use of the input through {@code x + c/x} composes the whole kernel with
   * it. Applies only where the primitive set has a float div; weight 0 by default.
   */
  RECIPROCAL,
  /**
   * Inserts one shift-and-add step of a product of two integers: for i32 values {@code ma} and
   * {@code mb} and a bit {@code j} in {@code [0, m]} ({@code m} the format's mantissa width, so
   * {@code j} ranges over a significand with its hidden bit), four instructions {@code c = and mb
   * 2^j; s = shl ma j; p = select c s 0; t = add acc p}, and routes one use of an i32 value {@code
   * acc} (the accumulator) through {@code t}. A mantissa multiplier is {@code m + 1} such steps; a
   * random insert makes each of them with a chance of about 1 in 10^5. Applies only where the
   * primitive set has i32 {@code and}, {@code shl}, {@code select} and {@code add}; weight 0 by
   * default (turn it on with {@code --mutation partial=1}; the manifest records it).
   */
  PARTIAL,
  /**
   * Splices a fragment from the search's library (the subexpressions of the seed kernels, {@link
   * Fragments}): a donor instruction and every instruction it depends on are copied, in order,
   * before a use site of the donor's result type, whose use is routed through the copy (inputs map
   * to the same inputs). Applies only with a nonempty library and where the copy fits the size
   * limit and uses only allowed ops; weight 0 by default ({@code --mutation splice=1}).
   */
  SPLICE,
  /**
   * Fuses a float product into the sum that uses it: {@code t = mul a b; u = add t c} (or {@code
   * add c t}, {@code sub t c}, {@code sub c t}) becomes {@code u = fma a b c} with the signs the
   * subtraction needs: a negated literal where an operand is one (or is a product with a literal
   * used only there, whose literal is negated in place), else an inserted {@code neg}. The function
   * is the same in real arithmetic; one rounding less. Kadlec's modified Newton step {@code y (a -
   * b x y y)} written with an fma takes this edit. Applies only where the primitive set has fma;
   * weight 0 by default ({@code --mutation fuse=1}).
   */
  FUSE,
  /**
   * Re-associates a float product of products: {@code mul (mul a b) (mul c d)} becomes {@code mul
   * (mul a c) (mul b d)} or {@code mul (mul a d) (mul b c)}, and {@code mul (mul a b) e} becomes
   * {@code mul a (mul b e)} or {@code mul b (mul a e)}; the same for the two factors of an fma. The
   * new products are inserted before the instruction; the old ones stay (dead if unused). The
   * function is the same in real arithmetic, the roundings and the range of the intermediate values
   * change: {@code (x 0.5)(y y)} (whose {@code y y} underflows for large {@code x}) becomes {@code
   * (x y)(0.5 y)}. Applies only where the primitive set has a float mul; weight 0 by default
   * ({@code --mutation reassociate=1}).
   */
  REASSOCIATE
}
