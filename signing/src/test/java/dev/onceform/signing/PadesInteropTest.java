package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.OpensslCms;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks our signatures with verifiers we did not write: poppler's {@code pdfsig} (NSS) and {@code
 * openssl cms}. Skipped if the tools are missing, failed instead if {@code
 * ONCEFORM_REQUIRE_TOOLS=1}.
 */
class PadesInteropTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static byte[] sign(TestPki pki) throws Exception {
    return PadesSigner.builder()
        .key(pki.signerKey())
        .clock(CLOCK)
        .build()
        .sign(TestPdfs.onePage("Interop"));
  }

  @ParameterizedTest
  @EnumSource(TestPki.KeyType.class)
  void sign_checkedByPdfsig_signatureValidEtsiCades(
      TestPki.KeyType keyType, @TempDir Path directory) throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    TestPki pki = TestPki.builder().clock(CLOCK).keyType(keyType).build();
    Path pdf = Files.write(directory.resolve("signed.pdf"), sign(pki));

    ExternalTool.Result result = pdfsig.run(TIMEOUT, pdf.toString());

    // Our test CA is not in NSS here, so only the signature is checked (PadesTrustedInteropTest
    // imports it); pdfsig exits 0 either way, so read its lines.
    assertThat(result.output())
        .contains("Signature Validation: Signature is Valid.")
        .contains("Signature Type: ETSI.CAdES.detached")
        .contains("Total document signed");
  }

  @ParameterizedTest
  @EnumSource(TestPki.KeyType.class)
  void sign_cmsCheckedByOpensslCms_verificationSuccessful(
      TestPki.KeyType keyType, @TempDir Path directory) throws Exception {
    TestPki pki = TestPki.builder().clock(CLOCK).keyType(keyType).build();
    SignedPdfParts parts = SignedPdfParts.lastSignature(sign(pki));

    ExternalTool.Result result = OpensslCms.verify(directory, parts, pki.caCertificatePem(), NOW);

    assertThat(result.output()).contains("Verification successful");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void signBt_checkedByPdfsig_signatureValid(@TempDir Path directory) throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    TestPki pki = TestPki.builder().clock(CLOCK).build();
    Path pdf = Files.write(directory.resolve("signed-bt.pdf"), signBt(pki));

    ExternalTool.Result result = pdfsig.run(TIMEOUT, pdf.toString());

    assertThat(result.output())
        .contains("Signature Validation: Signature is Valid.")
        .contains("Signature Type: ETSI.CAdES.detached")
        .contains("Total document signed");
  }

  @Test
  void signBt_timestampCheckedByOpensslTs_verificationOk(@TempDir Path directory) throws Exception {
    ExternalTool openssl = ExternalTool.require("openssl", "install openssl");
    TestPki pki = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
    CMSSignedData cms = new CMSSignedData(SignedPdfParts.lastSignature(signBt(pki)).cms());
    SignerInformation signer = cms.getSignerInfos().iterator().next();
    Attribute attribute =
        signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    Path token =
        Files.write(
            directory.resolve("token.der"),
            attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER"));
    Path ca = Files.writeString(directory.resolve("ca.pem"), pki.caCertificatePem());
    String digest =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()));

    ExternalTool.Result result =
        openssl.run(
            TIMEOUT,
            "ts",
            "-verify",
            "-token_in",
            "-in",
            token.toString(),
            "-digest",
            digest,
            "-CAfile",
            ca.toString(),
            "-attime",
            Long.toString(NOW.getEpochSecond()));

    assertThat(result.output()).contains("Verification: OK");
    assertThat(result.exitCode()).isZero();
  }

  /** Signs at B-T with a timestamp from a {@link TestTsa} of the same test PKI. */
  private static byte[] signBt(TestPki pki) throws Exception {
    try (TestTsa tsa =
        TestTsa.builder()
            .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(CLOCK)
            .start()) {
      TimestampClient client =
          TimestampClient.builder()
              .url(tsa.url())
              .trustAnchor(pki.caCertificate())
              .clock(CLOCK)
              .build();
      return PadesSigner.builder()
          .key(pki.signerKey())
          .clock(CLOCK)
          .level(PadesLevel.B_T)
          .timestampClient(client)
          .build()
          .sign(TestPdfs.onePage("Interop BT"));
    }
  }

  @Test
  void sign_tamperedRangeCheckedByOpensslCms_verificationFails(@TempDir Path directory)
      throws Exception {
    ExternalTool openssl = ExternalTool.require("openssl", "install openssl");
    TestPki pki = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
    SignedPdfParts parts = SignedPdfParts.lastSignature(sign(pki));
    byte[] tampered = parts.signedContent().clone();
    tampered[tampered.length / 2] ^= 1;
    Path cms = Files.write(directory.resolve("signature.p7s"), parts.cms());
    Path content = Files.write(directory.resolve("signed-range.bin"), tampered);

    ExternalTool.Result result =
        openssl.run(
            TIMEOUT,
            "cms",
            "-verify",
            "-binary",
            "-noverify",
            "-inform",
            "DER",
            "-in",
            cms.toString(),
            "-content",
            content.toString(),
            "-out",
            directory.resolve("out.bin").toString());

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("CMS Verification failure");
  }
}
