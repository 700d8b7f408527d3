package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestOcsp;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewing archive timestamps ({@link ArchiveTimestamper}) and judging what has expired at the time
 * a later document timestamp proves. The first TSA's and the signer's certificates (one year, from
 * {@link TestPki}) have expired 400 days after signing; a document timestamp added after 300 days
 * by a second TSA (another CA, also trusted) keeps the document verifiable.
 */
class PadesArchiveRenewalTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Instant TSA_TIME = NOW.plusSeconds(7);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Instant RENEWAL = NOW.plus(Duration.ofDays(300));
  private static final Instant EXPIRED = NOW.plus(Duration.ofDays(400));

  private static TestOcsp ocsp;
  private static TestPki pki;
  private static TestTsa tsa;
  private static TestPki laterPki;
  private static TestTsa laterTsa;

  @BeforeAll
  static void start() {
    // The responder answers at the first TSA's time: its data counts for the signature timestamp
    // (issued at or after it) and is not younger than the first document timestamp.
    ocsp = TestOcsp.builder().clock(Clock.fixed(TSA_TIME, ZoneOffset.UTC)).start();
    pki =
        TestPki.builder()
            .clock(CLOCK)
            .hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE)
            .revocationServer(ocsp)
            .build();
    tsa =
        TestTsa.builder()
            .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(TSA_TIME, ZoneOffset.UTC))
            .start();
    laterPki = TestPki.builder().clock(Clock.fixed(RENEWAL, ZoneOffset.UTC)).build();
    laterTsa =
        TestTsa.builder()
            .key(laterPki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(RENEWAL, ZoneOffset.UTC))
            .start();
  }

  @AfterAll
  static void stop() {
    laterTsa.close();
    tsa.close();
    ocsp.close();
  }

  private static TimestampClient client(TestTsa server, TestPki of, Instant time) {
    return TimestampClient.builder()
        .url(server.url())
        .trustAnchor(of.caCertificate())
        .clock(Clock.fixed(time, ZoneOffset.UTC))
        .build();
  }

  private static byte[] sign(PadesLevel level) throws Exception {
    return PadesSigner.builder()
        .key(pki.signerKey())
        .clock(CLOCK)
        .level(level)
        .timestampClient(client(tsa, pki, NOW))
        .revocationSource(RevocationSource.ocsp(TIMEOUT))
        .build()
        .sign(TestPdfs.onePage("Archive"));
  }

  private static byte[] renew(byte[] pdf) {
    return ArchiveTimestamper.builder()
        .timestampClient(client(laterTsa, laterPki, RENEWAL))
        .revocationSource(RevocationSource.ocsp(TIMEOUT))
        .build()
        .renew(pdf);
  }

  private static VerificationReport verifyAt(byte[] pdf, Instant time) {
    return SignatureVerifier.builder()
        .trustAnchors(List.of(pki.caCertificate(), laterPki.caCertificate()))
        .clock(Clock.fixed(time, ZoneOffset.UTC))
        .build()
        .verify(pdf);
  }

  @Test
  void certificates_expireBetweenRenewalAndValidation() {
    assertThat(pki.signerCertificate().getNotAfter().toInstant())
        .isAfter(RENEWAL)
        .isBefore(EXPIRED);
    assertThat(laterPki.caCertificate().getNotAfter().toInstant()).isAfter(EXPIRED);
  }

  @Test
  void blta_withoutRenewal_afterTheTsaExpired_indeterminateOutOfBoundsNoPoe() throws Exception {
    byte[] signed = sign(PadesLevel.B_LTA);

    VerificationReport report = verifyAt(signed, EXPIRED);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.signatures().get(0).subIndication())
        .contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    assertThat(report.documentTimestamps()).hasSize(1);
    assertThat(report.documentTimestamps().get(0).subIndication())
        .contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
  }

  @Test
  void renewed_afterTheFirstTsaAndSignerExpired_totalPassedAtBlta() throws Exception {
    byte[] renewed = renew(sign(PadesLevel.B_LTA));

    VerificationReport report = verifyAt(renewed, EXPIRED);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.level()).isEqualTo(PadesLevel.B_LTA);
    assertThat(signature.timestampedSigningTime()).contains(TSA_TIME);
    assertThat(signature.reason().key()).isEqualTo("signature.validAtProvenTime");
    assertThat(signature.reason().en())
        .startsWith("Judged as of " + TSA_TIME)
        .contains("expired since", "Revocation data (CRL/OCSP) shows that no certificate");
    assertThat(signature.reason().vi()).startsWith("Được đánh giá tại thời điểm " + TSA_TIME);
    DocumentTimestampReport first = report.documentTimestamps().get(0);
    assertThat(first.reason().key()).isEqualTo("documentTimestamp.validAtProvenTime");
    assertThat(first.reason().en())
        .startsWith("Judged as of " + RENEWAL)
        .contains("existed at " + TSA_TIME);
    assertThat(report.documentTimestamps().get(1).reason().key())
        .isEqualTo("documentTimestamp.valid");
    assertThat(report.documentTimestamps())
        .extracting(DocumentTimestampReport::indication, DocumentTimestampReport::time)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Indication.TOTAL_PASSED, java.util.Optional.of(TSA_TIME)),
            org.assertj.core.groups.Tuple.tuple(
                Indication.TOTAL_PASSED, java.util.Optional.of(RENEWAL)));
    assertThat(report.documentTimestamps().get(1).coversWholeDocument()).isTrue();
  }

  @Test
  void renewed_beforeAnythingExpired_totalPassed() throws Exception {
    byte[] renewed = renew(sign(PadesLevel.B_LTA));

    VerificationReport report = verifyAt(renewed, RENEWAL.plus(Duration.ofDays(1)));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.documentTimestamps()).hasSize(2);
    // Nothing has expired: judged now, with the usual reasons.
    assertThat(report.signatures().get(0).reason().key())
        .isEqualTo("signature.validRevisionRevocationChecked");
    assertThat(report.documentTimestamps().get(0).reason().key())
        .isEqualTo("documentTimestamp.validRevision");
  }

  @Test
  void renewal_addsTheFirstTsaChainWithRevocationDataThenADocumentTimestamp() throws Exception {
    byte[] signed = sign(PadesLevel.B_LTA);
    byte[] renewed = renew(signed);

    String update =
        new String(
            renewed, signed.length, renewed.length - signed.length, StandardCharsets.ISO_8859_1);
    assertThat(update).contains("/DSS", "/OCSPs", "/DocTimeStamp", "/ETSI.RFC3161");
    assertThat(renewed).startsWith(signed);
    try (PDDocument before = Loader.loadPDF(signed);
        PDDocument after = Loader.loadPDF(renewed)) {
      // The first TSA's chain was in the DSS already: updated in place, without duplicates.
      assertThat(DssReader.read(after).orElseThrow().certificates())
          .hasSameSizeAs(DssReader.read(before).orElseThrow().certificates());
      assertThat(after.getSignatureDictionaries()).hasSize(3);
    }
  }

  @Test
  void renewed_afterTheSecondTsaExpiredToo_indeterminateUntilRenewedAgain() throws Exception {
    byte[] renewed = renew(sign(PadesLevel.B_LTA));

    VerificationReport report = verifyAt(renewed, RENEWAL.plus(Duration.ofDays(400)));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.documentTimestamps().get(1).subIndication())
        .contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
  }

  @Test
  void bltWithoutDocumentTimestamp_getsItsFirst_andKeepsVerifyingAfterExpiry() throws Exception {
    byte[] signed = sign(PadesLevel.B_LT);
    byte[] archived = renew(signed);

    VerificationReport fresh = verifyAt(archived, RENEWAL.plus(Duration.ofDays(1)));
    VerificationReport late = verifyAt(archived, EXPIRED);

    assertThat(fresh.indication()).as(fresh.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(fresh.signatures().get(0).level()).isEqualTo(PadesLevel.B_LTA);
    assertThat(late.indication()).as(late.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verifyAt(signed, EXPIRED).indication()).isEqualTo(Indication.INDETERMINATE);
  }

  @Test
  void pageAddedAfterRenewal_stillTotalFailed() throws Exception {
    byte[] changed = TestPdfs.withPageAppended(renew(sign(PadesLevel.B_LTA)));

    VerificationReport report = verifyAt(changed, EXPIRED);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
  }

  @Test
  void renewed_pdfsigStillValidatesTheSignature_opensslValidatesTheNewTimestamp(
      @TempDir Path directory) throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    ExternalTool openssl = ExternalTool.require("openssl", "install openssl");
    byte[] renewed = renew(sign(PadesLevel.B_LTA));
    Path pdf = Files.write(directory.resolve("renewed.pdf"), renewed);

    String output = pdfsig.run(TIMEOUT, pdf.toString()).output();
    assertThat(output).contains("Signature #3:");
    assertThat(output.substring(output.indexOf("Signature #1:"), output.indexOf("Signature #2:")))
        .contains("Signature is Valid.");

    // The new document timestamp's token over its ByteRange, trusting only the second CA, at a
    // time when the second TSA's certificate is valid.
    SignedPdfParts parts = SignedPdfParts.lastSignature(renewed);
    Path token = Files.write(directory.resolve("token.der"), parts.cms());
    Path data = Files.write(directory.resolve("signed.bin"), parts.signedContent());
    Path ca = Files.writeString(directory.resolve("ca.pem"), laterPki.caCertificatePem());
    Path untrusted =
        Files.writeString(directory.resolve("tsa.pem"), Pem.encode(laterTsa.certificate()));
    String at = Long.toString(RENEWAL.plus(Duration.ofDays(1)).getEpochSecond());
    ExternalTool.Result verified =
        PadesArchiveTest.tsVerify(openssl, token, data, ca, untrusted, "-attime", at);
    assertThat(verified.output()).as(verified.output()).contains("Verification: OK");
  }

  @Test
  void renew_notAPdf_of_sign_201() {
    ArchiveTimestamper archive =
        ArchiveTimestamper.builder()
            .timestampClient(client(laterTsa, laterPki, RENEWAL))
            .revocationSource(RevocationSource.of(List.of(), List.of()))
            .build();

    assertThatThrownBy(() -> archive.renew("not a pdf".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-201");
  }

  @Test
  void renew_latestDocumentTimestampUnreadable_of_sign_212NamesTheField() throws Exception {
    byte[] signed = sign(PadesLevel.B_LTA);
    String text = new String(signed, StandardCharsets.ISO_8859_1);
    int contents = text.lastIndexOf("/Contents <") + "/Contents <".length();
    byte[] broken = signed.clone();
    for (int i = contents; i < contents + 64; i++) {
      broken[i] = '0'; // the token's DER header and start are gone
    }

    assertThatThrownBy(() -> renew(broken))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-212")
        .hasMessageContaining("'Signature2'")
        .hasMessageContaining("onceform verify");
  }

  @Test
  void build_withoutTimestampClient_saysWhatToCall() {
    assertThatThrownBy(() -> ArchiveTimestamper.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timestampClient(TimestampClient)");
  }
}
