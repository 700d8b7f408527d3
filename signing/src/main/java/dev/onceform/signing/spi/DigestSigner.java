package dev.onceform.signing.spi;

/**
 * The one operation a remote signing service offers: "hash out, signature back". An agency
 * implements it over its CA's remote-signing API and turns it into a {@link SignerKey} with {@link
 * dev.onceform.signing.SignerKeys#remote}; the document and the signed attributes never leave the
 * JVM, only their digest does.
 *
 * <pre>{@code
 * DigestSigner service = (digest, algorithm) -> caApi.signHash(credentialId, digest, algorithm);
 * SignerKey key = SignerKeys.remote("remote:ca.example.vn#" + credentialId, chain, service);
 * }</pre>
 *
 * <p>Contract for implementations: thread-safe; honour a deadline of their own (the signer waits
 * for the answer); on failure throw an unchecked exception that says what the service answered (the
 * caller wraps it as {@code OF-SIGN-305}, keeping the cause).
 */
@FunctionalInterface
public interface DigestSigner {

  /**
   * Signs a digest with the remote key.
   *
   * @param digest the digest of the bytes to be signed, computed with {@link
   *     SignatureAlgorithm#digestAlgorithm()} (32, 48 or 64 bytes); a fresh copy the implementation
   *     may keep
   * @param algorithm the signature algorithm, e.g. {@link SignatureAlgorithm#RSA_SHA256}
   * @return for RSA, the PKCS#1 v1.5 signature of the digest (the service wraps it in a {@code
   *     DigestInfo}, as {@code SHA256withRSA} does); for ECDSA, the DER-encoded {@code SEQUENCE {r,
   *     s}} (convert a raw {@code r || s} answer first)
   */
  byte[] signDigest(byte[] digest, SignatureAlgorithm algorithm);
}
