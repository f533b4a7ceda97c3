package numevo.runs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import numevo.dsl.program.Op;
import numevo.targets.CostModels;
import org.junit.jupiter.api.Test;

/** {@code numevo ops} is the Op enum and the default cost models, one line per op. */
class OpsCommandTest {

  @Test
  void everyOpIsListedOnceWithItsTypesCostsAndMeaning() {
    CliRun.Run r = CliRun.run("ops");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("op +operands +result +f32 +f64 +meaning"), lines.get(0));
    Op[] ops = Op.values();
    for (int i = 0; i < ops.length; i++) {
      Op op = ops[i];
      List<String> cols = List.of(lines.get(i + 1).split(" {2,}"));
      assertEquals(op.mnemonic(), cols.get(0), lines.get(i + 1));
      assertEquals(op.result().syntax(), cols.get(2), lines.get(i + 1));
      String f32 =
          CostModels.zen3Latency32().costs().containsKey(op)
              ? Long.toString((long) CostModels.zen3Latency32().costOf(op))
              : "-";
      assertEquals(f32, cols.get(3).strip(), lines.get(i + 1));
      assertTrue(cols.get(5).startsWith(op.meaning()), lines.get(i + 1));
    }
    assertTrue(r.out().contains("div       a:f b:f            f        11   13  a / b\n"), r.out());
    assertTrue(r.out().contains("; float64 kernels only\n"), r.out());
    assertTrue(lines.get(ops.length + 1).isEmpty());
    assertTrue(lines.get(ops.length + 2).startsWith("cost: zen3-latency (cycles)"));
  }
}
