package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.spi.RevocationData;
import dev.onceform.signing.testing.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/**
 * Revocation data issued after the validation time: it cannot show a certificate "not revoked"
 * then, but a revocation it lists counts, so that a check as of an earlier proven time (past
 * signature validation) still sees a revocation published later.
 */
class RevocationCheckTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Instant REVOKED_AT = NOW.plus(Duration.ofHours(1));
  private static final Instant CRL_TIME = NOW.plus(Duration.ofDays(2));

  private final RevocationCheck check = new RevocationCheck(new BouncyCastleProvider());

  private static Optional<RevocationCheck.Status> status(
      RevocationCheck check, TestPki pki, Instant validationTime) {
    RevocationData data = new RevocationData(List.of(pki.crl(CRL_TIME)), List.of());
    return check.status(pki.signerCertificate(), pki.caCertificate(), data, NOW, validationTime);
  }

  @Test
  void laterCrlListingTheCertificate_revokedEvenBeforeItWasIssued() {
    TestPki revoked =
        TestPki.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .signerRevokedAt(REVOKED_AT)
            .build();

    Optional<RevocationCheck.Status> status = status(check, revoked, NOW.plus(Duration.ofDays(1)));

    assertThat(status).isPresent();
    assertThat(status.get().revoked()).isTrue();
    assertThat(status.get().time()).isEqualTo(REVOKED_AT);
  }

  @Test
  void laterCrlNotListingTheCertificate_provesNothingYet() {
    TestPki good = TestPki.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    assertThat(status(check, good, NOW.plus(Duration.ofDays(1)))).isEmpty();
    assertThat(status(check, good, CRL_TIME))
        .hasValueSatisfying(s -> assertThat(s.revoked()).isFalse());
  }
}
