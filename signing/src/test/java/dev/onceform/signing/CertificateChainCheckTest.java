package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.onceform.signing.testing.TestPki;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class CertificateChainCheckTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TestPki PKI =
      TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();

  private static CertificateChainCheck trusting(TestPki pki) {
    return new CertificateChainCheck(List.of(pki.caCertificate()), new BouncyCastleProvider());
  }

  private static Finding failure(ThrowingCheck check) {
    VerificationFailure failure = catchThrowableOfType(VerificationFailure.class, check::run);
    assertThat(failure).as("expected a verification failure").isNotNull();
    return failure.finding();
  }

  interface ThrowingCheck {
    void run() throws VerificationFailure;
  }

  @Test
  void check_trustedChain_passes() throws Exception {
    trusting(PKI).check(PKI.signerCertificate(), List.of(PKI.caCertificate()), NOW, NOW);
  }

  @Test
  void check_keyEnciphermentOnlySigner_indeterminateChainConstraintsFailure() {
    TestPki encipherment =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(TestPki.KeyType.EC_P256)
            .signerKeyUsage(TestPki.SignerKeyUsage.KEY_ENCIPHERMENT_ONLY)
            .build();

    Finding finding =
        failure(
            () ->
                trusting(encipherment)
                    .check(encipherment.signerCertificate(), List.of(), NOW, NOW));

    assertThat(finding.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(finding.subIndication())
        .isEqualTo(Optional.of(SubIndication.CHAIN_CONSTRAINTS_FAILURE));
    assertThat(finding.key()).isEqualTo("cert.keyUsage");
  }

  @Test
  void check_claimedTimeBeforeNotBefore_totalFailedNotYetValid() {
    Instant beforeIssue = PKI.signerCertificate().getNotBefore().toInstant().minusSeconds(60);

    Finding finding =
        failure(() -> trusting(PKI).check(PKI.signerCertificate(), List.of(), beforeIssue, NOW));

    assertThat(finding.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(finding.subIndication()).isEqualTo(Optional.of(SubIndication.NOT_YET_VALID));
  }

  @Test
  void check_notYetValidAtValidationTime_indeterminateNotYetValid() {
    TestPki future =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(TestPki.KeyType.EC_P256)
            .signerValidity(TestPki.SignerValidity.NOT_YET_VALID)
            .build();
    Instant claimed = future.signerCertificate().getNotBefore().toInstant().plusSeconds(60);

    Finding finding =
        failure(() -> trusting(future).check(future.signerCertificate(), List.of(), claimed, NOW));

    assertThat(finding.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(finding.subIndication()).isEqualTo(Optional.of(SubIndication.NOT_YET_VALID));
  }

  @Test
  void check_signerIssuedByUntrustedRootInFile_noCertificateChainFound() {
    TestPki other = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();

    Finding finding =
        failure(
            () ->
                trusting(other)
                    .check(PKI.signerCertificate(), List.of(PKI.caCertificate()), NOW, NOW));

    assertThat(finding.subIndication())
        .isEqualTo(Optional.of(SubIndication.NO_CERTIFICATE_CHAIN_FOUND));
  }
}
