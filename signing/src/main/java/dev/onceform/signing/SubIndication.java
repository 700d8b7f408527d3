package dev.onceform.signing;

/**
 * Why a signature is not {@link Indication#TOTAL_PASSED}, in the vocabulary of ETSI EN 319 102-1
 * and the EU DSS library. Some constants are reserved for later checks and are not produced yet;
 * this is said on each.
 */
public enum SubIndication {
  /** (TOTAL_FAILED) The signature or the document structure is malformed. */
  FORMAT_FAILURE,
  /** (TOTAL_FAILED) The signed bytes of the document do not match the signed digest. */
  HASH_FAILURE,
  /** (TOTAL_FAILED) The signature value does not verify with the signer's public key. */
  SIG_CRYPTO_FAILURE,
  /**
   * (TOTAL_FAILED) The signer certificate was revoked before the time a signature timestamp proves
   * the signature existed at.
   */
  REVOKED,
  /**
   * (INDETERMINATE) The signer certificate was revoked, and there is no proof (signature timestamp)
   * that the signature was made before the revocation.
   */
  REVOKED_NO_POE,
  /**
   * (INDETERMINATE) A CA certificate of the chain was revoked, and there is no proof that the
   * signature was made before the revocation.
   */
  REVOKED_CA_NO_POE,
  /**
   * (TOTAL_FAILED or INDETERMINATE) A certificate was not yet valid: TOTAL_FAILED when the claimed
   * signing time is before the signer certificate's notBefore, INDETERMINATE when the validation
   * time is before a certificate's notBefore.
   */
  NOT_YET_VALID,
  /** (INDETERMINATE) The signer certificate is absent or does not match the signed reference. */
  NO_SIGNING_CERTIFICATE_FOUND,
  /** (INDETERMINATE) No chain from the signer certificate to a configured trust anchor. */
  NO_CERTIFICATE_CHAIN_FOUND,
  /** (INDETERMINATE) A chain was found but PKIX validation rejected it. */
  CERTIFICATE_CHAIN_GENERAL_FAILURE,
  /**
   * (INDETERMINATE) A certificate is expired at the validation or claimed signing time, and there
   * is no proof of existence (timestamp) from before its expiry.
   */
  OUT_OF_BOUNDS_NO_POE,
  /**
   * (INDETERMINATE) A certificate is expired but known not to be revoked. Not produced yet: no
   * revocation check.
   */
  OUT_OF_BOUNDS_NOT_REVOKED,
  /** (INDETERMINATE) A constraint on the signature failed, e.g. unsigned changes after it. */
  SIG_CONSTRAINTS_FAILURE,
  /** (INDETERMINATE) A constraint on the certificate chain failed, e.g. key usage. */
  CHAIN_CONSTRAINTS_FAILURE,
  /** (INDETERMINATE) The algorithm or key size is not accepted (SHA-1, MD5, RSA under 2048). */
  CRYPTO_CONSTRAINTS_FAILURE,
  /**
   * (INDETERMINATE) The document has a Document Security Store (it claims B-LT) but no valid
   * revocation data issued at or after the signing time for a certificate of the chain: fresher
   * data may become available later.
   */
  TRY_LATER
}
