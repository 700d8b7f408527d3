package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PAdES B-LTA: a document timestamp over a B-LT signature and its DSS, and its verification. */
class PadesArchiveTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Instant TSA_TIME = NOW.plusSeconds(7);
  private static final Instant CRL_TIME = NOW.plusSeconds(60);
  private static final Clock LATER = Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final TestPki PKI =
      TestPki.builder().clock(CLOCK).hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE).build();
  private static final SignatureVerifier VERIFIER =
      SignatureVerifier.builder().trustAnchor(PKI.caCertificate()).clock(LATER).build();

  private static TestTsa tsa;

  @BeforeAll
  static void start() {
    tsa =
        TestTsa.builder()
            .key(PKI.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(TSA_TIME, ZoneOffset.UTC))
            .start();
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  private static byte[] signLta(TestPki pki, TestTsa server) throws Exception {
    return PadesSigner.builder()
        .key(pki.signerKey())
        .clock(CLOCK)
        .level(PadesLevel.B_LTA)
        .timestampClient(
            TimestampClient.builder()
                .url(server.url())
                .trustAnchor(pki.caCertificate())
                .clock(CLOCK)
                .build())
        .revocationSource(RevocationSource.of(pki.crls(CRL_TIME), List.of()))
        .build()
        .sign(TestPdfs.onePage("Archive"));
  }

  @Test
  void signBlta_verify_signatureAtBltaAndDocumentTimestampPassed() throws Exception {
    byte[] signed = signLta(PKI, tsa);

    VerificationReport report = VERIFIER.verify(signed);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures()).hasSize(1);
    assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_LTA);
    assertThat(report.documentTimestamps()).hasSize(1);
    DocumentTimestampReport timestamp = report.documentTimestamps().get(0);
    assertThat(timestamp.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(timestamp.time()).contains(TSA_TIME);
    assertThat(timestamp.coversWholeDocument()).isTrue();
    assertThat(timestamp.tsaCertificate()).contains(tsa.certificate());
    assertThat(timestamp.reason().key()).isEqualTo("documentTimestamp.valid");
  }

  @Test
  void signBlta_isBltPlusOneIncrementalUpdate() throws Exception {
    byte[] signed = signLta(PKI, tsa);
    String text = new String(signed, StandardCharsets.ISO_8859_1);

    assertThat(text).contains("/Type /DocTimeStamp").contains("/SubFilter /ETSI.RFC3161");
    assertThat(text.split("%%EOF", -1)).hasSize(4 + 1); // input, signature, DSS, document timestamp
  }

  @Test
  void verify_documentTimestampFromUntrustedTsa_indeterminateAndSignatureStaysBlt()
      throws Exception {
    TestPki other = TestPki.builder().clock(CLOCK).build();
    try (TestTsa foreign =
        TestTsa.builder()
            .key(other.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(TSA_TIME, ZoneOffset.UTC))
            .start()) {
      byte[] blt =
          PadesSigner.builder()
              .key(PKI.signerKey())
              .clock(CLOCK)
              .level(PadesLevel.B_LT)
              .timestampClient(
                  TimestampClient.builder()
                      .url(tsa.url())
                      .trustAnchor(PKI.caCertificate())
                      .clock(CLOCK)
                      .build())
              .revocationSource(RevocationSource.of(PKI.crls(CRL_TIME), List.of()))
              .build()
              .sign(TestPdfs.onePage("Archive"));
      byte[] stamped =
          DocumentTimestampWriter.timestamp(
              blt,
              TimestampClient.builder()
                  .url(foreign.url())
                  .trustAnchor(other.caCertificate())
                  .clock(CLOCK)
                  .build());

      VerificationReport report = VERIFIER.verify(stamped);

      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
      assertThat(report.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
      assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_LT);
      assertThat(report.documentTimestamps().get(0).reason().key())
          .isEqualTo("timestamp.chainNotFound");
    }
  }

  @Test
  void verify_pageAddedAfterDocumentTimestamp_bothTotalFailedFormatFailure() throws Exception {
    byte[] changed = TestPdfs.withPageAppended(signLta(PKI, tsa));

    VerificationReport report = VERIFIER.verify(changed);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.signatures().get(0).subIndication()).contains(SubIndication.FORMAT_FAILURE);
    DocumentTimestampReport timestamp = report.documentTimestamps().get(0);
    assertThat(timestamp.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(timestamp.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(timestamp.coversWholeDocument()).isFalse();
  }

  @Test
  void verify_byteOfDocumentTimestampRevisionChanged_hashFailure() throws Exception {
    byte[] signed = signLta(PKI, tsa);
    // The document timestamp's own revision starts after the DSS; change a byte of its
    // signature dictionary's /Type name spelling in place (same length), inside its ByteRange.
    String text = new String(signed, StandardCharsets.ISO_8859_1);
    int at = text.lastIndexOf("/DocTimeStamp");
    byte[] changed = signed.clone();
    changed[at + 1] = 'd';

    VerificationReport report = VERIFIER.verify(changed);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_FAILED);
  }

  @Test
  void signBlta_pdfsigValidatesSignature_opensslValidatesDocumentTimestamp(@TempDir Path directory)
      throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    ExternalTool openssl = ExternalTool.require("openssl", "install openssl");
    byte[] signed = signLta(PKI, tsa);
    Path pdf = Files.write(directory.resolve("lta.pdf"), signed);

    // poppler 22 validates the signature but not document timestamps ("Unimplemented Feature").
    String output = pdfsig.run(TIMEOUT, pdf.toString()).output();
    assertThat(output).contains("Signature #1:").contains("Signature #2:");
    assertThat(output.substring(output.indexOf("Signature #1:"), output.indexOf("Signature #2:")))
        .contains("Signature is Valid.");
    assertThat(output.substring(output.indexOf("Signature #2:"))).contains("OnceForm Test TSA");

    // openssl checks the document timestamp's token over its ByteRange, trusting only the CA.
    SignedPdfParts parts = SignedPdfParts.lastSignature(signed);
    Path token = Files.write(directory.resolve("token.der"), parts.cms());
    Path data = Files.write(directory.resolve("signed.bin"), parts.signedContent());
    Path ca = Files.writeString(directory.resolve("ca.pem"), PKI.caCertificatePem());
    Path untrusted = Files.writeString(directory.resolve("tsa.pem"), Pem.encode(tsa.certificate()));
    ExternalTool.Result verified = tsVerify(openssl, token, data, ca, untrusted);
    assertThat(verified.output()).as(verified.output()).contains("Verification: OK");

    byte[] other = parts.signedContent().clone();
    other[100] ^= 1;
    Files.write(data, other);
    ExternalTool.Result refused = tsVerify(openssl, token, data, ca, untrusted);
    assertThat(refused.output()).doesNotContain("Verification: OK");
  }

  /**
   * {@code openssl ts -verify} of a DER token over {@code data}, trusting {@code ca}; then {@code
   * more}.
   */
  static ExternalTool.Result tsVerify(
      ExternalTool openssl, Path token, Path data, Path ca, Path untrusted, String... more)
      throws Exception {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "ts",
                "-verify",
                "-token_in",
                "-in",
                token.toString(),
                "-data",
                data.toString(),
                "-CAfile",
                ca.toString(),
                "-untrusted",
                untrusted.toString()));
    arguments.addAll(List.of(more));
    return openssl.run(TIMEOUT, arguments.toArray(String[]::new));
  }
}
