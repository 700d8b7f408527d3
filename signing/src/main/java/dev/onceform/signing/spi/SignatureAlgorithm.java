package dev.onceform.signing.spi;

import dev.onceform.signing.DigestAlgorithm;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/**
 * Signature algorithms a {@link SignerKey} is asked to use. RSA means PKCS#1 v1.5 unless the name
 * says PSS; ECDSA returns the DER-encoded {@code SEQUENCE {r, s}}, as the JCA does.
 *
 * <p>Constants may be added in later versions.
 */
public enum SignatureAlgorithm {
  /** RSA PKCS#1 v1.5 with SHA-256. */
  RSA_SHA256("SHA256withRSA", "RSA", DigestAlgorithm.SHA256),
  /** RSA PKCS#1 v1.5 with SHA-384. */
  RSA_SHA384("SHA384withRSA", "RSA", DigestAlgorithm.SHA384),
  /** RSA PKCS#1 v1.5 with SHA-512. */
  RSA_SHA512("SHA512withRSA", "RSA", DigestAlgorithm.SHA512),
  /** ECDSA with SHA-256 (for example on the P-256 curve). */
  ECDSA_SHA256("SHA256withECDSA", "EC", DigestAlgorithm.SHA256),
  /** ECDSA with SHA-384. */
  ECDSA_SHA384("SHA384withECDSA", "EC", DigestAlgorithm.SHA384),
  /** ECDSA with SHA-512. */
  ECDSA_SHA512("SHA512withECDSA", "EC", DigestAlgorithm.SHA512),
  /**
   * RSASSA-PSS with SHA-256, MGF1 with SHA-256, a 32-byte salt and trailer field 1 (as JWS {@code
   * PS256} requires); the JCA name is {@code RSASSA-PSS} with {@link #parameterSpec()}.
   */
  RSA_PSS_SHA256("RSASSA-PSS", "RSA", DigestAlgorithm.SHA256),
  /** RSASSA-PSS with SHA-384, MGF1 with SHA-384, a 48-byte salt (JWS {@code PS384}). */
  RSA_PSS_SHA384("RSASSA-PSS", "RSA", DigestAlgorithm.SHA384),
  /** RSASSA-PSS with SHA-512, MGF1 with SHA-512, a 64-byte salt (JWS {@code PS512}). */
  RSA_PSS_SHA512("RSASSA-PSS", "RSA", DigestAlgorithm.SHA512);

  private final String jcaName;
  private final String keyAlgorithm;
  private final DigestAlgorithm digestAlgorithm;

  SignatureAlgorithm(String jcaName, String keyAlgorithm, DigestAlgorithm digestAlgorithm) {
    this.jcaName = jcaName;
    this.keyAlgorithm = keyAlgorithm;
    this.digestAlgorithm = digestAlgorithm;
  }

  /**
   * Returns the parameters to pass to {@code Signature.setParameter} after {@code initSign} or
   * {@code initVerify}: present for the RSASSA-PSS constants only.
   *
   * @return the parameters, or empty if the algorithm takes none
   */
  public Optional<AlgorithmParameterSpec> parameterSpec() {
    if (!"RSASSA-PSS".equals(jcaName)) {
      return Optional.empty();
    }
    String digest = digestAlgorithm.jcaName();
    int saltLength =
        switch (digestAlgorithm) {
          case SHA256 -> 32;
          case SHA384 -> 48;
          case SHA512 -> 64;
        };
    return Optional.of(
        new PSSParameterSpec(
            digest,
            "MGF1",
            new MGF1ParameterSpec(digest),
            saltLength,
            PSSParameterSpec.TRAILER_FIELD_BC));
  }

  /**
   * Returns the standard JCA {@code Signature} name, e.g. {@code SHA256withRSA}.
   *
   * @return the JCA name
   */
  public String jcaName() {
    return jcaName;
  }

  /**
   * Returns the JCA key algorithm this signature algorithm needs: {@code RSA} or {@code EC}.
   *
   * @return the key algorithm
   */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  /**
   * Returns the digest algorithm; a key that signs remotely hashes with it and sends only the hash.
   *
   * @return the digest algorithm
   */
  public DigestAlgorithm digestAlgorithm() {
    return digestAlgorithm;
  }

  /**
   * Finds the algorithm for a key algorithm and a digest; for RSA this is PKCS#1 v1.5, never PSS.
   *
   * @param keyAlgorithm a JCA key algorithm name: {@code RSA}, {@code EC} (or {@code ECDSA})
   * @param digest the digest algorithm
   * @return the signature algorithm, or empty if the key algorithm is not supported
   */
  public static Optional<SignatureAlgorithm> of(String keyAlgorithm, DigestAlgorithm digest) {
    String normalized = "ECDSA".equals(keyAlgorithm) ? "EC" : keyAlgorithm;
    for (SignatureAlgorithm algorithm : values()) {
      if (algorithm.keyAlgorithm.equals(normalized)
          && algorithm.digestAlgorithm == digest
          && algorithm.parameterSpec().isEmpty()) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
