package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.spi.SignerKey;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignerKeysTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:30:00Z"), ZoneOffset.UTC);
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();
  private static final char[] PASSWORD = "correct horse 123".toCharArray();

  private Path writePkcs12(Path directory) {
    Path file = directory.resolve("signer.p12");
    PKI.writePkcs12(file, PASSWORD);
    return file;
  }

  @Test
  void pkcs12_writtenByTestPki_signsAndVerifies(@TempDir Path directory) throws Exception {
    SignerKey key = SignerKeys.pkcs12(writePkcs12(directory), PASSWORD);

    byte[] signed =
        PadesSigner.builder().key(key).clock(CLOCK).build().sign(TestPdfs.onePage("p12"));
    VerificationReport report =
        SignatureVerifier.builder()
            .trustAnchor(PKI.caCertificate())
            .clock(CLOCK)
            .build()
            .verify(signed);

    assertThat(key.id()).isEqualTo("pkcs12:signer.p12#signer");
    assertThat(key.certificateChain())
        .containsExactly(PKI.signerCertificate(), PKI.caCertificate());
    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void pkcs12_withAlias_loadsThatKey(@TempDir Path directory) {
    SignerKey key = SignerKeys.pkcs12(writePkcs12(directory), PASSWORD, TestPki.PKCS12_ALIAS);

    assertThat(key.certificate()).isEqualTo(PKI.signerCertificate());
  }

  @Test
  void pkcs12_wrongPassword_throwsKeyStorePassword(@TempDir Path directory) {
    Path file = writePkcs12(directory);

    assertThatThrownBy(() -> SignerKeys.pkcs12(file, "wrong".toCharArray()))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-102")
        .hasMessageContaining("password")
        .extracting(e -> ((SigningException) e).code())
        .isEqualTo(SigningException.KEY_STORE_PASSWORD);
  }

  @Test
  void pkcs12_nonAsciiPassword_throwsKeyStorePasswordSayingAscii(@TempDir Path directory) {
    Path file = writePkcs12(directory);

    assertThatThrownBy(() -> SignerKeys.pkcs12(file, "mật khẩu".toCharArray()))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-102")
        .hasMessageContaining("ASCII");
  }

  @Test
  void pkcs12_missingFile_throwsKeyStoreUnreadable(@TempDir Path directory) {
    Path missing = directory.resolve("missing.p12");

    assertThatThrownBy(() -> SignerKeys.pkcs12(missing, PASSWORD))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-101")
        .hasMessageContaining("missing.p12");
  }

  @Test
  void pkcs12_notAKeyStore_throwsKeyStoreFormat(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("notes.p12"), "not a key store");

    assertThatThrownBy(() -> SignerKeys.pkcs12(file, PASSWORD))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-103");
  }

  @Test
  void pkcs12_unknownAlias_throwsAliasNotFoundListingAliases(@TempDir Path directory) {
    Path file = writePkcs12(directory);

    assertThatThrownBy(() -> SignerKeys.pkcs12(file, PASSWORD, "other"))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-105")
        .hasMessageContaining("[signer]");
  }

  @Test
  void of_emptyChain_throwsCertificateChainInvalid(@TempDir Path directory) throws Exception {
    PrivateKey key = privateKeyOf(PKI, directory);

    assertThatThrownBy(() -> SignerKeys.of("k", key, List.of()))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-107");
  }

  @Test
  void of_rsaKeyWithEcCertificate_throwsCertificateChainInvalid(@TempDir Path directory)
      throws Exception {
    TestPki ec = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
    PrivateKey key = privateKeyOf(PKI, directory);

    assertThatThrownBy(() -> SignerKeys.of("k", key, List.of(ec.signerCertificate())))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-107")
        .hasMessageContaining("RSA key");
  }

  @ParameterizedTest
  @EnumSource(
      value = TestPki.KeyType.class,
      names = {"RSA_2048", "EC_P256"})
  void of_keyWithAnotherKeysCertificate_throwsSignatureMismatchWhenMade(
      TestPki.KeyType type, @TempDir Path directory) throws Exception {
    TestPki mine = TestPki.builder().clock(CLOCK).keyType(type).build();
    TestPki other = TestPki.builder().clock(CLOCK).keyType(type).build();
    PrivateKey key = privateKeyOf(mine, directory);

    assertThatThrownBy(() -> SignerKeys.of("k", key, List.of(other.signerCertificate())))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-306")
        .hasMessageContaining("does not belong to its certificate");
  }

  @ParameterizedTest
  @EnumSource(
      value = TestPki.KeyType.class,
      names = {"RSA_2048", "EC_P256"})
  void of_matchingPair_signsWithoutPerSignatureCheck(TestPki.KeyType type, @TempDir Path directory)
      throws Exception {
    TestPki pki = TestPki.builder().clock(CLOCK).keyType(type).build();
    SignerKey key =
        SignerKeys.of("k", privateKeyOf(pki, directory), pki.signerKey().certificateChain());

    assertThat(((JcaSignerKey) key).pairChecked()).isTrue();
    byte[] signed = PadesSigner.builder().key(key).clock(CLOCK).build().sign(TestPdfs.onePage("x"));
    assertThat(
            SignatureVerifier.builder()
                .trustAnchor(pki.caCertificate())
                .clock(CLOCK)
                .build()
                .verify(signed)
                .indication())
        .isEqualTo(Indication.TOTAL_PASSED);
  }

  private PrivateKey privateKeyOf(TestPki pki, Path directory) throws Exception {
    Path file = directory.resolve("key.p12");
    pki.writePkcs12(file, PASSWORD);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return (PrivateKey) store.getKey(TestPki.PKCS12_ALIAS, PASSWORD);
  }
}
