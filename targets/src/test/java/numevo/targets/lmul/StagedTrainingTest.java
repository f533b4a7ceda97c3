package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.format.Saturation;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Program;
import numevo.targets.Method;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import org.junit.jupiter.api.Test;

/**
 * The first stage of a staged search ({@code --train normal}): the training split keeps the normal
 * pairs only, the validation split and verification every pair.
 */
class StagedTrainingTest {
  private static final LmulConfig E4M3 = LmulConfig.of(NumberFormat.E4M3FN);

  private static Target resolve(String train) {
    return Targets.resolve("lmul-e4m3", TargetParams.of(Map.of("train", train)));
  }

  /** Mitchell's baseline with every pair whose first operand is +0 sent to NaN (0x7f). */
  private static Program wrongOnZeroOperands() {
    Program p = LmulBaselines.load(NumberFormat.E4M3FN, "mitchell");
    List<Instr> body = new ArrayList<>(p.body());
    int out = p.outputs().get(0).index();
    int k = p.inputs().size();
    body.add(Instr.of("z_", Op.IEQ, Operand.Ref.of(0), Operand.I32Lit.of(0)));
    body.add(
        Instr.of(
            "o_",
            Op.ISELECT,
            Operand.Ref.of(k + body.size() - 1),
            Operand.I32Lit.of(0x7f),
            Operand.Ref.of(out)));
    return new Program(
        p.name(), p.format(), p.inputs(), body, List.of(Operand.Ref.of(k + body.size() - 1)));
  }

  @Test
  void theTrainingSplitKeepsExactlyTheNormalPairs() {
    LmulTarget staged = (LmulTarget) resolve("normal");
    assertTrue(staged.trainsOnNormalPairsOnly());
    ProductReference all =
        ProductReference.of(OperandPairs.exhaustive(NumberFormat.E4M3FN), Saturation.NONE);
    ProductReference train = staged.lmulScorer(ScoreOptions.training(65536, 1)).reference();
    assertEquals(all.count(ProductCategory.NORMAL), train.size());
    assertEquals(train.size(), train.count(ProductCategory.NORMAL));
    ProductReference subset = staged.lmulScorer(ScoreOptions.training(8192, 1)).reference();
    ProductReference plain =
        LmulTarget.of(E4M3).lmulScorer(ScoreOptions.training(8192, 1)).reference();
    assertEquals(plain.count(ProductCategory.NORMAL), subset.size());
    // Validation and verification are unchanged: every pair.
    var v = staged.scorer(ScoreOptions.of()).score(wrongOnZeroOperands());
    assertEquals(Method.EXHAUSTIVE, v.method());
    assertEquals(65536, v.points());
  }

  @Test
  void specialCasesDoNotCountInTheFirstStage() {
    Program mitchell = LmulBaselines.load(NumberFormat.E4M3FN, "mitchell");
    Program wrong = wrongOnZeroOperands();
    ScoreOptions train = ScoreOptions.training(8192, 1);
    Target staged = resolve("normal");
    assertEquals(
        staged.scorer(train).score(mitchell).error(), staged.scorer(train).score(wrong).error());
    Target plain = resolve("all");
    assertNotEquals(
        plain.scorer(train).score(mitchell).error(), plain.scorer(train).score(wrong).error());
  }

  /** The committed exact kernel, and the same with ties rounded half up (the lsb add dropped). */
  private static Program[] exactAndHalfUp() throws java.io.IOException {
    java.nio.file.Path file =
        java.nio.file.Path.of(System.getProperty("numevo.root", ".."))
            .resolve("kernels/lmul-e4m3/exact_int_e4m3fn.kernel");
    String text = java.nio.file.Files.readString(file);
    Program exact = numevo.dsl.text.Parser.parse(text, file.toString());
    String halfUp = text.replace("t1 = add t lsb", "t1 = add t 0");
    assertNotEquals(text, halfUp);
    return new Program[] {exact, numevo.dsl.text.Parser.parse(halfUp, "half-up")};
  }

  @Test
  void theExactLossTellsTiesRoundedHalfUpFromTiesToEven() throws Exception {
    Program[] k = exactAndHalfUp();
    ScoreOptions all = ScoreOptions.of();
    Target real = Targets.resolve("lmul-e4m3", TargetParams.none());
    Target exact = Targets.resolve("lmul-e4m3", TargetParams.of(Map.of("loss", "exact")));
    var re = real.scorer(all).score(k[0]);
    var rh = real.scorer(all).score(k[1]);
    // Ties are as far from the real product either way: the plain loss cannot see them.
    assertEquals(re.error(), rh.error(), 1e-15);
    assertTrue(rh.value("exact_fraction").getAsDouble() < 1.0);
    var ee = exact.scorer(all).score(k[0]);
    var eh = exact.scorer(all).score(k[1]);
    // The exact kernel's loss is unchanged; each mismatching pair adds 1 / 65,536.
    assertEquals(re.error(), ee.error(), 1e-15);
    double mismatches = 65536 * (1 - eh.value("exact_fraction").getAsDouble());
    assertEquals(ee.error() + mismatches / 65536, eh.error(), 1e-12);
    // Also on the training subset of a staged search.
    Target staged =
        Targets.resolve("lmul-e4m3", TargetParams.of(Map.of("loss", "exact", "train", "normal")));
    ScoreOptions train = ScoreOptions.training(8192, 1);
    assertTrue(staged.scorer(train).score(k[1]).error() > staged.scorer(train).score(k[0]).error());
    TargetException e =
        assertThrows(
            TargetException.class,
            () -> Targets.resolve("lmul-e4m3", TargetParams.of(Map.of("loss", "ulp"))));
    assertEquals("--loss must be real or exact, not 'ulp'", e.getMessage());
  }

  @Test
  void theParameterIsAllOrNormal() {
    assertFalse(((LmulTarget) resolve("all")).trainsOnNormalPairsOnly());
    assertSame(
        Targets.resolve("lmul-e5m2", TargetParams.none()),
        Targets.resolve("lmul-e5m2", TargetParams.none()));
    TargetException e = assertThrows(TargetException.class, () -> resolve("specials"));
    assertTrue(e.aboutUsage());
    assertEquals("--train must be all or normal, not 'specials'", e.getMessage());
    assertThrows(
        TargetException.class,
        () -> Targets.resolve("exp2", TargetParams.of(Map.of("train", "all"))));
  }
}
