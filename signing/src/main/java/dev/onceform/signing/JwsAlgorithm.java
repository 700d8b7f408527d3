package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import java.util.Optional;

/**
 * The JWS algorithms (RFC 7518) that {@link JsonSigner} signs with and {@link
 * JsonSignatureVerifier} accepts: RSA PKCS#1 v1.5, RSASSA-PSS and ECDSA, each with SHA-2.
 *
 * <p>{@code none} and the shared-secret MACs ({@code HS256}…) are deliberately absent: they are not
 * signatures, and a JWS that names them is {@link Indication#TOTAL_FAILED}.
 */
public enum JwsAlgorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256. */
  RS256(SignatureAlgorithm.RSA_SHA256, 0),
  /** RSASSA-PKCS1-v1_5 with SHA-384. */
  RS384(SignatureAlgorithm.RSA_SHA384, 0),
  /** RSASSA-PKCS1-v1_5 with SHA-512. */
  RS512(SignatureAlgorithm.RSA_SHA512, 0),
  /** RSASSA-PSS with SHA-256 and MGF1 with SHA-256. */
  PS256(SignatureAlgorithm.RSA_PSS_SHA256, 0),
  /** RSASSA-PSS with SHA-384 and MGF1 with SHA-384. */
  PS384(SignatureAlgorithm.RSA_PSS_SHA384, 0),
  /** RSASSA-PSS with SHA-512 and MGF1 with SHA-512. */
  PS512(SignatureAlgorithm.RSA_PSS_SHA512, 0),
  /** ECDSA on P-256 with SHA-256. */
  ES256(SignatureAlgorithm.ECDSA_SHA256, 256),
  /** ECDSA on P-384 with SHA-384. */
  ES384(SignatureAlgorithm.ECDSA_SHA384, 384),
  /** ECDSA on P-521 with SHA-512. */
  ES512(SignatureAlgorithm.ECDSA_SHA512, 521);

  private final SignatureAlgorithm signatureAlgorithm;
  private final int curveBits;

  JwsAlgorithm(SignatureAlgorithm signatureAlgorithm, int curveBits) {
    this.signatureAlgorithm = signatureAlgorithm;
    this.curveBits = curveBits;
  }

  /**
   * Returns the algorithm the {@link dev.onceform.signing.spi.SignerKey} is asked to use.
   *
   * @return the signer-key algorithm
   */
  public SignatureAlgorithm signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The size of the curve an ECDSA algorithm requires (P-256, P-384, P-521); 0 for RSA. */
  int curveBits() {
    return curveBits;
  }

  /** Bytes of each of R and S in the JWS form of an ECDSA signature (RFC 7518, 3.4). */
  int ecdsaIntegerLength() {
    return (curveBits + 7) / 8;
  }

  /**
   * Finds the algorithm for a JWS {@code alg} header value, e.g. {@code "ES256"}.
   *
   * @param name the {@code alg} value, case-sensitive
   * @return the algorithm, or empty if it is not one of these
   */
  public static Optional<JwsAlgorithm> fromName(String name) {
    for (JwsAlgorithm algorithm : values()) {
      if (algorithm.name().equals(name)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
