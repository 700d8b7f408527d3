package dev.onceform.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Digest algorithms accepted for signing and verification: the SHA-2 family.
 *
 * <p>SHA-1 and MD5 are deliberately absent; a signature that uses them is reported by {@link
 * SignatureVerifier} with {@link SubIndication#CRYPTO_CONSTRAINTS_FAILURE}.
 */
public enum DigestAlgorithm {
  /** SHA-256, the default. */
  SHA256("SHA-256", "2.16.840.1.101.3.4.2.1"),
  /** SHA-384. */
  SHA384("SHA-384", "2.16.840.1.101.3.4.2.2"),
  /** SHA-512. */
  SHA512("SHA-512", "2.16.840.1.101.3.4.2.3");

  private final String jcaName;
  private final String oid;

  DigestAlgorithm(String jcaName, String oid) {
    this.jcaName = jcaName;
    this.oid = oid;
  }

  /**
   * Returns the standard JCA {@code MessageDigest} name, e.g. {@code SHA-256}.
   *
   * @return the JCA name
   */
  public String jcaName() {
    return jcaName;
  }

  /**
   * Returns the ASN.1 object identifier in dotted form, e.g. {@code 2.16.840.1.101.3.4.2.1}.
   *
   * @return the OID
   */
  public String oid() {
    return oid;
  }

  /**
   * A new digest from the JCA's installed providers, not BouncyCastle's: the JDK's own SHA-2 runs
   * on the CPU's SHA instructions where it has them, about six times faster than BouncyCastle's
   * pure-Java one over a 60 KB signed range.
   */
  MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform has SHA-256; OpenJDK's SUN provider also has SHA-384/512.
      throw new IllegalStateException("this JDK has no " + jcaName + " MessageDigest", e);
    }
  }

  /** The digest of {@code data}, from {@link #newDigest()}. */
  byte[] digest(byte[] data) {
    return newDigest().digest(data);
  }

  static Optional<DigestAlgorithm> fromOid(String oid) {
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.oid.equals(oid)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
