package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.spi.DigestSigner;
import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import dev.onceform.signing.testing.LoopbackSigningService;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The remote signing adapter shape ({@link SignerKeys#remote}): a key that only ever sees the
 * digest, here over HTTP to a loopback stand-in for a CA's remote signing API.
 */
class RemoteSignerKeyTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:30:00Z"), ZoneOffset.UTC);
  private static final TestPki RSA = TestPki.builder().clock(CLOCK).build();
  private static final Map<TestPki.KeyType, TestPki> PKIS = new EnumMap<>(TestPki.KeyType.class);

  /**
   * What an agency writes for its CA's API: POST the digest, read the signature back. A real
   * adapter adds authentication (and, for some services, a second factor) here.
   */
  private record HttpDigestSigner(URI service) implements DigestSigner {
    @Override
    public byte[] signDigest(byte[] digest, SignatureAlgorithm algorithm) {
      try {
        HttpURLConnection connection =
            (HttpURLConnection) service.toURL().openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/octet-stream");
        connection.setRequestProperty("X-Signature-Algorithm", algorithm.name());
        try (OutputStream out = connection.getOutputStream()) {
          out.write(digest);
        }
        int status = connection.getResponseCode();
        if (status != 200) {
          throw new IllegalStateException(
              "signing service " + service + " answered HTTP " + status);
        }
        try (InputStream in = connection.getInputStream()) {
          return in.readAllBytes();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("signing service " + service + " unreachable", e);
      }
    }
  }

  private static synchronized TestPki pki(TestPki.KeyType keyType) {
    return keyType == TestPki.KeyType.RSA_2048
        ? RSA
        : PKIS.computeIfAbsent(
            keyType, type -> TestPki.builder().clock(CLOCK).keyType(type).build());
  }

  private static PrivateKey privateKey(TestPki pki, Path directory) throws Exception {
    Path file = directory.resolve("service-key.p12");
    char[] password = "service".toCharArray();
    pki.writePkcs12(file, password);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    return (PrivateKey) store.getKey(TestPki.PKCS12_ALIAS, password);
  }

  private static List<X509Certificate> chain(TestPki pki) {
    return List.of(pki.signerCertificate(), pki.caCertificate());
  }

  @ParameterizedTest
  @EnumSource(TestPki.KeyType.class)
  void remote_loopbackHttpService_signsPdfThatVerifiesSendingOnlyTheDigest(
      TestPki.KeyType keyType, @TempDir Path directory) throws Exception {
    TestPki pki = pki(keyType);
    try (LoopbackSigningService service =
        LoopbackSigningService.start(privateKey(pki, directory))) {
      SignerKey key =
          SignerKeys.remote("remote:loopback", chain(pki), new HttpDigestSigner(service.signUri()));
      byte[] pdf = TestPdfs.onePage("Signed remotely");

      byte[] signed = PadesSigner.builder().key(key).clock(CLOCK).build().sign(pdf);
      VerificationReport report =
          SignatureVerifier.builder()
              .trustAnchor(pki.caCertificate())
              .clock(CLOCK)
              .build()
              .verify(signed);

      assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(service.receivedBodies())
          .as("one request, carrying a SHA-256 digest and nothing else")
          .singleElement()
          .satisfies(body -> assertThat(body).hasSize(32));
    }
  }

  @Test
  void remote_rsaPss_serviceSignsTheDigestWithPssAndThePdfVerifies(@TempDir Path directory)
      throws Exception {
    try (LoopbackSigningService service =
        LoopbackSigningService.start(privateKey(RSA, directory))) {
      SignerKey key =
          SignerKeys.remote("remote:pss", chain(RSA), new HttpDigestSigner(service.signUri()));

      byte[] signed =
          PadesSigner.builder()
              .key(key)
              .clock(CLOCK)
              .digest(DigestAlgorithm.SHA384)
              .rsaPadding(RsaPadding.PSS)
              .build()
              .sign(TestPdfs.onePage("Signed remotely with RSA-PSS"));
      VerificationReport report =
          SignatureVerifier.builder()
              .trustAnchor(RSA.caCertificate())
              .clock(CLOCK)
              .build()
              .verify(signed);

      assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(service.receivedBodies())
          .as("one request, carrying a SHA-384 digest")
          .singleElement()
          .satisfies(body -> assertThat(body).hasSize(48));
    }
  }

  @Test
  void sign_passesTheDigestOfTheBytesToBeSigned() throws Exception {
    byte[] toBeSigned = "signed attributes".getBytes(StandardCharsets.US_ASCII);
    AtomicReference<byte[]> seen = new AtomicReference<>();
    SignerKey key =
        SignerKeys.remote(
            "remote:capture",
            chain(RSA),
            (digest, algorithm) -> {
              seen.set(digest);
              return new byte[] {1, 2, 3};
            });

    byte[] signature = key.sign(toBeSigned, SignatureAlgorithm.RSA_SHA384);

    assertThat(seen.get()).isEqualTo(MessageDigest.getInstance("SHA-384").digest(toBeSigned));
    assertThat(signature).containsExactly(1, 2, 3);
  }

  @Test
  void sign_serviceAnswersError_throwsSignerKeyFailedNamingKey(@TempDir Path directory)
      throws Exception {
    try (LoopbackSigningService service =
        LoopbackSigningService.failing(privateKey(RSA, directory), 503)) {
      PadesSigner signer =
          PadesSigner.builder()
              .key(
                  SignerKeys.remote(
                      "remote:down", chain(RSA), new HttpDigestSigner(service.signUri())))
              .clock(CLOCK)
              .build();
      byte[] pdf = TestPdfs.onePage("Not signed");

      assertThatThrownBy(() -> signer.sign(pdf))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-305")
          .hasMessageContaining("remote:down")
          .hasMessageContaining("HTTP 503");
    }
  }

  @Test
  void sign_serviceReturnsNothing_throwsSignerKeyFailed() {
    SignerKey key = SignerKeys.remote("remote:empty", chain(RSA), (digest, alg) -> new byte[0]);

    assertThatThrownBy(() -> key.sign(new byte[] {1}, SignatureAlgorithm.RSA_SHA256))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-305")
        .hasMessageContaining("returned no signature");
  }

  @Test
  void sign_serviceSignsWithAnotherKey_signerThrowsSignatureMismatch(@TempDir Path directory)
      throws Exception {
    TestPki other = TestPki.builder().clock(CLOCK).build();
    try (LoopbackSigningService service =
        LoopbackSigningService.start(privateKey(other, directory))) {
      PadesSigner signer =
          PadesSigner.builder()
              .key(
                  SignerKeys.remote(
                      "remote:wrong-key", chain(RSA), new HttpDigestSigner(service.signUri())))
              .clock(CLOCK)
              .build();
      byte[] pdf = TestPdfs.onePage("Not signed");

      assertThatThrownBy(() -> signer.sign(pdf))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("OF-SIGN-306")
          .hasMessageContaining("remote:wrong-key");
    }
  }

  @Test
  void remote_emptyChain_throwsCertificateChainInvalid() {
    assertThatThrownBy(() -> SignerKeys.remote("remote:none", List.of(), (d, a) -> d))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-107");
  }
}
