package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.spi.RevocationData;
import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestOcsp;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PAdES B-LT: validation data in a DSS added after a B-T signature, and revocation checking in the
 * verifier, against {@link TestOcsp} and {@link TestPki} CRLs.
 */
class PadesLongTermTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Instant TSA_TIME = NOW.plusSeconds(7);
  private static final Instant OCSP_TIME = NOW.plusSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Clock LATER = Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);

  private static TestOcsp ocsp;
  private static TestPki pki;
  private static TestTsa tsa;

  @BeforeAll
  static void start() {
    ocsp = TestOcsp.builder().clock(Clock.fixed(OCSP_TIME, ZoneOffset.UTC)).start();
    pki =
        TestPki.builder()
            .clock(CLOCK)
            .hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE)
            .revocationServer(ocsp)
            .build();
    tsa = startTsa(pki);
  }

  @AfterAll
  static void stop() {
    tsa.close();
    ocsp.close();
  }

  private static TestTsa startTsa(TestPki of) {
    return TestTsa.builder()
        .key(of.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
        .clock(Clock.fixed(TSA_TIME, ZoneOffset.UTC))
        .start();
  }

  private static TimestampClient client(TestPki of, TestTsa server) {
    return TimestampClient.builder()
        .url(server.url())
        .trustAnchor(of.caCertificate())
        .clock(CLOCK)
        .build();
  }

  private static SignatureVerifier verifier(TestPki of) {
    return SignatureVerifier.builder().trustAnchor(of.caCertificate()).clock(LATER).build();
  }

  private static byte[] signBlt(RevocationSource source) throws Exception {
    return PadesSigner.builder()
        .key(pki.signerKey())
        .clock(CLOCK)
        .level(PadesLevel.B_LT)
        .timestampClient(client(pki, tsa))
        .revocationSource(source)
        .build()
        .sign(TestPdfs.onePage("Long term"));
  }

  private static byte[] signBt(TestPki of, TestTsa server) throws Exception {
    return PadesSigner.builder()
        .key(of.signerKey())
        .clock(CLOCK)
        .level(PadesLevel.B_T)
        .timestampClient(client(of, server))
        .build()
        .sign(TestPdfs.onePage("Revoked"));
  }

  @Test
  void signBlt_onlineOcsp_verifiesTotalPassedAtBlt() throws Exception {
    byte[] signed = signBlt(RevocationSource.online(TIMEOUT));

    VerificationReport report = verifier(pki).verify(signed);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.level()).isEqualTo(PadesLevel.B_LT);
    assertThat(signature.timestampedSigningTime()).contains(TSA_TIME);
    assertThat(signature.coversWholeDocument()).isFalse();
    assertThat(signature.reason().key()).isEqualTo("signature.validRevocationChecked");
  }

  @Test
  void signBlt_dss_holdsBothChainsAndOneOcspResponsePerNonRootCertificate() throws Exception {
    byte[] signed = signBlt(RevocationSource.ocsp(TIMEOUT));

    try (PDDocument document = Loader.loadPDF(signed)) {
      DssReader.Store store = DssReader.read(document).orElseThrow();
      assertThat(store.certificates())
          .contains(
              pki.signerCertificate(),
              pki.intermediateCertificate().orElseThrow(),
              pki.caCertificate())
          .anyMatch(c -> c.getSubjectX500Principal().getName().contains("Test TSA"));
      // signer, intermediate CA and TSA certificates; the root needs none
      assertThat(store.revocation().ocspResponses()).hasSize(3);
      assertThat(store.revocation().crls()).isEmpty();
    }
  }

  @Test
  void signBlt_crlSource_verifiesAtBltFromCrls() throws Exception {
    byte[] signed = signBlt(RevocationSource.crl(TIMEOUT));

    VerificationReport report = verifier(pki).verify(signed);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_LT);
  }

  @Test
  void signBlt_signedRevisionUntouched_byteRangeSameAndStillValidAtBt() throws Exception {
    byte[] signed = signBlt(RevocationSource.ocsp(TIMEOUT));
    SignedPdfParts parts = SignedPdfParts.lastSignature(signed);
    EmbeddedSignature embedded = PdfSignatureReader.read(signed).signatures().get(0);
    byte[] signedRevision = Arrays.copyOf(signed, (int) embedded.rangeEnd());

    VerificationReport revision = verifier(pki).verify(signedRevision);

    assertThat(embedded.rangeEnd()).isLessThan(signed.length);
    assertThat(PdfSignatureReader.read(signedRevision).signatures().get(0).byteRange())
        .isEqualTo(embedded.byteRange());
    assertThat(SignedPdfParts.lastSignature(signedRevision).cms()).isEqualTo(parts.cms());
    assertThat(revision.indication()).as(revision.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(revision.signatures().get(0).level()).isEqualTo(PadesLevel.B_T);
    assertThat(revision.signatures().get(0).coversWholeDocument()).isTrue();
  }

  @Test
  void verify_pageAddedAfterDss_totalFailedFormatFailure() throws Exception {
    byte[] changed = TestPdfs.withPageAppended(signBlt(RevocationSource.ocsp(TIMEOUT)));

    VerificationReport report = verifier(pki).verify(changed);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().key()).isEqualTo("changes.pages");
  }

  @Test
  void signBlt_noRevocationData_failsWith704() {
    RevocationSource none = RevocationSource.of(List.of(), List.of());

    assertThatThrownBy(() -> signBlt(none))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-704")
        .hasMessageContaining("Hòa Phú");
  }

  @Test
  void build_bltWithoutTimestampClient_refused() {
    assertThatThrownBy(
            () -> PadesSigner.builder().key(pki.signerKey()).level(PadesLevel.B_LT).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timestampClient");
  }

  @Test
  void verify_signerRevokedBeforeTimestamp_crlInDss_totalFailedRevoked() throws Exception {
    TestPki revoked = revokedPki(NOW.minusSeconds(3600));
    try (TestTsa server = startTsa(revoked)) {
      byte[] signed = withDss(signBt(revoked, server), revoked, crlData(revoked));

      SignatureReport report = verifier(revoked).verify(signed).signatures().get(0);

      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_FAILED);
      assertThat(report.subIndication()).contains(SubIndication.REVOKED);
      assertThat(report.level()).isEqualTo(PadesLevel.B_T);
    }
  }

  @Test
  void verify_signerRevokedAfterTimestamp_crlInDss_totalPassedAtBlt() throws Exception {
    TestPki revoked = revokedPki(TSA_TIME.plusSeconds(20));
    try (TestTsa server = startTsa(revoked)) {
      byte[] signed = withDss(signBt(revoked, server), revoked, crlData(revoked));

      SignatureReport report = verifier(revoked).verify(signed).signatures().get(0);

      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(report.level()).isEqualTo(PadesLevel.B_LT);
    }
  }

  @Test
  void verify_signerRevoked_ocspInDss_totalFailedRevoked() throws Exception {
    try (TestOcsp server =
        TestOcsp.builder().clock(Clock.fixed(OCSP_TIME, ZoneOffset.UTC)).start()) {
      TestPki revoked = revokedPki(NOW.minusSeconds(3600), server);
      try (TestTsa stamps = startTsa(revoked)) {
        byte[] signed = withDss(signBt(revoked, stamps), revoked, ocspData(revoked));

        SignatureReport report = verifier(revoked).verify(signed).signatures().get(0);

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).contains(SubIndication.REVOKED);
      }
    }
  }

  @Test
  void verify_signerRevoked_ocspInDss_noTimestamp_indeterminateRevokedNoPoe() throws Exception {
    try (TestOcsp server =
        TestOcsp.builder().clock(Clock.fixed(OCSP_TIME, ZoneOffset.UTC)).start()) {
      TestPki revoked = revokedPki(NOW.plusSeconds(30), server);
      byte[] bb =
          PadesSigner.builder()
              .key(revoked.signerKey())
              .clock(CLOCK)
              .build()
              .sign(TestPdfs.onePage("B-B"));
      byte[] signed = withDss(bb, revoked, ocspData(revoked));

      SignatureReport report = verifier(revoked).verify(signed).signatures().get(0);

      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
      assertThat(report.subIndication()).contains(SubIndication.REVOKED_NO_POE);
    }
  }

  @Test
  void signBlt_revokedSigner_refusedWith705() throws Exception {
    try (TestOcsp server =
        TestOcsp.builder().clock(Clock.fixed(OCSP_TIME, ZoneOffset.UTC)).start()) {
      TestPki revoked = revokedPki(NOW.minusSeconds(3600), server);
      try (TestTsa stamps = startTsa(revoked)) {
        PadesSigner signer =
            PadesSigner.builder()
                .key(revoked.signerKey())
                .clock(CLOCK)
                .level(PadesLevel.B_LT)
                .timestampClient(client(revoked, stamps))
                .revocationSource(RevocationSource.ocsp(TIMEOUT))
                .build();

        assertThatThrownBy(() -> signer.sign(TestPdfs.onePage("Revoked")))
            .isInstanceOf(SigningException.class)
            .hasMessageContaining("OF-SIGN-705");
      }
    }
  }

  /** Responders whose answers do not count: no id-kp-OCSPSigning, or no id-pkix-ocsp-nocheck. */
  @ParameterizedTest
  @EnumSource(
      value = TestOcsp.Signer.class,
      names = {"UNAUTHORIZED", "DELEGATED_WITHOUT_NOCHECK"})
  void verify_ocspSignedByUnacceptedResponder_notAccepted(TestOcsp.Signer responder)
      throws Exception {
    try (TestOcsp server =
        TestOcsp.builder()
            .clock(Clock.fixed(OCSP_TIME, ZoneOffset.UTC))
            .signer(responder)
            .start()) {
      TestPki revoked = revokedPki(NOW.minusSeconds(3600), server);
      try (TestTsa stamps = startTsa(revoked)) {
        byte[] signed = withDss(signBt(revoked, stamps), revoked, ocspData(revoked));

        SignatureReport report = verifier(revoked).verify(signed).signatures().get(0);

        // The "revoked" answer is not believed, and there is no other data: try later.
        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).contains(SubIndication.TRY_LATER);
        assertThat(report.level()).isEqualTo(PadesLevel.B_T);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TestOcsp.Signer.class,
      names = {"UNAUTHORIZED", "DELEGATED_WITHOUT_NOCHECK"})
  void signBlt_unacceptedOcspResponder_refusedWith704(TestOcsp.Signer responder) throws Exception {
    try (TestOcsp server =
        TestOcsp.builder()
            .clock(Clock.fixed(OCSP_TIME, ZoneOffset.UTC))
            .signer(responder)
            .start()) {
      TestPki other =
          TestPki.builder()
              .clock(CLOCK)
              .keyType(TestPki.KeyType.EC_P256)
              .revocationServer(server)
              .build();
      try (TestTsa stamps = startTsa(other)) {
        PadesSigner signer =
            PadesSigner.builder()
                .key(other.signerKey())
                .clock(CLOCK)
                .level(PadesLevel.B_LT)
                .timestampClient(client(other, stamps))
                .revocationSource(RevocationSource.ocsp(TIMEOUT))
                .build();

        assertThatThrownBy(() -> signer.sign(TestPdfs.onePage("Unauthorised")))
            .isInstanceOf(SigningException.class)
            .hasMessageContaining("OF-SIGN-704");
      }
    }
  }

  @Test
  void signBlt_checkedByPdfsig_signatureValid(@TempDir Path directory) throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    Path pdf =
        Files.write(directory.resolve("signed-blt.pdf"), signBlt(RevocationSource.ocsp(TIMEOUT)));

    ExternalTool.Result result = pdfsig.run(Duration.ofSeconds(60), pdf.toString());

    assertThat(result.output())
        .contains("Signature Validation: Signature is Valid.")
        .contains("Signature Type: ETSI.CAdES.detached");
  }

  @Test
  void signBlt_checkedByQpdf_noErrors(@TempDir Path directory) throws Exception {
    ExternalTool qpdf = ExternalTool.require("qpdf", "install qpdf");
    Path pdf =
        Files.write(directory.resolve("signed-blt.pdf"), signBlt(RevocationSource.ocsp(TIMEOUT)));

    ExternalTool.Result result = qpdf.run(Duration.ofSeconds(60), "--check", pdf.toString());

    assertThat(result.output()).contains("No syntax or stream encoding errors found");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void verify_tsaRevokedBeforeItsToken_crlInDss_indeterminateRevokedNoPoe() throws Exception {
    TestPki revokedTsa =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(TestPki.KeyType.EC_P256)
            .tsaRevokedAt(NOW.minusSeconds(3600))
            .build();
    try (TestTsa server = startTsa(revokedTsa)) {
      byte[] signed = withDss(signBt(revokedTsa, server), revokedTsa, crlData(revokedTsa));

      SignatureReport report = verifier(revokedTsa).verify(signed).signatures().get(0);

      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
      assertThat(report.subIndication()).contains(SubIndication.REVOKED_NO_POE);
      assertThat(report.reason().key()).isEqualTo("revocation.tsaRevoked");
      assertThat(report.reason().en()).contains(TestPki.TSA_SUBJECT);
    }
  }

  @Test
  void verify_tsaRevokedAfterItsToken_crlInDss_totalPassedAtBlt() throws Exception {
    TestPki revokedTsa =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(TestPki.KeyType.EC_P256)
            .tsaRevokedAt(TSA_TIME.plusSeconds(20))
            .build();
    try (TestTsa server = startTsa(revokedTsa)) {
      byte[] signed = withDss(signBt(revokedTsa, server), revokedTsa, crlData(revokedTsa));

      SignatureReport report = verifier(revokedTsa).verify(signed).signatures().get(0);

      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(report.level()).isEqualTo(PadesLevel.B_LT);
    }
  }

  @ParameterizedTest(name = "TSA revoked {0} s after its document timestamp")
  @org.junit.jupiter.params.provider.ValueSource(longs = {-3600, 20})
  void verify_documentTimestampOfARevokedTsa_crlInALaterDss(long revokedAfterToken)
      throws Exception {
    TestPki revokedTsa =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(TestPki.KeyType.EC_P256)
            .tsaRevokedAt(TSA_TIME.plusSeconds(revokedAfterToken))
            .build();
    try (TestTsa server = startTsa(revokedTsa)) {
      byte[] signed =
          PadesSigner.builder()
              .key(revokedTsa.signerKey())
              .clock(CLOCK)
              .build()
              .sign(TestPdfs.onePage("Archive"));
      byte[] stamped = DocumentTimestampWriter.timestamp(signed, client(revokedTsa, server));
      // The revocation data for the timestamp's TSA comes in a later DSS, as a renewal adds it.
      byte[] withData = withDss(stamped, revokedTsa, crlData(revokedTsa));

      DocumentTimestampReport report =
          verifier(revokedTsa).verify(withData).documentTimestamps().get(0);

      if (revokedAfterToken < 0) {
        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).contains(SubIndication.REVOKED_NO_POE);
        assertThat(report.reason().key()).isEqualTo("revocation.tsaRevoked");
        assertThat(report.reason().en()).contains(TestPki.TSA_SUBJECT);
      } else {
        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
      }
    }
  }

  @Test
  void dssReplacedByAnotherToolsNewDictionary_signatureStillTotalPassed() throws Exception {
    byte[] signed = signBlt(RevocationSource.ocsp(TIMEOUT));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (PDDocument document = Loader.loadPDF(signed)) {
      // As some tools add validation data: a new DSS dictionary with the old entries, so that the
      // old dictionary (added after the signature) is left behind, referenced by nothing.
      org.apache.pdfbox.cos.COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
      org.apache.pdfbox.cos.COSDictionary old = catalog.getCOSDictionary(DssWriter.DSS);
      org.apache.pdfbox.cos.COSDictionary fresh = new org.apache.pdfbox.cos.COSDictionary();
      for (org.apache.pdfbox.cos.COSName name : old.keySet()) {
        fresh.setItem(name, old.getItem(name));
      }
      fresh.setDirect(false);
      fresh.setNeedToBeUpdated(true);
      catalog.setItem(DssWriter.DSS, fresh);
      catalog.setNeedToBeUpdated(true);
      document.saveIncremental(out);
    }
    byte[] replaced = out.toByteArray();

    VerificationReport report = verifier(pki).verify(replaced);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_LT);
  }

  @Test
  void verify_dssWithoutTsaRevocationData_indeterminateTryLater() throws Exception {
    try (TestTsa server = startTsa(pki)) {
      byte[] bt = signBt(pki, server);
      // OCSP responses for the signer and the intermediate only: the TSA's certificate is not
      // covered (a CRL of the root would cover it).
      X509Certificate intermediate = pki.intermediateCertificate().orElseThrow();
      RevocationData signerOnly =
          RevocationSource.ocsp(TIMEOUT)
              .fetch(pki.signerCertificate(), intermediate)
              .plus(RevocationSource.ocsp(TIMEOUT).fetch(intermediate, pki.caCertificate()));
      byte[] signed = withDss(bt, pki, signerOnly);

      SignatureReport report = verifier(pki).verify(signed).signatures().get(0);

      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
      assertThat(report.subIndication()).contains(SubIndication.TRY_LATER);
      assertThat(report.reason().en()).contains(TestPki.TSA_SUBJECT);
    }
  }

  private static TestPki revokedPki(Instant revokedAt) {
    return TestPki.builder()
        .clock(CLOCK)
        .keyType(TestPki.KeyType.EC_P256)
        .signerRevokedAt(revokedAt)
        .build();
  }

  private static TestPki revokedPki(Instant revokedAt, TestOcsp server) {
    return TestPki.builder()
        .clock(CLOCK)
        .keyType(TestPki.KeyType.EC_P256)
        .signerRevokedAt(revokedAt)
        .revocationServer(server)
        .build();
  }

  private static RevocationData crlData(TestPki of) {
    return new RevocationData(of.crls(OCSP_TIME), List.of());
  }

  private static RevocationData ocspData(TestPki of) {
    X509Certificate signer = of.signerCertificate();
    return RevocationSource.ocsp(TIMEOUT).fetch(signer, of.caCertificate());
  }

  private static byte[] withDss(byte[] signed, TestPki of, RevocationData data) {
    return DssWriter.append(signed, of.signerKey().certificateChain(), data);
  }
}
