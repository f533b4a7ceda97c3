package numevo.dsl.program;

import java.math.BigInteger;
import java.util.Objects;

/** An instruction's operand: a reference to an earlier value, or a literal of one of the types. */
public sealed interface Operand {

  /**
   * A reference to a value by index: inputs come first ({@code 0 .. inputs-1}), then one value per
   * instruction in order.
   *
   * @param index the value index, at least 0
   */
  record Ref(int index) implements Operand {
    public Ref {
      if (index < 0) {
        throw new IllegalArgumentException("negative value index " + index);
      }
    }

    public static Ref of(int index) {
      return new Ref(index);
    }
  }

  /**
   * A float literal; must be exactly representable in the kernel's format (checked with the
   * program). Equality is bitwise: {@code -0.0 != 0.0}, NaN equals NaN.
   */
  record FloatLit(double value) implements Operand {
    public static FloatLit of(double value) {
      return new FloatLit(value);
    }
  }

  /** An i32 literal. */
  record I32Lit(int value) implements Operand {
    public static I32Lit of(int value) {
      return new I32Lit(value);
    }
  }

  /** An exact integer literal. */
  record IntLit(BigInteger value) implements Operand {
    public IntLit {
      Objects.requireNonNull(value, "value");
    }

    public static IntLit of(BigInteger value) {
      return new IntLit(value);
    }

    public static IntLit of(long value) {
      return new IntLit(BigInteger.valueOf(value));
    }
  }

  /** The type of a literal; empty for a reference, whose type depends on the program. */
  default java.util.Optional<Type> literalType() {
    return switch (this) {
      case Ref r -> java.util.Optional.empty();
      case FloatLit l -> java.util.Optional.of(Type.F);
      case I32Lit l -> java.util.Optional.of(Type.I32);
      case IntLit l -> java.util.Optional.of(Type.INT);
    };
  }
}
