package numevo.evolver.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Program;
import numevo.hashing.Hash128;

/**
 * The key of a kernel in {@link SharedScores}: the first 128 bits of SHA-256 over its exact code
 * (format, input types, each instruction's op and operands, literals by their bits, outputs), names
 * left out since they change no result. Two kernels with the same key are the same code (up to a
 * collision of SHA-256), so their errors are equal: unlike a functional hash, which equal behaviour
 * on probes gives, a key never maps two different errors.
 */
final class ScoreKeys {
  private ScoreKeys() {}

  /** The key of {@code live}, a kernel without dead code (as the scorer sees it). */
  static Hash128 of(Program live) {
    ByteBuffer b = ByteBuffer.allocate(64 + 24 * live.body().size()).order(ByteOrder.BIG_ENDIAN);
    b = put(b, live.format().name().hashCode());
    b = put(b, live.inputs().size());
    for (Input in : live.inputs()) {
      b = put(b, in.type().ordinal());
    }
    b = put(b, live.body().size());
    for (Instr ins : live.body()) {
      b = put(b, ins.op().ordinal());
      b = put(b, ins.args().size());
      for (Operand a : ins.args()) {
        switch (a) {
          case Operand.Ref r -> {
            b = put(b, 1);
            b = put(b, r.index());
          }
          case Operand.FloatLit f -> {
            b = put(b, 2);
            b = putLong(b, Double.doubleToRawLongBits(f.value()));
          }
          case Operand.I32Lit i -> {
            b = put(b, 3);
            b = put(b, i.value());
          }
          case Operand.IntLit z -> {
            byte[] v = z.value().toByteArray();
            b = put(b, 4);
            b = put(b, v.length);
            b = ensure(b, v.length);
            b.put(v);
          }
        }
      }
    }
    b = put(b, live.outputs().size());
    for (Operand.Ref r : live.outputs()) {
      b = put(b, r.index());
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
    sha.update(b.array(), 0, b.position());
    ByteBuffer d = ByteBuffer.wrap(sha.digest()).order(ByteOrder.BIG_ENDIAN);
    return Hash128.of(d.getLong(), d.getLong());
  }

  private static ByteBuffer ensure(ByteBuffer b, int more) {
    if (b.remaining() >= more) {
      return b;
    }
    ByteBuffer n =
        ByteBuffer.allocate(Math.max(2 * b.capacity(), b.position() + more))
            .order(ByteOrder.BIG_ENDIAN);
    b.flip();
    n.put(b);
    return n;
  }

  private static ByteBuffer put(ByteBuffer b, int v) {
    b = ensure(b, 4);
    b.putInt(v);
    return b;
  }

  private static ByteBuffer putLong(ByteBuffer b, long v) {
    b = ensure(b, 8);
    b.putLong(v);
    return b;
  }
}
