/**
 * The SIMD backend: {@link numevo.dsl.simd.SimdCompiler} compiles float32 kernels (with {@code i32}
 * values) to explicit vector loops over the JDK's Vector API ({@code jdk.incubator.vector}, an
 * incubator module: the JVM must be started with {@code --add-modules jdk.incubator.vector}), bit
 * for bit with {@link numevo.dsl.eval.Interpreter}. Kernels it cannot express exactly are declined
 * with a reason, and callers fall back to {@link numevo.dsl.compile.KernelCompiler}.
 *
 * <p>Only {@code SimdOps}, {@code SimdGenerator} and the generated classes touch the Vector API, so
 * this package's public classes load in a JVM without the module.
 */
package numevo.dsl.simd;
