package numevo.dsl.simd;

import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.random.RandomLiterals;

/**
 * Adversarial float32 and i32 inputs for the SIMD backend's tests: the format's edge values (NaN,
 * ±0, ±inf, subnormals, extremes), values of random codes, halves and near-halves (rint's ties),
 * values around 2^23 (where rint's addition trick ends) and around the i32 range (where {@code toi}
 * saturates), and i32 extremes, shift counts and float bit patterns.
 */
final class Inputs {
  private Inputs() {}

  /** Special float32 values, each exactly a float. */
  static final List<Float> SPECIAL_F =
      List.of(
          Float.NaN,
          Float.intBitsToFloat(0x7fa00001), // a signalling NaN with a payload
          Float.intBitsToFloat(0xffc00123), // a negative quiet NaN with a payload
          0f,
          -0f,
          Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY,
          Float.MIN_VALUE,
          -Float.MIN_VALUE,
          Float.MIN_NORMAL,
          -Float.MIN_NORMAL,
          Float.MAX_VALUE,
          -Float.MAX_VALUE,
          0.5f,
          -0.5f,
          1.5f,
          -1.5f,
          2.5f,
          -2.5f,
          0.49999997f,
          -0.49999997f,
          1f,
          -1f,
          8388607.5f,
          -8388607.5f,
          8388608f,
          -8388608f,
          16777215f,
          2147483520f, // largest float below 2^31
          2147483648f, // 2^31: saturates
          -2147483648f,
          -2147483904f,
          3e9f,
          -3e9f,
          1e-40f);

  /** Special i32 values. */
  static final List<Integer> SPECIAL_I =
      List.of(
          0,
          1,
          -1,
          2,
          31,
          32,
          33,
          -31,
          -32,
          Integer.MIN_VALUE,
          Integer.MAX_VALUE,
          Integer.MIN_VALUE + 1,
          0x7f800000,
          0x7fc00000,
          0xff800001,
          0x3f800000,
          0x007fffff,
          127,
          16777217);

  static float f(SplittableRandom rnd) {
    return switch (rnd.nextInt(6)) {
      case 0 -> SPECIAL_F.get(rnd.nextInt(SPECIAL_F.size()));
      case 1 -> (float) RandomLiterals.floatValue(NumberFormat.FLOAT32, rnd);
      case 2 -> (rnd.nextInt(201) - 100) * 0.5f;
      case 3 -> Math.nextUp((rnd.nextInt(201) - 100) * 0.5f) * (rnd.nextBoolean() ? 1 : -1);
      case 4 ->
          (float)
              ((rnd.nextBoolean() ? 1 : -1)
                  * Math.scalb(1 + rnd.nextDouble(), 20 + rnd.nextInt(13)));
      default -> (float) ((rnd.nextDouble() - 0.5) * 200);
    };
  }

  static int i(SplittableRandom rnd) {
    return rnd.nextInt(3) == 0
        ? SPECIAL_I.get(rnd.nextInt(SPECIAL_I.size()))
        : RandomLiterals.i32Value(rnd);
  }
}
