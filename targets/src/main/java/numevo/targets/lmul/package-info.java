/**
 * The L-Mul targets: approximate multiplication of floating-point numbers by integer operations on
 * their codes (Luo and Sun 2024; Mitchell 1962).
 *
 * <p>A kernel takes two codes of a narrow format as i32 inputs {@code a} and {@code b} and returns
 * a code as its one i32 output, of which only the format's low bits count. {@link
 * numevo.targets.lmul.LmulScorer} scores it against the correctly rounded product ({@link
 * numevo.targets.lmul.ProductReference}) over a fixed set of operand pairs ({@link
 * numevo.targets.lmul.OperandPairs}: all 65,536 pairs for the FP8 formats, a stratified sample for
 * bfloat16), and reports an {@link numevo.targets.lmul.LmulScore}: the bit-exact fraction, relative
 * errors against the real and the rounded product, how each special case came out, and the cost
 * ({@link numevo.targets.lmul.LmulPrimitives}, {@link numevo.targets.lmul.LmulCosts}). {@link
 * numevo.targets.lmul.LmulBaselines} are the shipped reference kernels.
 */
package numevo.targets.lmul;
