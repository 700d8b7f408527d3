package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import java.util.Optional;

/**
 * The signature algorithms accepted in a CMS SignerInfo: RSA PKCS#1 v1.5 and ECDSA with a SHA-2
 * digest. A combined OID (e.g. sha256WithRSAEncryption) must name the SignerInfo's digest.
 */
final class CmsAlgorithms {

  private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";

  private CmsAlgorithms() {}

  static Optional<SignatureAlgorithm> signatureAlgorithm(String oid, DigestAlgorithm digest) {
    return switch (oid) {
      case RSA_ENCRYPTION -> SignatureAlgorithm.of("RSA", digest);
      case EC_PUBLIC_KEY -> SignatureAlgorithm.of("EC", digest);
      case "1.2.840.113549.1.1.11" -> combined("RSA", DigestAlgorithm.SHA256, digest);
      case "1.2.840.113549.1.1.12" -> combined("RSA", DigestAlgorithm.SHA384, digest);
      case "1.2.840.113549.1.1.13" -> combined("RSA", DigestAlgorithm.SHA512, digest);
      case "1.2.840.10045.4.3.2" -> combined("EC", DigestAlgorithm.SHA256, digest);
      case "1.2.840.10045.4.3.3" -> combined("EC", DigestAlgorithm.SHA384, digest);
      case "1.2.840.10045.4.3.4" -> combined("EC", DigestAlgorithm.SHA512, digest);
      default -> Optional.empty();
    };
  }

  private static Optional<SignatureAlgorithm> combined(
      String keyAlgorithm, DigestAlgorithm named, DigestAlgorithm digest) {
    return named == digest ? SignatureAlgorithm.of(keyAlgorithm, digest) : Optional.empty();
  }
}
