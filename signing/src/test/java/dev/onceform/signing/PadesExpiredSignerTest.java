package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.testing.TestOcsp;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A signature that outlives its signer's certificate (EN 319 102-1, 5.5: validity at the best
 * proven time): the signer certificate is valid for 30 days ({@link
 * TestPki.SignerValidity#SHORT_LIVED}) and the document is verified 60 days after signing, when the
 * CA, TSA and OCSP responder certificates are still valid. A timestamp older than the expiry and
 * revocation data from then (B-LT) keep the signature valid; anything less is {@link
 * SubIndication#OUT_OF_BOUNDS_NO_POE}.
 */
class PadesExpiredSignerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Instant TSA_TIME = NOW.plusSeconds(7);
  private static final Instant OCSP_TIME = NOW.plusSeconds(60);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** The signer certificate's notAfter: one day before {@link #NOW} plus 30 days. */
  private static final Instant EXPIRY = NOW.minus(Duration.ofDays(1)).plus(Duration.ofDays(30));

  private static final Instant AFTER_EXPIRY = NOW.plus(Duration.ofDays(60));

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
            .signerValidity(TestPki.SignerValidity.SHORT_LIVED)
            .revocationServer(ocsp)
            .build();
    tsa = startTsa(TSA_TIME);
  }

  @AfterAll
  static void stop() {
    tsa.close();
    ocsp.close();
  }

  private static TestTsa startTsa(Instant time) {
    return TestTsa.builder()
        .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
        .clock(Clock.fixed(time, ZoneOffset.UTC))
        .start();
  }

  private static TimestampClient client(TestTsa server, Clock clock) {
    return TimestampClient.builder()
        .url(server.url())
        .trustAnchor(pki.caCertificate())
        .clock(clock)
        .build();
  }

  private static VerificationReport verifyAt(byte[] signed, Instant time) {
    return SignatureVerifier.builder()
        .trustAnchor(pki.caCertificate())
        .clock(Clock.fixed(time, ZoneOffset.UTC))
        .build()
        .verify(signed);
  }

  private static PadesSigner.Builder signer() {
    return PadesSigner.builder().key(pki.signerKey()).clock(CLOCK);
  }

  private static byte[] onePage() throws Exception {
    return TestPdfs.onePage("Birth certificate");
  }

  @Test
  void shortLivedSigner_expiresThirtyDaysAfterItsStart() {
    assertThat(pki.signerCertificate().getNotAfter().toInstant()).isEqualTo(EXPIRY);
    assertThat(AFTER_EXPIRY).isAfter(EXPIRY);
    assertThat(pki.caCertificate().getNotAfter().toInstant()).isAfter(AFTER_EXPIRY);
  }

  @Test
  void blt_verifiedAfterTheSignerCertificateExpired_totalPassedAtTheTimestampedTime()
      throws Exception {
    byte[] signed =
        signer()
            .level(PadesLevel.B_LT)
            .timestampClient(client(tsa, CLOCK))
            .revocationSource(RevocationSource.ocsp(TIMEOUT))
            .build()
            .sign(onePage());

    VerificationReport before = verifyAt(signed, NOW.plus(Duration.ofMinutes(5)));
    VerificationReport after = verifyAt(signed, AFTER_EXPIRY);

    assertThat(before.indication()).as(before.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(after.indication()).as(after.toString()).isEqualTo(Indication.TOTAL_PASSED);
    SignatureReport signature = after.signatures().get(0);
    assertThat(signature.level()).isEqualTo(PadesLevel.B_LT);
    assertThat(signature.timestampedSigningTime()).contains(TSA_TIME);
    assertThat(signature.reason().key()).isEqualTo("signature.validRevocationChecked");
  }

  @Test
  void bt_verifiedAfterExpiry_withoutRevocationData_outOfBoundsNoPoeNamingBlt() throws Exception {
    byte[] signed =
        signer().level(PadesLevel.B_T).timestampClient(client(tsa, CLOCK)).build().sign(onePage());

    VerificationReport before = verifyAt(signed, NOW.plus(Duration.ofMinutes(5)));
    VerificationReport after = verifyAt(signed, AFTER_EXPIRY);

    assertThat(before.indication()).as(before.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(after.indication()).isEqualTo(Indication.INDETERMINATE);
    SignatureReport signature = after.signatures().get(0);
    assertThat(signature.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    assertThat(signature.timestampedSigningTime()).contains(TSA_TIME);
    assertThat(signature.reason().key()).isEqualTo("cert.expiredNoRevocation");
    assertThat(signature.reason().text(Locale.ENGLISH))
        .contains(EXPIRY.toString(), TSA_TIME.toString(), "needs level B-LT");
    assertThat(signature.reason().text(Locale.forLanguageTag("vi")))
        .contains(EXPIRY.toString(), "mức B-LT");
  }

  @Test
  void bb_verifiedAfterExpiry_outOfBoundsNoPoe() throws Exception {
    byte[] signed = signer().build().sign(onePage());

    VerificationReport after = verifyAt(signed, AFTER_EXPIRY);

    assertThat(after.indication()).isEqualTo(Indication.INDETERMINATE);
    SignatureReport signature = after.signatures().get(0);
    assertThat(signature.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    assertThat(signature.reason().key()).isEqualTo("cert.expired");
    assertThat(signature.reason().text(Locale.ENGLISH)).contains(EXPIRY.toString());
  }

  @Test
  void timestampYoungerThanTheExpiry_outOfBoundsNoPoe_andB_ltRefusedWhenSigning() throws Exception {
    // The TSA's clock runs 40 days ahead: its token proves only a time after the expiry.
    Instant lateStamp = NOW.plus(Duration.ofDays(40));
    try (TestTsa late = startTsa(lateStamp)) {
      TimestampClient lateClient = client(late, Clock.fixed(lateStamp, ZoneOffset.UTC));
      byte[] signed =
          signer().level(PadesLevel.B_T).timestampClient(lateClient).build().sign(onePage());

      VerificationReport after = verifyAt(signed, AFTER_EXPIRY);

      assertThat(after.indication()).as(after.toString()).isEqualTo(Indication.INDETERMINATE);
      SignatureReport signature = after.signatures().get(0);
      assertThat(signature.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
      assertThat(signature.timestampedSigningTime()).contains(lateStamp);
      assertThat(signature.reason().key()).isEqualTo("cert.expiredBeforeTimestamp");
      assertThat(signature.reason().text(Locale.ENGLISH))
          .contains(EXPIRY.toString(), lateStamp.toString());
      // No revocation data can be both after such a timestamp and before the expiry.
      PadesSigner blt =
          signer()
              .level(PadesLevel.B_LT)
              .timestampClient(lateClient)
              .revocationSource(RevocationSource.ocsp(TIMEOUT))
              .build();
      assertThatThrownBy(() -> blt.sign(onePage()))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-704");
    }
  }

  @Test
  void jsonSignature_afterExpiry_staysOutOfBoundsNoPoe() {
    // JWS results carry no timestamp, so nothing proves them older than the expiry.
    byte[] json = "{\"hoTen\":\"Nguyễn Văn An\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String jws = JsonSigner.builder().key(pki.signerKey()).clock(CLOCK).build().sign(json);

    JsonSignatureReport report =
        JsonSignatureVerifier.builder()
            .trustAnchor(pki.caCertificate())
            .clock(Clock.fixed(AFTER_EXPIRY, ZoneOffset.UTC))
            .build()
            .verify(json, jws);

    assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
  }
}
