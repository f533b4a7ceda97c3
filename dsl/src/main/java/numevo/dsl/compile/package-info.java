/**
 * Compilation of kernel programs to JVM bytecode, for the programs that are evaluated most (the
 * winners of a search): {@link numevo.dsl.compile.KernelCompiler} turns a program into a hidden
 * class, a {@link numevo.dsl.compile.CompiledKernel} that agrees bit for bit with the reference
 * {@link numevo.dsl.eval.Interpreter} and runs at the speed of hand-written Java; common port
 * shapes get primitive per-point and array methods ({@link numevo.dsl.compile.Float32Unary} and its
 * siblings). Unreachable kernels are unloaded with their classes.
 *
 * <p>{@link numevo.dsl.compile.Arith} and {@link numevo.dsl.compile.Rounding} are the small runtime
 * the generated code calls (comparisons, selects, exact-int checks, fma and fast rounding to the
 * narrow formats); they are public for other fast paths.
 */
package numevo.dsl.compile;
