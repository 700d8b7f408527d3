package dev.onceform.signing;

/** The PAdES baseline level a signature's structure meets (ETSI EN 319 142-1). */
public enum PadesLevel {
  /**
   * Not a PAdES baseline signature, e.g. {@code adbe.pkcs7.detached}, a CMS with a signing-time
   * attribute, or one without signing-certificate-v2.
   */
  NONE,
  /**
   * Baseline B-B: {@code ETSI.CAdES.detached}, signing-certificate-v2 present, no CMS signing-time.
   */
  B_B,
  /**
   * Baseline B-T: B-B plus a signature timestamp (the unsigned attribute
   * id-aa-signatureTimeStampToken) from an RFC 3161 time-stamping authority over the signature
   * value. A verifier reports it only when the token verifies.
   */
  B_T,
  /**
   * Baseline B-LT: B-T plus, in the document's Document Security Store ({@code /DSS}, added by an
   * incremental update after the signature), the certificates and valid revocation data (CRLs or
   * OCSP responses issued after the signature timestamp) of the signer's certificate chain. A
   * verifier reports it only when that data shows every certificate of the chain was not revoked.
   */
  B_LT,
  /**
   * Baseline B-LTA: B-LT plus a document timestamp ({@code /Type /DocTimeStamp}, {@code /SubFilter
   * /ETSI.RFC3161}) in a later incremental update, over the signature and its DSS: it proves the
   * validation data existed at the token's time, so the document can be re-timestamped before the
   * TSA's certificate expires. A verifier reports it only when the document timestamp verifies.
   */
  B_LTA
}
