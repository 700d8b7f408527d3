package dev.onceform.signing.spi;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A signer's key and certificate chain: the extension point through which a PKCS#11 token, a remote
 * signing service or an in-memory key signs.
 *
 * <p>The private key need not be in the JVM. The signer hands over the bytes to be signed (for
 * PAdES the DER encoding of the CMS signed attributes: a few hundred bytes that hold a digest of
 * the document, never the document itself; for a JSON signature the JWS signing input, which holds
 * the canonical JSON) and gets the signature value back. A key that signs remotely hashes these
 * bytes with {@link SignatureAlgorithm#digestAlgorithm()} and sends only the hash ("hash out,
 * signature back").
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>thread-safe: one instance may be used by several signers at once;
 *   <li>cheap to call {@link #id()} and {@link #certificateChain()}; they return the same values
 *       every time;
 *   <li>{@link #sign} throws {@link dev.onceform.signing.SigningException} with a code when the key
 *       cannot sign (token removed, service unavailable, PIN refused), keeping the cause.
 * </ul>
 *
 * <p>Built-in implementations come from {@link dev.onceform.signing.SignerKeys}. Methods may be
 * added to this interface later, always with a {@code default}.
 */
public interface SignerKey {

  /**
   * Returns an identifier for messages and logs, e.g. {@code pkcs12:signer.p12#signer}. It names
   * the key; it never contains secrets.
   *
   * @return the identifier
   */
  String id();

  /**
   * Returns the certificate chain, signer certificate first, then its issuers. The root may be
   * omitted. The chain is embedded in every signature.
   *
   * @return the chain, never empty
   */
  List<X509Certificate> certificateChain();

  /**
   * Signs bytes with the private key.
   *
   * @param toBeSigned the bytes to sign (the DER-encoded CMS signed attributes, or a JWS signing
   *     input)
   * @param algorithm the algorithm; its key algorithm matches the signer certificate's key
   * @return the signature value: for RSA the PKCS#1 v1.5 or RSASSA-PSS signature (as {@code
   *     algorithm} says), for ECDSA the DER-encoded {@code SEQUENCE {r, s}}
   * @throws dev.onceform.signing.SigningException if the key cannot sign
   */
  byte[] sign(byte[] toBeSigned, SignatureAlgorithm algorithm);

  /**
   * Returns the signer certificate, the first of {@link #certificateChain()}.
   *
   * @return the signer certificate
   */
  default X509Certificate certificate() {
    return certificateChain().get(0);
  }
}
