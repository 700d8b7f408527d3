package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import java.math.BigInteger;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.SignatureAlgorithmIdentifierFinder;

/**
 * The signature algorithms accepted in a CMS SignerInfo: RSA PKCS#1 v1.5, RSASSA-PSS (RFC 4056) and
 * ECDSA, each with a SHA-2 digest. A combined OID (e.g. sha256WithRSAEncryption) and the RSASSA-PSS
 * parameters must name the SignerInfo's digest.
 */
final class CmsAlgorithms {

  private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
  private static final String RSASSA_PSS = PKCSObjectIdentifiers.id_RSASSA_PSS.getId();
  private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
  private static final SignatureAlgorithmIdentifierFinder FINDER =
      new DefaultSignatureAlgorithmIdentifierFinder();

  private CmsAlgorithms() {}

  /**
   * The AlgorithmIdentifier a SignerInfo gets for the algorithm: for RSASSA-PSS, id-RSASSA-PSS with
   * the digest, MGF1 with the same digest, a salt as long as the digest and trailer field 1.
   */
  static AlgorithmIdentifier identifier(SignatureAlgorithm algorithm) {
    return algorithm.parameterSpec().isPresent()
        ? FINDER.find(algorithm.digestAlgorithm().name() + "WITHRSAANDMGF1")
        : FINDER.find(algorithm.jcaName());
  }

  static Optional<SignatureAlgorithm> signatureAlgorithm(String oid, DigestAlgorithm digest) {
    if (RSASSA_PSS.equals(oid)) {
      return Optional.of(pss(digest));
    }
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

  /**
   * The parameters to verify an id-RSASSA-PSS signature with, read from its AlgorithmIdentifier:
   * empty for any other algorithm. Accepted: the SignerInfo's digest as hash, MGF1 with the same
   * digest, a salt of at most the digest's length (FIPS 186-5, 5.4) and trailer field 1 (RFC 4056).
   *
   * @throws VerificationFailure FORMAT_FAILURE with {@code cms.pssParameters} for anything else
   */
  static Optional<PSSParameterSpec> pssParameters(
      AlgorithmIdentifier identifier, DigestAlgorithm digest) throws VerificationFailure {
    if (!identifier.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
      return Optional.empty();
    }
    ASN1Encodable encoded = identifier.getParameters();
    if (encoded == null || encoded instanceof DERNull) {
      // Absent parameters mean SHA-1 and MGF1 with SHA-1 (RFC 4055).
      throw VerificationFailure.format("cms.pssParameters", "SHA-1 (no parameters)");
    }
    RSASSAPSSparams params;
    try {
      params = RSASSAPSSparams.getInstance(encoded);
    } catch (IllegalArgumentException e) {
      throw VerificationFailure.format("cms.pssParameters", "unreadable parameters");
    }
    String hash = params.getHashAlgorithm().getAlgorithm().getId();
    if (!hash.equals(digest.oid())) {
      throw VerificationFailure.format(
          "cms.pssParameters", "hash " + hash + " instead of " + digest.jcaName());
    }
    AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
    if (!mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
        || !AlgorithmIdentifier.getInstance(mgf.getParameters())
            .getAlgorithm()
            .getId()
            .equals(digest.oid())) {
      throw VerificationFailure.format(
          "cms.pssParameters", "mask generation other than MGF1 with " + digest.jcaName());
    }
    int maxSalt =
        switch (digest) {
          case SHA256 -> 32;
          case SHA384 -> 48;
          case SHA512 -> 64;
        };
    BigInteger salt = params.getSaltLength();
    if (salt.signum() < 0 || salt.compareTo(BigInteger.valueOf(maxSalt)) > 0) {
      throw VerificationFailure.format(
          "cms.pssParameters", "salt of " + salt + " bytes (at most " + maxSalt + ")");
    }
    int saltLength = salt.intValue();
    if (!params.getTrailerField().equals(BigInteger.ONE)) {
      throw VerificationFailure.format(
          "cms.pssParameters", "trailer field " + params.getTrailerField());
    }
    return Optional.of(
        new PSSParameterSpec(
            digest.jcaName(),
            "MGF1",
            new MGF1ParameterSpec(digest.jcaName()),
            saltLength,
            PSSParameterSpec.TRAILER_FIELD_BC));
  }

  /** RSASSA-PSS with the digest, in MGF1 too, and a salt as long as the digest. */
  static SignatureAlgorithm pss(DigestAlgorithm digest) {
    return switch (digest) {
      case SHA256 -> SignatureAlgorithm.RSA_PSS_SHA256;
      case SHA384 -> SignatureAlgorithm.RSA_PSS_SHA384;
      case SHA512 -> SignatureAlgorithm.RSA_PSS_SHA512;
    };
  }

  private static Optional<SignatureAlgorithm> combined(
      String keyAlgorithm, DigestAlgorithm named, DigestAlgorithm digest) {
    return named == digest ? SignatureAlgorithm.of(keyAlgorithm, digest) : Optional.empty();
  }
}
