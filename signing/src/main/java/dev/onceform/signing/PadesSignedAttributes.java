package dev.onceform.signing;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cms.CMSAttributeTableGenerator;

/**
 * The signed attributes of a PAdES baseline B-B signature: content-type, message-digest and
 * signing-certificate-v2 (ESSCertIDv2 over SHA-256 with issuer and serial), and deliberately no
 * signing-time: PAdES carries the signing time in the signature dictionary's {@code /M}.
 */
final class PadesSignedAttributes implements CMSAttributeTableGenerator {

  private final Attribute signingCertificate;

  private PadesSignedAttributes(Attribute signingCertificate) {
    this.signingCertificate = signingCertificate;
  }

  static PadesSignedAttributes forCertificate(X509Certificate certificate, byte[] sha256)
      throws CertificateEncodingException {
    X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(new GeneralNames(new GeneralName(issuer)), certificate.getSerialNumber());
    ESSCertIDv2 id = new ESSCertIDv2(sha256, issuerSerial);
    Attribute attribute =
        new Attribute(
            PKCSObjectIdentifiers.id_aa_signingCertificateV2,
            new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    return new PadesSignedAttributes(attribute);
  }

  @Override
  @SuppressWarnings("rawtypes") // the BouncyCastle interface uses a raw Map
  public AttributeTable getAttributes(Map parameters) {
    ASN1ObjectIdentifier contentType =
        (ASN1ObjectIdentifier)
            Objects.requireNonNull(parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE));
    byte[] digest =
        (byte[]) Objects.requireNonNull(parameters.get(CMSAttributeTableGenerator.DIGEST));
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(contentType)));
    attributes.add(
        new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(digest))));
    attributes.add(signingCertificate);
    return new AttributeTable(attributes);
  }
}
