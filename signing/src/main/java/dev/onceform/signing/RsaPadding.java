package dev.onceform.signing;

/**
 * The padding of an RSA signature in a PAdES signature ({@link PadesSigner.Builder#rsaPadding}).
 * ECDSA keys have no padding; asking for {@link #PSS} with one fails with {@code OF-SIGN-304}.
 */
public enum RsaPadding {
  /**
   * RSASSA-PKCS1-v1_5 (RFC 8017), signature algorithm {@code sha256WithRSAEncryption} and its
   * SHA-384/512 siblings: the default, which every PDF reader checks.
   */
  PKCS1_V1_5,
  /**
   * RSASSA-PSS (RFC 8017, in CMS per RFC 4056): signature algorithm {@code id-RSASSA-PSS} with the
   * signature's digest, MGF1 with the same digest, a salt as long as the digest and trailer field
   * 1. ETSI TS 119 312 recommends it for new RSA signatures.
   */
  PSS
}
