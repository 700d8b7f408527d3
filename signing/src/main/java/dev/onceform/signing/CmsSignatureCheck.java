package dev.onceform.signing;

import static dev.onceform.signing.Indication.INDETERMINATE;
import static dev.onceform.signing.Indication.TOTAL_FAILED;

import dev.onceform.signing.spi.SignatureAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;

/**
 * Checks the CMS of one signature, in the order of ETSI EN 319 102-1: structure, algorithms,
 * message digest over the signed bytes, signer certificate, signature value, signing-certificate-v2
 * reference. Immutable and thread-safe.
 */
final class CmsSignatureCheck {

  private final Provider provider;
  private final SigningCertificateReference reference;

  CmsSignatureCheck(Provider provider) {
    this.provider = provider;
    this.reference = new SigningCertificateReference();
  }

  CmsFacts check(byte[] contents, byte[] signedContent, ReportDraft draft)
      throws VerificationFailure {
    CMSSignedData signedData = CmsContainer.parse(contents, signedContent);
    SignerInformation signerInfo = CmsContainer.onlySigner(signedData);
    DigestAlgorithm digest =
        DigestAlgorithm.fromOid(signerInfo.getDigestAlgOID())
            .orElseThrow(
                () -> notAccepted("crypto.digestNotAccepted", signerInfo.getDigestAlgOID()));
    AttributeTable attributes = signedAttributes(signerInfo);
    checkMessageDigest(attributes, digest, signedContent);
    List<X509Certificate> certificates = certificates(signedData);
    X509Certificate signer = signerCertificate(signedData, signerInfo);
    draft.signerCertificate(signer);
    checkSignatureValue(signerInfo, digest, signer);
    boolean hasReference = reference.check(attributes, signer);
    return new CmsFacts(signer, certificates, signingTime(attributes), hasReference, signerInfo);
  }

  private static AttributeTable signedAttributes(SignerInformation signerInfo)
      throws VerificationFailure {
    AttributeTable attributes = signerInfo.getSignedAttributes();
    if (attributes == null) {
      throw VerificationFailure.format("cms.noSignedAttributes");
    }
    ASN1Encodable contentType = singleValue(attributes, CMSAttributes.contentType, "content-type");
    if (!CMSObjectIdentifiers.data.equals(contentType)) {
      throw VerificationFailure.format("cms.attributeInvalid", "content-type");
    }
    return attributes;
  }

  /** Returns the only value of the attribute, which must occur once. */
  static ASN1Encodable singleValue(
      AttributeTable attributes, ASN1ObjectIdentifier type, String name)
      throws VerificationFailure {
    Optional<Attribute> attribute = single(attributes, type, name);
    if (attribute.isEmpty() || attribute.get().getAttrValues().size() != 1) {
      throw VerificationFailure.format("cms.attributeInvalid", name);
    }
    return attribute.get().getAttrValues().getObjectAt(0);
  }

  /** Returns the attribute if it occurs once, empty if absent; fails if it occurs more often. */
  static Optional<Attribute> single(
      AttributeTable attributes, ASN1ObjectIdentifier type, String name)
      throws VerificationFailure {
    int count = attributes.getAll(type).size();
    if (count > 1) {
      throw VerificationFailure.format("cms.attributeInvalid", name);
    }
    return count == 0 ? Optional.empty() : Optional.of(attributes.get(type));
  }

  private void checkMessageDigest(
      AttributeTable attributes, DigestAlgorithm digest, byte[] signedContent)
      throws VerificationFailure {
    ASN1Encodable value = singleValue(attributes, CMSAttributes.messageDigest, "message-digest");
    if (!(value instanceof ASN1OctetString octets)) {
      throw VerificationFailure.format("cms.attributeInvalid", "message-digest");
    }
    byte[] claimed = octets.getOctets();
    byte[] actual = digest.digest(signedContent);
    if (!MessageDigest.isEqual(claimed, actual)) {
      throw new VerificationFailure(TOTAL_FAILED, SubIndication.HASH_FAILURE, "hash.mismatch");
    }
  }

  private static List<X509Certificate> certificates(CMSSignedData signedData)
      throws VerificationFailure {
    List<X509Certificate> certificates = new ArrayList<>();
    for (X509CertificateHolder holder : signedData.getCertificates().getMatches(null)) {
      certificates.add(toX509(holder));
    }
    return certificates;
  }

  private static X509Certificate signerCertificate(
      CMSSignedData signedData, SignerInformation signerInfo) throws VerificationFailure {
    SignerId signerId = signerInfo.getSID();
    for (X509CertificateHolder holder : signedData.getCertificates().getMatches(null)) {
      if (signerId.match(holder)) {
        return toX509(holder);
      }
    }
    throw new VerificationFailure(
        INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "cert.signerMissing");
  }

  static X509Certificate toX509(X509CertificateHolder holder) throws VerificationFailure {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate)
          factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
    } catch (CertificateException | IOException e) {
      throw VerificationFailure.format("cms.unreadable", PdfSignatureReader.describe(e));
    }
  }

  private void checkSignatureValue(
      SignerInformation signerInfo, DigestAlgorithm digest, X509Certificate signer)
      throws VerificationFailure {
    String encryptionOid = signerInfo.getEncryptionAlgOID();
    SignatureAlgorithm algorithm =
        CmsAlgorithms.signatureAlgorithm(encryptionOid, digest)
            .orElseThrow(() -> notAccepted("crypto.algorithmNotAccepted", encryptionOid));
    Optional<PSSParameterSpec> pss =
        CmsAlgorithms.pssParameters(
            signerInfo.toASN1Structure().getDigestEncryptionAlgorithm(), digest);
    PublicKey publicKey = signer.getPublicKey();
    if (publicKey instanceof RSAPublicKey rsa) {
      int bits = rsa.getModulus().bitLength();
      if (bits < SignerCertificatePolicy.MIN_RSA_BITS) {
        throw notAccepted(
            "crypto.keyTooSmall",
            Integer.toString(bits),
            Integer.toString(SignerCertificatePolicy.MIN_RSA_BITS));
      }
    }
    boolean valid;
    try {
      Signature signature = Signature.getInstance(algorithm.jcaName(), provider);
      signature.initVerify(publicKey);
      if (pss.isPresent()) {
        signature.setParameter(pss.get());
      }
      signature.update(signerInfo.getEncodedSignedAttributes());
      valid = signature.verify(signerInfo.getSignature());
    } catch (GeneralSecurityException | IOException e) {
      // A key of the wrong type or a malformed signature value: the signature does not verify.
      throw new VerificationFailure(
          TOTAL_FAILED,
          SubIndication.SIG_CRYPTO_FAILURE,
          "crypto.signatureUnverifiable",
          PdfSignatureReader.describe(e));
    }
    if (!valid) {
      throw new VerificationFailure(
          TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE, "crypto.signatureInvalid");
    }
  }

  private static Optional<Instant> signingTime(AttributeTable attributes)
      throws VerificationFailure {
    Optional<Attribute> attribute = single(attributes, CMSAttributes.signingTime, "signing-time");
    if (attribute.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Time.getInstance(attribute.get().getAttrValues().getObjectAt(0)).getDate().toInstant());
    } catch (IllegalArgumentException e) {
      throw VerificationFailure.format("cms.attributeInvalid", "signing-time");
    }
  }

  private static VerificationFailure notAccepted(String key, String... args) {
    return new VerificationFailure(
        INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE, key, args);
  }
}
