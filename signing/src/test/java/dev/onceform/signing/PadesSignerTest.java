package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.spi.SignerKey;
import dev.onceform.signing.testing.FakeSignerKey;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;

class PadesSignerTest {

  static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();

  private static PadesSigner signer(SignerKey key) {
    return PadesSigner.builder().key(key).clock(CLOCK).build();
  }

  @Test
  void sign_pdf_appendsIncrementalUpdateAndKeepsInputBytes() throws Exception {
    byte[] input = TestPdfs.onePage("Hello OnceForm");

    byte[] signed = signer(PKI.signerKey()).sign(input);

    assertThat(signed.length).isGreaterThan(input.length);
    assertThat(Arrays.copyOf(signed, input.length)).isEqualTo(input);
    String text = new String(signed, StandardCharsets.ISO_8859_1);
    assertThat(text).contains("/SubFilter /ETSI.CAdES.detached").contains("/M (D:20261123083000");
    assertThat(TestPdfs.pageCount(signed)).isEqualTo(1);
  }

  @Test
  void sign_pdf_cmsHasPadesSignedAttributesAndChain() throws Exception {
    byte[] signed = signer(PKI.signerKey()).sign(TestPdfs.onePage("attributes"));

    CMSSignedData cms = new CMSSignedData(SignedPdfParts.lastSignature(signed).cms());
    SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
    AttributeTable attributes = signerInfo.getSignedAttributes();

    assertThat(cms.isDetachedSignature()).isTrue();
    assertThat(attributes.get(CMSAttributes.contentType)).isNotNull();
    assertThat(attributes.get(CMSAttributes.messageDigest)).isNotNull();
    assertThat(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
    assertThat(attributes.get(CMSAttributes.signingTime)).isNull();
    assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
    assertThat(signerInfo.getDigestAlgOID()).isEqualTo(DigestAlgorithm.SHA256.oid());
  }

  @Test
  void sign_sameInputKeyAndClock_byteIdenticalOutput() throws Exception {
    byte[] input = TestPdfs.onePage("determinism");
    PadesSigner signer = signer(PKI.signerKey());

    assertThat(signer.sign(input)).isEqualTo(signer.sign(input));
  }

  @Test
  void sign_alreadySignedPdf_keepsFirstSignatureBytes() throws Exception {
    byte[] once = signer(PKI.signerKey()).sign(TestPdfs.onePage("twice"));

    byte[] twice = signer(PKI.signerKey()).sign(once);

    assertThat(Arrays.copyOf(twice, once.length)).isEqualTo(once);
  }

  @Test
  void sign_notPdf_throwsNotAPdf() {
    byte[] notPdf = "this is not a PDF".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> signer(PKI.signerKey()).sign(notPdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-201")
        .extracting(e -> ((SigningException) e).code())
        .isEqualTo(SigningException.NOT_A_PDF);
  }

  @Test
  void sign_emptyBytes_throwsNotAPdf() {
    assertThatThrownBy(() -> signer(PKI.signerKey()).sign(new byte[0]))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-201")
        .hasMessageContaining("empty");
  }

  @Test
  void sign_pdfWithoutPages_throwsNoPages() throws Exception {
    byte[] noPages = TestPdfs.noPages();

    assertThatThrownBy(() -> signer(PKI.signerKey()).sign(noPages))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-203");
  }

  @Test
  void sign_expiredCertificate_throwsCertificateExpired() throws Exception {
    TestPki expired =
        TestPki.builder().clock(CLOCK).signerValidity(TestPki.SignerValidity.EXPIRED).build();
    byte[] pdf = TestPdfs.onePage("expired");

    assertThatThrownBy(() -> signer(expired.signerKey()).sign(pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-301")
        .hasMessageContaining("Hòa Phú");
  }

  @Test
  void sign_notYetValidCertificate_throwsCertificateNotYetValid() throws Exception {
    TestPki future =
        TestPki.builder().clock(CLOCK).signerValidity(TestPki.SignerValidity.NOT_YET_VALID).build();
    byte[] pdf = TestPdfs.onePage("future");

    assertThatThrownBy(() -> signer(future.signerKey()).sign(pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-302");
  }

  @Test
  void sign_keyEnciphermentOnlyCertificate_throwsKeyUsage() throws Exception {
    TestPki encipherment =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(TestPki.KeyType.EC_P256)
            .signerKeyUsage(TestPki.SignerKeyUsage.KEY_ENCIPHERMENT_ONLY)
            .build();
    byte[] pdf = TestPdfs.onePage("key usage");

    assertThatThrownBy(() -> signer(encipherment.signerKey()).sign(pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-303");
  }

  @Test
  void sign_keyPairedWithAnotherCertificate_throwsSignatureMismatch() throws Exception {
    TestPki other = TestPki.builder().clock(CLOCK).build();
    SignerKey mismatched =
        FakeSignerKey.claimingChain(PKI.signerKey(), other.signerKey().certificateChain());
    byte[] pdf = TestPdfs.onePage("mismatch");

    assertThatThrownBy(() -> signer(mismatched).sign(pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-306");
  }

  @Test
  void sign_keyThrowsUncheckedException_wrapsAsSignerKeyFailed() throws Exception {
    SignerKey broken =
        FakeSignerKey.failingWith(PKI.signerKey(), new IllegalStateException("token removed"));
    byte[] pdf = TestPdfs.onePage("broken key");

    assertThatThrownBy(() -> signer(broken).sign(pdf))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-305")
        .hasMessageContaining("token removed")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void build_withoutKey_throwsIllegalState() {
    assertThatThrownBy(() -> PadesSigner.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("key is required");
  }

  @Test
  void reason_blank_throwsIllegalArgumentQuotingValue() {
    assertThatThrownBy(() -> PadesSigner.builder().reason("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason must not be blank, but was '  '");
  }

  @Test
  void toBuilder_changedClock_keepsKey() throws Exception {
    PadesSigner original = signer(PKI.signerKey());
    Instant later = NOW.plusSeconds(3600);

    byte[] signed =
        original.toBuilder()
            .clock(Clock.fixed(later, ZoneOffset.UTC))
            .build()
            .sign(TestPdfs.onePage("x"));

    assertThat(new String(signed, StandardCharsets.ISO_8859_1)).contains("/M (D:20261123093000");
  }
}
