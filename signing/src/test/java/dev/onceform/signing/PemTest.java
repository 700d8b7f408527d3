package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

  private static final TestPki PKI = TestPki.builder().keyType(TestPki.KeyType.EC_P256).build();

  @Test
  void encode_thenParse_sameCertificate() {
    String pem = Pem.encode(PKI.caCertificate());

    assertThat(pem)
        .startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("-----END CERTIFICATE-----\n");
    assertThat(pem.lines().skip(1).filter(l -> !l.startsWith("-----")))
        .allMatch(l -> l.length() <= 64);
    assertThat(Pem.parseCertificates(pem)).containsExactly(PKI.caCertificate());
  }

  @Test
  void readCertificates_fileWithTwoCertificatesAndText_readsBothInOrder(@TempDir Path directory)
      throws Exception {
    Path file =
        Files.writeString(
            directory.resolve("chain.pem"),
            "signer\n"
                + Pem.encode(PKI.signerCertificate())
                + "ca\r\n"
                + Pem.encode(PKI.caCertificate()).replace("\n", "\r\n"));

    assertThat(Pem.readCertificates(file))
        .containsExactly(PKI.signerCertificate(), PKI.caCertificate());
  }

  @Test
  void readCertificates_emptyFile_throwsNoCertificate(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("empty.pem"), "");

    assertThatThrownBy(() -> Pem.readCertificates(file))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-401")
        .hasMessageContaining("empty.pem");
  }

  @Test
  void readCertificates_missingFile_throwsPemUnreadable(@TempDir Path directory) {
    assertThatThrownBy(() -> Pem.readCertificates(directory.resolve("none.pem")))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-403");
  }

  @Test
  void parseCertificates_damagedBlock_throwsPemInvalid() {
    String pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

    assertThatThrownBy(() -> Pem.parseCertificates(pem))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-402");
  }

  @Test
  void parseCertificates_privateKeyOnly_throwsNoCertificate() {
    String pem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> Pem.parseCertificates(pem))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-401");
  }

  @Test
  void encodeCrl_thenReadCrls_sameCrlsInOrder(@TempDir Path directory) throws Exception {
    TestPki pki =
        TestPki.builder()
            .keyType(TestPki.KeyType.EC_P256)
            .hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE)
            .build();
    List<X509CRL> crls = pki.crls(Instant.parse("2026-11-23T08:00:00Z"));
    String root = Pem.encode(crls.get(0));
    Path file =
        Files.writeString(
            directory.resolve("crls.pem"),
            Pem.encode(pki.caCertificate()) + root + Pem.encode(crls.get(1)));

    assertThat(root).startsWith("-----BEGIN X509 CRL-----\n").endsWith("-----END X509 CRL-----\n");
    assertThat(root.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64);
    assertThat(Pem.readCrls(file)).containsExactlyElementsOf(crls);
  }

  @Test
  void readCrls_certificateOnly_throwsNoCrl(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("ca.pem"), Pem.encode(PKI.caCertificate()));

    assertThatThrownBy(() -> Pem.readCrls(file))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-405")
        .hasMessageContaining("ca.pem")
        .hasMessageContaining("openssl crl -inform DER");
  }

  @Test
  void readCrls_damagedBlock_throwsPemInvalid(@TempDir Path directory) throws Exception {
    Path file =
        Files.writeString(
            directory.resolve("bad.crl.pem"),
            "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n");

    assertThatThrownBy(() -> Pem.readCrls(file))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-402")
        .hasMessageContaining("CRL block 1");
  }

  @Test
  void readCrls_missingFile_throwsPemUnreadable(@TempDir Path directory) {
    assertThatThrownBy(() -> Pem.readCrls(directory.resolve("none.crl.pem")))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-403")
        .hasMessageContaining("CRL file");
  }
}
