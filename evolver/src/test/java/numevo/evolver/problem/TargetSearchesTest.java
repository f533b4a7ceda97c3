package numevo.evolver.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.evolver.genome.GenomeConfig;
import numevo.targets.Target;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import org.junit.jupiter.api.Test;

class TargetSearchesTest {
  private static Target target(String name, Map<String, String> params) {
    return Targets.resolve(name, TargetParams.of(params));
  }

  @Test
  void aSequenceSearchNamesItsInputsAsTheRecurrenceConventionReadsThem() {
    Target seq = target("seq", Map.of("terms", "1,1,2,3,5,8,13,21,34,55,89,144", "order", "3"));
    GenomeConfig g = TargetSearches.genome(seq, 12);
    assertEquals(List.of("n", "a1", "a2", "a3"), g.inputs().stream().map(Input::name).toList());
    Target exp2 = target("exp2", Map.of());
    assertEquals(
        List.of("x"), TargetSearches.genome(exp2, 20).inputs().stream().map(Input::name).toList());
  }

  @Test
  void defaultsFollowTheKindOfKernel() {
    Target seq = target("seq", Map.of("terms", "1,1,2,3,5,8,13,21,34,55,89,144"));
    Target lmul = target("lmul-e5m2", Map.of());
    Target exp2 = target("exp2", Map.of());
    assertEquals(12, TargetSearches.defaults(seq).maxSize());
    // L-Mul's own kernels take 19 (e4m3) and 25 (e5m2) instructions: the search must reach them.
    assertTrue(TargetSearches.defaults(lmul).maxSize() >= 25);
    assertEquals(8192, TargetSearches.defaults(lmul).trainingPoints());
    assertEquals(20, TargetSearches.defaults(exp2).maxSize());
    assertEquals(1024, TargetSearches.defaults(exp2).trainingPoints());
    // Code kernels are hashed on more probes; the command line's search takes the same.
    assertEquals(TargetSearches.CODE_PROBES, TargetSearches.hash(lmul).probes().count());
    assertEquals(128, TargetSearches.hash(exp2).probes().count());
  }

  @Test
  void codeKernelsDrawTheFormatsLayoutConstants() {
    List<Long> e4m3 = TargetSearches.codeConstants(NumberFormat.E4M3FN);
    // sign bit, magnitude mask, exponent field, mantissa mask, the code of 1.0 (7 << 3).
    for (long c : new long[] {0x80, 0x7f, 0x78, 0x07, 56}) {
      assertTrue(e4m3.contains(c), c + " in " + e4m3);
    }
    assertEquals(e4m3, TargetSearches.genome(target("lmul-e4m3", Map.of()), 32).literals().ints());
    assertEquals(List.of(), TargetSearches.genome(target("exp2", Map.of()), 20).literals().ints());
  }

  @Test
  void integerKernelsAndBitTrickFloatKernelsSearchTheirIntegerConstants() {
    Target seq = target("seq", Map.of("terms", "1,1,2,3,5,8,13,21,34,55,89,144"));
    assertEquals(200, TargetSearches.tuning(seq).intClimbEvaluations());
    assertEquals(200, TargetSearches.tuning(target("lmul-e4m3", Map.of())).intClimbEvaluations());
    assertEquals(0, TargetSearches.tuning(target("exp2", Map.of())).intClimbEvaluations());
    // rsqrt's primitives include frombits: its magic constant is searched with the floats.
    assertEquals(
        TargetSearches.BIT_TRICK_INT_EVALUATIONS,
        TargetSearches.tuning(target("rsqrt", Map.of())).intClimbEvaluations());
    assertEquals(
        0.0,
        TargetSearches.mutation(target("exp2", Map.of()))
            .weights()
            .get(numevo.evolver.genome.MutationKind.GUARD));
  }
}
