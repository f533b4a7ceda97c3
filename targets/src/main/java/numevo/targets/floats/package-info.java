/**
 * Float targets: kernels {@code (f) -> (f)} in one number format scored against an exact reference,
 * in ULPs ({@link numevo.targets.floats.Ulp} states the convention) and relative error.
 *
 * <p>The pieces: a {@link numevo.targets.floats.FloatDomain} (intervals of a format, or every
 * code), a {@link numevo.targets.floats.FloatReference} (a {@link
 * numevo.targets.floats.FunctionReference} of a built-in {@link numevo.targets.floats.Functions},
 * correctly rounded with an exact BigDecimal fallback, or a user's float64 {@link
 * numevo.targets.floats.KernelReference}), seeded {@link numevo.targets.floats.FloatSample}s drawn
 * by a {@link numevo.targets.floats.SamplePlan}, the error loop {@link
 * numevo.targets.floats.ErrorStats}, the {@link numevo.targets.floats.ExhaustiveVerifier}, and the
 * {@link numevo.targets.floats.CertificateVerifier}, its faster equal for float32 e^x and 2^x (with
 * the fast reference {@code FastExp}, and its per-point pass in Vector API lanes, {@code
 * CertificateLanes}). {@link numevo.targets.floats.FloatTargets} holds the built-in targets and
 * {@link numevo.targets.floats.TargetFile} reads user targets.
 */
package numevo.targets.floats;
