package numevo.evolver.hash;

import java.util.List;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.hashing.Evaluator;
import numevo.hashing.Hash128;
import numevo.hashing.Hasher;
import numevo.hashing.ProbeConfig;

/** Shared by the hash tests: parsing kernels and hashing them through every engine. */
final class HashFixtures {
  private HashFixtures() {}

  /** A kernel from its header lines (kernel, inputs) and body. */
  static Program kernel(String header, String body) {
    return Parser.parse(header + "\n" + body, "test.kernel");
  }

  /** The hasher {@link KernelHash} uses for kernels shaped like {@code p}, on default ranges. */
  static Hasher hasherFor(Program p) {
    return Hasher.of(
        HashSignatures.of(
            p.format(),
            p.inputTypes(),
            KernelHash.defaultRanges(p.format(), p.inputTypes()),
            p.outputTypes()),
        ProbeConfig.DEFAULT);
  }

  /** The hash of an evaluator of kernels shaped like {@code shape}; fails if it has none. */
  static Hash128 hash(Program shape, Evaluator e) {
    return hasherFor(shape).hash(e).orElseThrow(() -> new AssertionError("no hash"));
  }

  /**
   * The hashes of {@code p} through the interpreter, the columnar evaluator, the compiled class and
   * {@link KernelHash}, in that order.
   */
  static List<Hash128> throughEveryEngine(Program p) {
    return List.of(
        hash(p, ProgramEvaluators.interpreted(p)),
        hash(p, ProgramEvaluators.columnar(p)),
        hash(p, ProgramEvaluators.compiled(KernelCompiler.compile(p))),
        KernelHash.of(p, ProbeConfig.DEFAULT));
  }

  /** The hash {@link KernelHash} gives {@code p} on default ranges and probes. */
  static Hash128 hash(Program p) {
    return KernelHash.of(p, ProbeConfig.DEFAULT);
  }
}
