package dev.onceform.signing;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Builds the detached CMS SignedData (CAdES baseline B-B, or B-T with a signature timestamp) that
 * goes into a PDF's {@code /Contents}. Immutable and thread-safe; BouncyCastle generators live
 * inside one call.
 */
final class CadesSignatureFactory {

  private final Provider provider;

  /**
   * Digests from the JCA's installed providers (see {@link DigestAlgorithm#newDigest()});
   * stateless, each call makes a new {@code MessageDigest}.
   */
  private final DigestCalculatorProvider digests;

  CadesSignatureFactory(Provider provider) {
    this.provider = provider;
    try {
      this.digests = new JcaDigestCalculatorProviderBuilder().build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("the JCA digest calculators are not available", e);
    }
  }

  /**
   * Signs {@code signedContent} (the bytes of the PDF's ByteRange) and returns the DER-encoded CMS
   * with the certificate chain and no encapsulated content. With a timestamp client, the signature
   * value is timestamped and the token added as the unsigned attribute
   * id-aa-signatureTimeStampToken (CAdES baseline B-T).
   */
  byte[] create(
      byte[] signedContent,
      SignerKey key,
      SignatureAlgorithm algorithm,
      @Nullable TimestampClient timestamps) {
    X509Certificate certificate = key.certificate();
    try {
      SignerInfoGenerator signerInfo =
          new JcaSignerInfoGeneratorBuilder(digests)
              .setSignedAttributeGenerator(
                  PadesSignedAttributes.forCertificate(
                      certificate, DigestAlgorithm.SHA256.digest(certificate.getEncoded())))
              .build(new KeyContentSigner(key, algorithm, provider), certificate);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(signerInfo);
      generator.addCertificates(new JcaCertStore(key.certificateChain()));
      CMSSignedData signedData = generator.generate(new CMSProcessableByteArray(signedContent));
      if (timestamps != null) {
        signedData = withSignatureTimestamp(signedData, timestamps);
      }
      return signedData.getEncoded(ASN1Encoding.DER);
    } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
      throw SigningException.of(
          e,
          SigningException.CMS_FAILED,
          "the CMS signature for key '%s' could not be built: %s",
          key.id(),
          e.getMessage());
    }
  }

  private static CMSSignedData withSignatureTimestamp(
      CMSSignedData signedData, TimestampClient timestamps) {
    SignerInformation signer = signedData.getSignerInfos().iterator().next();
    TimestampToken token = timestamps.timestamp(signer.getSignature());
    Attribute attribute =
        new Attribute(
            PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
            new DERSet(ContentInfo.getInstance(token.encoded())));
    SignerInformation stamped =
        SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute));
    return CMSSignedData.replaceSigners(signedData, new SignerInformationStore(stamped));
  }
}
