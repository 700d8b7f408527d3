package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.onceform.signing.spi.SignerKey;
import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.SoftHsmToken;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signs with keys on a SoftHSM2 token through SunPKCS11 ({@link SignerKeys#pkcs11}). Skipped
 * without SoftHSM2, failed instead with {@code ONCEFORM_REQUIRE_TOOLS=1}.
 */
class Pkcs11TokenTest {

  private SoftHsmToken token;

  @BeforeEach
  void openToken() throws Exception {
    token = SoftHsmToken.shared();
  }

  private TestPki pki(String alias) {
    return SoftHsmToken.EC_ALIAS.equals(alias) ? token.ec() : token.rsa();
  }

  private static byte[] sign(SignerKey key) throws Exception {
    return PadesSigner.builder()
        .key(key)
        .clock(SoftHsmToken.CLOCK)
        .build()
        .sign(TestPdfs.onePage("Signed on a token"));
  }

  private static VerificationReport verify(byte[] signed, TestPki pki) {
    return SignatureVerifier.builder()
        .trustAnchor(pki.caCertificate())
        .clock(SoftHsmToken.CLOCK)
        .build()
        .verify(signed);
  }

  @ParameterizedTest
  @ValueSource(strings = {SoftHsmToken.RSA_ALIAS, SoftHsmToken.EC_ALIAS})
  void pkcs11_keyOnSoftHsm_signsPdfThatVerifies(String alias) throws Exception {
    SignerKey key = SignerKeys.pkcs11(token.config(alias).build());

    VerificationReport report = verify(sign(key), pki(alias));

    assertThat(key.id()).isEqualTo("pkcs11:libsofthsm2.so/slot-" + token.slot() + "#" + alias);
    assertThat(key.certificateChain())
        .as("chain read from the token")
        .containsExactly(pki(alias).signerCertificate(), pki(alias).caCertificate());
    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @ParameterizedTest
  @ValueSource(strings = {SoftHsmToken.RSA_ALIAS, SoftHsmToken.EC_ALIAS})
  void pkcs11_signedPdf_checkedByPdfsig(String alias, @TempDir Path directory) throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    SignerKey key = SignerKeys.pkcs11(token.config(alias).build());
    Path pdf = Files.write(directory.resolve("signed.pdf"), sign(key));

    ExternalTool.Result result = pdfsig.run(Duration.ofSeconds(60), pdf.toString());

    assertThat(result.output())
        .contains("Signature Validation: Signature is Valid.")
        .contains("Signature Type: ETSI.CAdES.detached");
  }

  @Test
  void pkcs11_rsaPssOnSoftHsm_signsPdfThatVerifies() throws Exception {
    SignerKey key = SignerKeys.pkcs11(token.config(SoftHsmToken.RSA_ALIAS).build());

    byte[] signed =
        PadesSigner.builder()
            .key(key)
            .clock(SoftHsmToken.CLOCK)
            .digest(DigestAlgorithm.SHA512)
            .rsaPadding(RsaPadding.PSS)
            .build()
            .sign(TestPdfs.onePage("Signed on a token with PSS"));
    VerificationReport report = verify(signed, token.rsa());

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(
            new CMSSignedData(SignedPdfParts.lastSignature(signed).cms())
                .getSignerInfos()
                .getSigners()
                .iterator()
                .next()
                .getEncryptionAlgOID())
        .as("CKM_RSA_PKCS_PSS on the token, id-RSASSA-PSS in the CMS")
        .isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
  }

  @Test
  void pkcs11_pinFromEnvironment_opensKey() {
    String variable = "ONCEFORM_TEST_TOKEN_PIN";
    assumeThat(System.getenv(variable)).as("set by the signing pom's surefire").isNotNull();
    Pkcs11Config config = token.config(SoftHsmToken.RSA_ALIAS).pinFromEnvironment(variable).build();

    SignerKey key = SignerKeys.pkcs11(config);

    assertThat(key.certificate()).isEqualTo(token.rsa().signerCertificate());
  }

  @Test
  void pkcs11_leafOnlyTokenWithSuppliedChain_embedsThatChain() throws Exception {
    TestPki pki = token.leafOnly();
    SignerKey fromToken = SignerKeys.pkcs11(token.config(SoftHsmToken.LEAF_ONLY_ALIAS).build());
    SignerKey withChain =
        SignerKeys.pkcs11(
            token
                .config(SoftHsmToken.LEAF_ONLY_ALIAS)
                .certificateChain(List.of(pki.signerCertificate(), pki.caCertificate()))
                .build());

    assertThat(fromToken.certificateChain()).containsExactly(pki.signerCertificate());
    assertThat(withChain.certificateChain())
        .containsExactly(pki.signerCertificate(), pki.caCertificate());
    assertThat(verify(sign(withChain), pki).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void pkcs11_suppliedChainOfAnotherKey_throwsCertificateChainInvalid() {
    Pkcs11Config config =
        token
            .config(SoftHsmToken.RSA_ALIAS)
            .certificateChain(List.of(token.leafOnly().signerCertificate()))
            .build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-107")
        .hasMessageContaining("issuer 'CN=OnceForm Token Leaf-only CA (TEST)")
        .hasMessageContaining("issuer 'CN=OnceForm Token RSA CA (TEST)");
  }

  @Test
  void pkcs11_wrongPin_throwsPinIncorrectWithoutThePin() {
    String wrongPin = "bad-pin-x7";
    Pkcs11Config config =
        Pkcs11Config.builder()
            .library(token.library())
            .slot(token.pinCheckSlot())
            .pin(wrongPin.toCharArray())
            .build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-113")
        .hasMessageContaining("CKR_PIN_INCORRECT")
        .hasMessageNotContaining(wrongPin);
  }

  @Test
  void pkcs11_unknownAlias_throwsAliasNotFoundListingAliases() {
    Pkcs11Config config = token.config("no-such-key").build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-105")
        .hasMessageContaining("'no-such-key'")
        .hasMessageContaining("[leaf-only, signer-ec, signer-rsa]");
  }

  @Test
  void pkcs11_noAliasAndSeveralKeys_throwsAliasRequired() {
    Pkcs11Config config =
        Pkcs11Config.builder()
            .library(token.library())
            .slot(token.slot())
            .pin(SoftHsmToken.PIN.toCharArray())
            .build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-106")
        .hasMessageContaining("3 private keys");
  }

  @Test
  void pkcs11_slotWithoutToken_throwsTokenNotFound() {
    long absent = Math.max(token.slot(), token.pinCheckSlot()) + 1;
    Pkcs11Config config =
        Pkcs11Config.builder()
            .library(token.library())
            .slot(absent)
            .pin(SoftHsmToken.PIN.toCharArray())
            .build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-112")
        .hasMessageContaining("slot-" + absent)
        .hasMessageContaining("CKR_SLOT_ID_INVALID")
        .hasMessageContaining("pkcs11-tool");
  }

  @Test
  void pkcs11_slotListIndexBeyondSlots_throwsTokenNotFound() {
    Pkcs11Config config =
        Pkcs11Config.builder()
            .library(token.library())
            .slotListIndex(99)
            .pin(SoftHsmToken.PIN.toCharArray())
            .build();

    assertThatThrownBy(() -> SignerKeys.pkcs11(config))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-112")
        .hasMessageContaining("index-99");
  }

  @Test
  void pkcs11_concurrentSigning_everySignatureVerifies() throws Exception {
    SignerKey key = SignerKeys.pkcs11(token.config(SoftHsmToken.EC_ALIAS).build());
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try {
      List<Callable<byte[]>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        tasks.add(() -> sign(key));
      }
      for (Future<byte[]> signed : executor.invokeAll(tasks)) {
        assertThat(verify(signed.get(), token.ec()).indication())
            .isEqualTo(Indication.TOTAL_PASSED);
      }
    } finally {
      executor.shutdownNow();
    }
  }
}
