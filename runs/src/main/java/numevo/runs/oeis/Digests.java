package numevo.runs.oeis;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and MD5 digests (every JDK has both). */
final class Digests {
  private Digests() {}

  static byte[] sha256(byte[] data) {
    return digest("SHA-256", data);
  }

  static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256(data));
  }

  static String md5Hex(byte[] data) {
    return HexFormat.of().formatHex(digest("MD5", data));
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
