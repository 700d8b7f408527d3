package dev.onceform.signing.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPkiTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();

  @Test
  void build_defaults_vietnameseSubjectsAndSigningKeyUsage() {
    assertThat(PKI.signerCertificate().getSubjectX500Principal().getName())
        .isEqualTo(
            "CN=Ủy ban nhân dân xã Hòa Phú (TEST),O=Ủy ban nhân dân xã Hòa Phú,L=Hòa Phú,C=VN");
    assertThat(PKI.signerCertificate().getIssuerX500Principal())
        .isEqualTo(PKI.caCertificate().getSubjectX500Principal());
    boolean[] keyUsage = PKI.signerCertificate().getKeyUsage();
    assertThat(keyUsage[0]).as("digitalSignature").isTrue();
    assertThat(keyUsage[1]).as("nonRepudiation").isTrue();
    assertThat(PKI.signerCertificate().getBasicConstraints()).isEqualTo(-1);
    assertThat(PKI.caCertificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void build_expired_validityEndsBeforeClock() {
    TestPki expired =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(TestPki.KeyType.EC_P256)
            .signerValidity(TestPki.SignerValidity.EXPIRED)
            .build();

    assertThat(expired.signerCertificate().getNotAfter().toInstant()).isBefore(NOW);
  }

  @Test
  void issueTsaKey_timeStamping_criticalExtendedKeyUsageIssuedByCa() throws Exception {
    TestPki ec = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();

    X509Certificate tsa = ec.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING).certificate();

    assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
    assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
    assertThat(tsa.getSubjectX500Principal().getName()).isEqualTo(TestPki.TSA_SUBJECT);
    assertThat(tsa.getIssuerX500Principal())
        .isEqualTo(ec.caCertificate().getSubjectX500Principal());
    assertThat(tsa.getNotBefore().toInstant()).isBefore(NOW);
    assertThat(tsa.getNotAfter().toInstant()).isAfter(NOW);
  }

  @Test
  void issueTsaKey_noExtendedKeyUsage_hasNone() {
    TestPki ec = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();

    X509Certificate tsa = ec.issueTsaKey(TestPki.TsaKeyUsage.NO_EXTENDED_KEY_USAGE).certificate();

    assertThat(tsa.getExtensionValue("2.5.29.37")).isNull();
  }

  @Test
  void caCertificatePem_isPem() {
    assertThat(PKI.caCertificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
  }

  @Test
  void writePkcs12_readByOpenssl(@TempDir Path directory) throws Exception {
    ExternalTool openssl = ExternalTool.require("openssl", "install openssl");
    Path file = directory.resolve("signer.p12");
    PKI.writePkcs12(file, "secret".toCharArray());

    ExternalTool.Result result =
        openssl.run(
            TIMEOUT, "pkcs12", "-in", file.toString(), "-passin", "pass:secret", "-nodes", "-info");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("BEGIN PRIVATE KEY").contains("BEGIN CERTIFICATE");
  }

  @Test
  void writePkcs12_listedByKeytool(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("signer.p12");
    PKI.writePkcs12(file, "secret".toCharArray());

    ExternalTool.Result result =
        ExternalTool.keytool()
            .run(
                TIMEOUT,
                "-J-Duser.language=en",
                "-list",
                "-keystore",
                file.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "secret");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("signer, ").contains("PrivateKeyEntry");
  }

  @Test
  void build_intermediateAndRevokedSigner_crlListsSignerFromRevocationTime() throws Exception {
    Instant revokedAt = NOW.plusSeconds(60);
    TestPki revoked =
        TestPki.builder()
            .clock(CLOCK)
            .keyType(TestPki.KeyType.EC_P256)
            .hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE)
            .signerRevokedAt(revokedAt)
            .build();
    X509Certificate intermediate = revoked.intermediateCertificate().orElseThrow();

    java.security.cert.X509CRL before = revoked.crl(NOW);
    java.security.cert.X509CRL after = revoked.crl(revokedAt);

    assertThat(revoked.signerCertificate().getIssuerX500Principal())
        .isEqualTo(intermediate.getSubjectX500Principal());
    assertThat(revoked.signerKey().certificateChain())
        .containsExactly(revoked.signerCertificate(), intermediate, revoked.caCertificate());
    after.verify(intermediate.getPublicKey());
    assertThat(before.isRevoked(revoked.signerCertificate())).isFalse();
    assertThat(after.getRevokedCertificate(revoked.signerCertificate()).getRevocationDate())
        .isEqualTo(java.util.Date.from(revokedAt));
    assertThat(revoked.crls(revokedAt)).hasSize(2);
  }
}
