package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    // pdfsig exits non-zero when the certificate is untrusted (our test CA is not in NSS).
    assertThat(result.output())
        .contains("Signature Validation: Signature is Valid.")
        .contains("Signature Type: ETSI.CAdES.detached")
        .contains("Total document signed");
  }

  @ParameterizedTest
  @EnumSource(TestPki.KeyType.class)
  void sign_cmsCheckedByOpensslCms_verificationSuccessful(
      TestPki.KeyType keyType, @TempDir Path directory) throws Exception {
    ExternalTool openssl = ExternalTool.require("openssl", "install openssl");
    TestPki pki = TestPki.builder().clock(CLOCK).keyType(keyType).build();
    SignedPdfParts parts = SignedPdfParts.lastSignature(sign(pki));
    Path cms = Files.write(directory.resolve("signature.p7s"), parts.cms());
    Path content = Files.write(directory.resolve("signed-range.bin"), parts.signedContent());
    Path ca = Files.writeString(directory.resolve("ca.pem"), pki.caCertificatePem());

    ExternalTool.Result result =
        openssl.run(
            TIMEOUT,
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            cms.toString(),
            "-content",
            content.toString(),
            "-CAfile",
            ca.toString(),
            "-purpose",
            "any",
            "-attime",
            Long.toString(NOW.getEpochSecond()),
            "-out",
            directory.resolve("out.bin").toString());

    assertThat(result.output()).contains("Verification successful");
    assertThat(result.exitCode()).isZero();
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
