package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Document timestamps (PAdES LTA): written by {@link DocumentTimestampWriter}, checked. */
class DocumentTimestampTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Instant TSA_TIME = NOW.plusSeconds(7);
  private static final Instant LATER = NOW.plus(Duration.ofMinutes(5));
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();

  private static TestTsa tsa;
  private static TimestampClient client;
  private static DocumentTimestampCheck check;

  @BeforeAll
  static void start() {
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
    BouncyCastleProvider provider = new BouncyCastleProvider();
    check =
        new DocumentTimestampCheck(
            new TimestampTokenCheck(
                new CertificateChainCheck(java.util.List.of(PKI.caCertificate()), provider),
                provider),
            new LongTermCheck(new RevocationCheck(provider), null));
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  private static EmbeddedSignature documentTimestamp(byte[] pdf) throws VerificationFailure {
    return PdfSignatureReader.read(pdf).signatures().stream()
        .filter(s -> DocumentTimestampCheck.SUB_FILTER.equals(s.subFilter()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void timestamp_signedPdf_keepsItAsPrefixAndProvesTheTsaTime() throws Exception {
    byte[] signed =
        PadesSigner.builder()
            .key(PKI.signerKey())
            .clock(CLOCK)
            .build()
            .sign(TestPdfs.onePage("LTA"));

    byte[] stamped = DocumentTimestampWriter.timestamp(signed, client);

    assertThat(Arrays.copyOf(stamped, signed.length)).isEqualTo(signed);
    DocumentTimestampCheck.Proof proof =
        check.check(documentTimestamp(stamped), stamped, Optional.empty(), LATER);
    assertThat(proof.time()).isEqualTo(TSA_TIME);
    assertThat(proof.rangeEnd()).isEqualTo(stamped.length);
    assertThat(proof.tsa()).isEqualTo(tsa.certificate());
  }

  @Test
  void check_byteChangedInCoveredRevision_hashFailure() throws Exception {
    byte[] stamped = DocumentTimestampWriter.timestamp(TestPdfs.onePage("LTA"), client);
    EmbeddedSignature timestamp = documentTimestamp(stamped);
    byte[] changed = stamped.clone();
    int at = indexOf(changed, "LTA");
    changed[at] = 'X';

    assertThatThrownBy(() -> check.check(timestamp, changed, Optional.empty(), LATER))
        .isInstanceOfSatisfying(
            VerificationFailure.class,
            failure -> {
              assertThat(failure.finding().indication()).isEqualTo(Indication.TOTAL_FAILED);
              assertThat(failure.finding().subIndication()).contains(SubIndication.HASH_FAILURE);
            });
  }

  @Test
  void check_tsaOfAnotherCa_noCertificateChainFound() throws Exception {
    TestPki other = TestPki.builder().clock(CLOCK).build();
    try (TestTsa foreign =
        TestTsa.builder()
            .key(other.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(TSA_TIME, ZoneOffset.UTC))
            .start()) {
      TimestampClient foreignClient =
          TimestampClient.builder()
              .url(foreign.url())
              .trustAnchor(other.caCertificate())
              .clock(CLOCK)
              .build();
      byte[] stamped = DocumentTimestampWriter.timestamp(TestPdfs.onePage("LTA"), foreignClient);

      assertThatThrownBy(
              () -> check.check(documentTimestamp(stamped), stamped, Optional.empty(), LATER))
          .isInstanceOfSatisfying(
              VerificationFailure.class,
              failure ->
                  assertThat(failure.finding().subIndication())
                      .contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND));
    }
  }

  private static int indexOf(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i <= haystack.length - n.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(needle + " not found");
  }
}
