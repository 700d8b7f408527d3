package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PAdES B-T: signing with a signature timestamp from {@link TestTsa}, and verifying it. */
class PadesTimestampTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The TSA's clock runs a little later than the signer's, so the two times can be told apart. */
  private static final Instant TSA_TIME = NOW.plusSeconds(7);

  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();
  private static final SignatureVerifier VERIFIER =
      SignatureVerifier.builder()
          .trustAnchor(PKI.caCertificate())
          .clock(Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC))
          .build();

  private static TestTsa tsa;
  private static TimestampClient client;

  @BeforeAll
  static void startTsa() {
    tsa =
        TestTsa.builder()
            .key(PKI.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(TSA_TIME, ZoneOffset.UTC))
            .start();
    client =
        TimestampClient.builder()
            .url(tsa.url())
            .trustAnchor(PKI.caCertificate())
            .clock(CLOCK)
            .build();
  }

  @AfterAll
  static void stopTsa() {
    tsa.close();
  }

  static byte[] signedBt(TimestampClient timestamps) throws Exception {
    return PadesSigner.builder()
        .key(PKI.signerKey())
        .clock(CLOCK)
        .level(PadesLevel.B_T)
        .timestampClient(timestamps)
        .build()
        .sign(TestPdfs.onePage("Signed and timestamped"));
  }

  @Test
  void signBt_tsaSigningWithRsaPss_totalPassedAndTheTokenIsPss() throws Exception {
    // The default TestPki key is RSA-2048; this TSA signs its tokens with RSASSA-PSS.
    try (TestTsa pss =
        TestTsa.builder()
            .key(PKI.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(TSA_TIME, ZoneOffset.UTC))
            .rsaPadding(RsaPadding.PSS)
            .start()) {
      TimestampClient pssClient =
          TimestampClient.builder()
              .url(pss.url())
              .trustAnchor(PKI.caCertificate())
              .clock(CLOCK)
              .build();

      org.bouncycastle.tsp.TimeStampToken token =
          new org.bouncycastle.tsp.TimeStampToken(
              org.bouncycastle.asn1.cms.ContentInfo.getInstance(
                  pssClient.timestamp(new byte[] {1, 2, 3}).encoded()));
      VerificationReport report = VERIFIER.verify(signedBt(pssClient));

      assertThat(token.toCMSSignedData().getSignerInfos().iterator().next().getEncryptionAlgOID())
          .isEqualTo("1.2.840.113549.1.1.10"); // id-RSASSA-PSS
      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(report.signatures().get(0).timestampedSigningTime()).contains(TSA_TIME);
    }
  }

  @Test
  void signBt_verify_reportsBtWithTimestampBesideClaimedTime() throws Exception {
    VerificationReport report = VERIFIER.verify(signedBt(client));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.level()).isEqualTo(PadesLevel.B_T);
    assertThat(signature.claimedSigningTime()).contains(NOW);
    assertThat(signature.timestampedSigningTime()).contains(TSA_TIME);
    assertThat(signature.toString()).contains("timestampedSigningTime=" + TSA_TIME);
  }

  @Test
  void signBt_contentsString_fitsThePdfALimitOf32767Bytes() throws Exception {
    String pdf = new String(signedBt(client), StandardCharsets.ISO_8859_1);
    Matcher range = Pattern.compile("/ByteRange\\s*\\[\\s*0\\s+(\\d+)\\s+(\\d+)").matcher(pdf);

    assertThat(range.find()).isTrue();
    int hexDigits = Integer.parseInt(range.group(2)) - Integer.parseInt(range.group(1)) - 2;
    assertThat(hexDigits / 2).isLessThanOrEqualTo(32767).isGreaterThan(20000);
  }

  @Test
  void signBt_cms_holdsSignatureTimestampOverTheSignatureValue() throws Exception {
    CMSSignedData cms = new CMSSignedData(SignedPdfParts.lastSignature(signedBt(client)).cms());
    SignerInformation signer = cms.getSignerInfos().iterator().next();

    Attribute attribute =
        signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    TimeStampToken token =
        new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));

    assertThat(token.getTimeStampInfo().getMessageImprintDigest())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));
    assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isEqualTo(TSA_TIME);
  }

  @Test
  void signBb_verify_noTimestampedTime() throws Exception {
    byte[] signed =
        PadesSigner.builder().key(PKI.signerKey()).clock(CLOCK).build().sign(TestPdfs.onePage("B"));

    SignatureReport signature = VERIFIER.verify(signed).signatures().get(0);

    assertThat(signature.level()).isEqualTo(PadesLevel.B_B);
    assertThat(signature.timestampedSigningTime()).isEmpty();
  }

  @Test
  void verify_timestampSignatureAltered_totalFailedSigCrypto() throws Exception {
    byte[] signed = signedBt(client);
    SignedPdfParts parts = SignedPdfParts.lastSignature(signed);
    byte[] cms = parts.cms();
    byte[] tsaSignature =
        tokenOf(new CMSSignedData(cms))
            .toCMSSignedData()
            .getSignerInfos()
            .iterator()
            .next()
            .getSignature();
    int at = indexOf(cms, tsaSignature);
    cms[at + tsaSignature.length - 1] ^= 0x01;

    VerificationReport report = VERIFIER.verify(parts.withCms(signed, cms));

    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(signature.subIndication()).contains(SubIndication.SIG_CRYPTO_FAILURE);
    assertThat(signature.reason().key()).isEqualTo("timestamp.signatureInvalid");
    assertThat(signature.timestampedSigningTime()).isEmpty();
    assertThat(signature.level()).isEqualTo(PadesLevel.B_B);
  }

  @Test
  void verify_timestampOfOtherData_totalFailedHashFailure() throws Exception {
    byte[] signed = signedBt(client);
    SignedPdfParts parts = SignedPdfParts.lastSignature(signed);
    CMSSignedData cms = new CMSSignedData(parts.cms());
    TimestampToken other = client.timestamp("other data".getBytes(StandardCharsets.US_ASCII));
    byte[] swapped = withTimestamp(cms, other.encoded());

    VerificationReport report = VERIFIER.verify(parts.withCms(signed, swapped));

    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(signature.subIndication()).contains(SubIndication.HASH_FAILURE);
    assertThat(signature.reason().key()).isEqualTo("timestamp.imprintMismatch");
    assertThat(signature.reason().vi()).contains("Dấu thời gian không khớp");
  }

  @Test
  void verify_timestampFromUntrustedTsa_indeterminateNoChain() throws Exception {
    TestPki other = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
    try (TestTsa foreign =
        TestTsa.builder()
            .key(other.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(CLOCK)
            .start()) {
      TimestampClient foreignClient =
          TimestampClient.builder()
              .url(foreign.url())
              .trustAnchor(other.caCertificate())
              .clock(CLOCK)
              .build();

      VerificationReport report = VERIFIER.verify(signedBt(foreignClient));

      SignatureReport signature = report.signatures().get(0);
      assertThat(signature.indication()).isEqualTo(Indication.INDETERMINATE);
      assertThat(signature.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
      assertThat(signature.reason().key()).isEqualTo("timestamp.chainNotFound");
      assertThat(signature.reason().en()).contains(TestPki.TSA_SUBJECT);
    }
  }

  @Test
  void signBt_tsaAnswersHttp500_failsAndWritesNothing() throws Exception {
    try (TestTsa failing =
        TestTsa.builder()
            .key(PKI.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .fault(TestTsa.Fault.HTTP_500)
            .start()) {
      TimestampClient failingClient = client.toBuilder().url(failing.url()).build();

      assertThatThrownBy(() -> signedBt(failingClient))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-603");
    }
  }

  @Test
  void builder_levelAndClientDisagree_rejected() {
    PadesSigner.Builder bt = PadesSigner.builder().key(PKI.signerKey()).level(PadesLevel.B_T);
    PadesSigner.Builder bb = PadesSigner.builder().key(PKI.signerKey()).timestampClient(client);

    assertThatThrownBy(bt::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a timestamp client");
    assertThatThrownBy(bb::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("level(PadesLevel.B_T)");
    assertThatThrownBy(() -> PadesSigner.builder().level(PadesLevel.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("level must be B_B, B_T, B_LT or B_LTA, but was NONE");
  }

  @Test
  void toBuilder_keepsLevelAndClient() throws Exception {
    PadesSigner signer =
        PadesSigner.builder()
            .key(PKI.signerKey())
            .clock(CLOCK)
            .level(PadesLevel.B_T)
            .timestampClient(client)
            .build();

    byte[] signed = signer.toBuilder().reason("Xác nhận").build().sign(TestPdfs.onePage("again"));

    assertThat(VERIFIER.verify(signed).signatures().get(0).level()).isEqualTo(PadesLevel.B_T);
  }

  private static TimeStampToken tokenOf(CMSSignedData cms) throws Exception {
    SignerInformation signer = cms.getSignerInfos().iterator().next();
    Attribute attribute =
        signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    return new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
  }

  private static byte[] withTimestamp(CMSSignedData cms, byte[] token) throws Exception {
    SignerInformation signer = cms.getSignerInfos().iterator().next();
    Attribute attribute =
        new Attribute(
            PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
            new DERSet(ContentInfo.getInstance(token)));
    SignerInformation replaced =
        SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attribute));
    return CMSSignedData.replaceSigners(cms, new SignerInformationStore(replaced))
        .getEncoded("DER");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("the TSA signature is not in the CMS");
  }
}
