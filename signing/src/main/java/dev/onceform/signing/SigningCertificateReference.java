package dev.onceform.signing;

import static dev.onceform.signing.Indication.INDETERMINATE;

import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.jspecify.annotations.Nullable;

/**
 * Checks the signing-certificate-v2 attribute (RFC 5035): the first ESSCertIDv2 must hold the hash
 * of the signer certificate and, if present, its issuer and serial number. This stops an attacker
 * from swapping the signer certificate for another one with the same key.
 */
final class SigningCertificateReference {

  /**
   * Returns true if the attribute is present and matches, false if it is absent.
   *
   * @throws VerificationFailure NO_SIGNING_CERTIFICATE_FOUND if it does not match the signer
   */
  boolean check(AttributeTable attributes, X509Certificate signer) throws VerificationFailure {
    Optional<Attribute> attribute =
        CmsSignatureCheck.single(
            attributes, PKCSObjectIdentifiers.id_aa_signingCertificateV2, "signing-certificate-v2");
    if (attribute.isEmpty()) {
      return false;
    }
    ESSCertIDv2 id = firstCertId(attribute.get().getAttrValues().getObjectAt(0));
    String hashOid = id.getHashAlgorithm().getAlgorithm().getId();
    DigestAlgorithm digest =
        DigestAlgorithm.fromOid(hashOid)
            .orElseThrow(
                () ->
                    new VerificationFailure(
                        INDETERMINATE,
                        SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                        "crypto.digestNotAccepted",
                        hashOid));
    if (!MessageDigest.isEqual(id.getCertHash(), hash(digest, signer))
        || !issuerSerialMatches(id.getIssuerSerial(), signer)) {
      throw new VerificationFailure(
          INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "cert.referenceMismatch");
    }
    return true;
  }

  private static ESSCertIDv2 firstCertId(ASN1Encodable value) throws VerificationFailure {
    ESSCertIDv2[] ids;
    try {
      ids = SigningCertificateV2.getInstance(value).getCerts();
    } catch (IllegalArgumentException e) {
      throw VerificationFailure.format("cms.attributeInvalid", "signing-certificate-v2");
    }
    if (ids.length == 0) {
      throw VerificationFailure.format("cms.attributeInvalid", "signing-certificate-v2");
    }
    return ids[0];
  }

  private byte[] hash(DigestAlgorithm digest, X509Certificate certificate)
      throws VerificationFailure {
    try {
      return digest.digest(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw VerificationFailure.format("cms.unreadable", PdfSignatureReader.describe(e));
    }
  }

  private static boolean issuerSerialMatches(
      @Nullable IssuerSerial issuerSerial, X509Certificate signer) {
    if (issuerSerial == null) {
      return true;
    }
    if (!issuerSerial.getSerial().hasValue(signer.getSerialNumber())) {
      return false;
    }
    X500Name issuer = X500Name.getInstance(signer.getIssuerX500Principal().getEncoded());
    for (GeneralName name : issuerSerial.getIssuer().getNames()) {
      if (name.getTagNo() == GeneralName.directoryName
          && X500Name.getInstance(name.getName()).equals(issuer)) {
        return true;
      }
    }
    return false;
  }
}
