package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onceform.signing.testing.TestPki;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.junit.jupiter.api.Test;

class SigningCertificateReferenceTest {

  private static final TestPki PKI = TestPki.builder().keyType(TestPki.KeyType.EC_P256).build();
  private static final SigningCertificateReference REFERENCE = new SigningCertificateReference();

  private static AttributeTable attributesReferencing(X509Certificate certificate)
      throws Exception {
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return PadesSignedAttributes.forCertificate(certificate, sha256)
        .getAttributes(
            Map.of(
                CMSAttributeTableGenerator.CONTENT_TYPE,
                CMSObjectIdentifiers.data,
                CMSAttributeTableGenerator.DIGEST,
                new byte[32]));
  }

  @Test
  void check_referenceToSigner_present() throws Exception {
    assertThat(
            REFERENCE.check(
                attributesReferencing(PKI.signerCertificate()), PKI.signerCertificate()))
        .isTrue();
  }

  @Test
  void check_referenceToAnotherCertificate_indeterminateNoSigningCertificateFound()
      throws Exception {
    AttributeTable attributes = attributesReferencing(PKI.caCertificate());

    VerificationFailure failure =
        catchThrowableOfType(
            VerificationFailure.class, () -> REFERENCE.check(attributes, PKI.signerCertificate()));

    assertThat(failure.finding().indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(failure.finding().subIndication())
        .isEqualTo(Optional.of(SubIndication.NO_SIGNING_CERTIFICATE_FOUND));
  }

  @Test
  void check_noReference_absent() throws Exception {
    assertThat(
            REFERENCE.check(new AttributeTable(new ASN1EncodableVector()), PKI.signerCertificate()))
        .isFalse();
  }
}
