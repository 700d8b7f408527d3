package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.spi.SignerKey;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.Test;

class TimestampClientTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TestPki PKI =
      TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
  private static final SignerKey TSA_KEY = PKI.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING);
  private static final byte[] DATA = "hồ sơ khai sinh".getBytes(StandardCharsets.UTF_8);

  private static TestTsa.Builder tsa() {
    return TestTsa.builder().key(TSA_KEY).clock(CLOCK);
  }

  private static TimestampClient client(TestTsa tsa) {
    return TimestampClient.builder()
        .url(tsa.url())
        .trustAnchor(PKI.caCertificate())
        .clock(CLOCK)
        .build();
  }

  @Test
  void timestamp_testTsa_returnsCheckedTokenOverTheDigest() throws Exception {
    try (TestTsa tsa = tsa().start()) {
      TimestampToken token = client(tsa).timestamp(DATA);

      assertThat(token.time()).isEqualTo(NOW);
      assertThat(token.tsaCertificate()).isEqualTo(TSA_KEY.certificate());
      assertThat(token.policy()).isEqualTo(TestTsa.POLICY);
      assertThat(token.digestAlgorithm()).isEqualTo(DigestAlgorithm.SHA256);
      assertThat(tsa.requestCount()).isEqualTo(1);
      TimeStampToken parsed = TimestampTokenCheck.parse(ContentInfo.getInstance(token.encoded()));
      assertThat(parsed.getTimeStampInfo().getMessageImprintDigest())
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(DATA));
      assertThat(parsed.getTimeStampInfo().getNonce()).isNotNull();
    }
  }

  @Test
  void timestamp_rsaTsaSha512AndPolicy_tokenCarriesThem() {
    TestPki rsa = TestPki.builder().clock(CLOCK).build();
    try (TestTsa tsa =
        TestTsa.builder()
            .key(rsa.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(CLOCK)
            .start()) {
      TimestampClient client =
          TimestampClient.builder()
              .url(tsa.url())
              .trustAnchor(rsa.caCertificate())
              .digest(DigestAlgorithm.SHA512)
              .policy("2.999.7.2")
              .clock(CLOCK)
              .build();

      TimestampToken token = client.timestamp(DATA);

      assertThat(token.policy()).isEqualTo("2.999.7.2");
      assertThat(token.digestAlgorithm()).isEqualTo(DigestAlgorithm.SHA512);
    }
  }

  @Test
  void timestamp_pinnedTsaCertificate_accepted() {
    try (TestTsa tsa = tsa().start()) {
      TimestampClient pinned =
          TimestampClient.builder()
              .url(tsa.url())
              .trustAnchor(tsa.certificate())
              .clock(CLOCK)
              .build();

      assertThat(pinned.timestamp(DATA).time()).isEqualTo(NOW);
    }
  }

  @Test
  void timestamp_wrongNonce_failsWithResponseMismatch() {
    try (TestTsa tsa = tsa().fault(TestTsa.Fault.WRONG_NONCE).start()) {
      TimestampClient client = client(tsa);

      assertThatThrownBy(() -> client.timestamp(DATA))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-606")
          .hasMessageContaining("nonce mismatch: the response is not an answer to this request")
          .extracting(e -> ((SigningException) e).code())
          .isEqualTo(SigningException.TSA_RESPONSE_MISMATCH);
    }
  }

  @Test
  void timestamp_http500_failsWithHttpStatus() {
    try (TestTsa tsa = tsa().fault(TestTsa.Fault.HTTP_500).start()) {
      TimestampClient client = client(tsa);

      assertThatThrownBy(() -> client.timestamp(DATA))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-603")
          .hasMessageContaining("the TSA at " + tsa.url() + " answered HTTP 500");
    }
  }

  @Test
  void timestamp_tsaCertificateWithoutExtendedKeyUsage_failsWithUsage() {
    SignerKey noEku = PKI.issueTsaKey(TestPki.TsaKeyUsage.NO_EXTENDED_KEY_USAGE);
    try (TestTsa tsa = TestTsa.builder().key(noEku).clock(CLOCK).start()) {
      TimestampClient client = client(tsa);

      assertThatThrownBy(() -> client.timestamp(DATA))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-608")
          .hasMessageContaining("id-kp-timeStamping")
          .hasMessageContaining(TestPki.TSA_SUBJECT);
    }
  }

  @Test
  void timestamp_slowTsa_failsWithTimeout() {
    try (TestTsa tsa = tsa().answerDelay(Duration.ofSeconds(3)).start()) {
      TimestampClient client = client(tsa).toBuilder().timeout(Duration.ofMillis(500)).build();

      assertThatThrownBy(() -> client.timestamp(DATA))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-602")
          .hasMessageContaining("did not answer within PT0.5S");
    }
  }

  @Test
  void timestamp_tsaOfAnotherCa_failsUntrusted() {
    TestPki other = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
    try (TestTsa tsa = tsa().start()) {
      TimestampClient untrusting =
          TimestampClient.builder()
              .url(tsa.url())
              .trustAnchor(other.caCertificate())
              .clock(CLOCK)
              .build();

      assertThatThrownBy(() -> untrusting.timestamp(DATA))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-609")
          .hasMessageContaining("does not chain to a trusted certificate authority");
    }
  }

  @Test
  void timestamp_tsaCertificateExpiredAtClock_failsUntrusted() {
    Clock later = Clock.fixed(NOW.plus(Duration.ofDays(400)), ZoneOffset.UTC);
    try (TestTsa tsa = tsa().clock(later).start()) {
      TimestampClient client = client(tsa).toBuilder().clock(later).build();

      assertThatThrownBy(() -> client.timestamp(DATA))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-609")
          .hasMessageContaining("outside the validity");
    }
  }

  @Test
  void timestamp_nothingListening_failsUnreachable() {
    URI url;
    try (TestTsa tsa = tsa().start()) {
      url = tsa.url();
    }
    TimestampClient client =
        TimestampClient.builder()
            .url(url)
            .trustAnchor(PKI.caCertificate())
            .timeout(Duration.ofSeconds(5))
            .build();

    assertThatThrownBy(() -> client.timestamp(DATA))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-601")
        .hasMessageContaining("cannot be reached");
  }

  @Test
  void builder_badValues_rejectedWithTheValue() {
    TimestampClient.Builder builder = TimestampClient.builder();

    assertThatThrownBy(() -> builder.timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, but was PT0S");
    assertThatThrownBy(() -> builder.url(URI.create("ftp://tsa.example/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://tsa.example/");
    assertThatThrownBy(() -> builder.policy("policy-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'policy-1'");
    assertThatThrownBy(() -> builder.url(URI.create("http://127.0.0.1/")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("trust anchor is required");
  }
}
