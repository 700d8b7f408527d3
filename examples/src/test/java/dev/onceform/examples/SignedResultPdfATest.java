package dev.onceform.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.ResultDocuments;
import dev.onceform.core.testing.PdfA;
import dev.onceform.core.testing.SampleResults;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import dev.onceform.signing.ArchiveTimestamper;
import dev.onceform.signing.DocMdp;
import dev.onceform.signing.Indication;
import dev.onceform.signing.PadesLevel;
import dev.onceform.signing.PadesSigner;
import dev.onceform.signing.SignatureAppearance;
import dev.onceform.signing.SignatureVerifier;
import dev.onceform.signing.TimestampClient;
import dev.onceform.signing.VerificationReport;
import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing a rendered PDF/A-3b result keeps it PDF/A-3b (veraPDF) and keeps its embedded data, for
 * every way the signing module signs: invisible B-B, B-LTA (signature, DSS, document timestamp), a
 * certification signature with a visible appearance, and a second signature after it.
 */
class SignedResultPdfATest {

  private static final Clock CLOCK = SampleResults.CLOCK;
  private static final Instant NOW = CLOCK.instant();
  private static final TestPki PKI =
      TestPki.builder().clock(CLOCK).hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE).build();
  private static final TestPki OFFICIAL = TestPki.builder().clock(CLOCK).build();
  private static final Path FONT =
      Path.of(
          "../core/src/main/resources/dev/onceform/core/internal/fonts/LiberationSerif-Regular.ttf");

  private static TestTsa tsa;
  private static byte[] result;

  @BeforeAll
  static void render() throws Exception {
    tsa =
        TestTsa.builder()
            .key(PKI.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC))
            .start();
    FormDefinition form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
    JsonNode submission =
        new ObjectMapper()
            .readTree(
                Path.of(
                        "../forms-schema/src/test/resources/samples/birth-registration/1.0.0/"
                            + "valid-both-parents.json")
                    .toFile());
    result =
        PdfRenderer.builder()
            .clock(CLOCK)
            .build()
            .renderResult(
                SampleResults.templateOf(form),
                form,
                SampleResults.of(form, submission),
                Locale.forLanguageTag("vi"))
            .pdf();
    assertThat(PdfA.failuresOf3b(result)).as("the unsigned result").isEmpty();
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  private static void assertStillPdfA3bWithItsData(byte[] signed) throws Exception {
    assertThat(Arrays.copyOf(signed, result.length)).isEqualTo(result);
    assertThat(PdfA.failuresOf3b(signed)).isEmpty();
    assertThat(ResultDocuments.extract(signed).json())
        .isEqualTo(ResultDocuments.extract(result).json());
  }

  private static VerificationReport verify(byte[] signed, TestPki... anchors) {
    SignatureVerifier.Builder verifier =
        SignatureVerifier.builder().clock(Clock.offset(CLOCK, Duration.ofMinutes(5)));
    for (TestPki anchor : anchors) {
      verifier.trustAnchor(anchor.caCertificate());
    }
    return verifier.build().verify(signed);
  }

  @Test
  void invisibleBb_staysPdfA3b() throws Exception {
    byte[] signed = PadesSigner.builder().key(PKI.signerKey()).clock(CLOCK).build().sign(result);

    assertStillPdfA3bWithItsData(signed);
    assertThat(verify(signed, PKI).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  private static TimestampClient timestamps() {
    return TimestampClient.builder()
        .url(tsa.url())
        .trustAnchor(PKI.caCertificate())
        .clock(CLOCK)
        .build();
  }

  private static RevocationSource crls() {
    return RevocationSource.of(PKI.crls(NOW.plusSeconds(30)), List.of());
  }

  private static byte[] signBlta() {
    return PadesSigner.builder()
        .key(PKI.signerKey())
        .clock(CLOCK)
        .level(PadesLevel.B_LTA)
        .timestampClient(timestamps())
        .revocationSource(crls())
        .build()
        .sign(result);
  }

  @Test
  void blta_staysPdfA3b() throws Exception {
    byte[] signed = signBlta();

    assertStillPdfA3bWithItsData(signed);
    VerificationReport report = verify(signed, PKI);
    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures().get(0).level()).isEqualTo(PadesLevel.B_LTA);
  }

  @Test
  void bltaWithRenewedArchiveTimestamp_staysPdfA3b() throws Exception {
    byte[] renewed =
        ArchiveTimestamper.builder()
            .timestampClient(timestamps())
            .revocationSource(crls())
            .build()
            .renew(signBlta());

    assertStillPdfA3bWithItsData(renewed);
    VerificationReport report = verify(renewed, PKI);
    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.documentTimestamps()).hasSize(2);
  }

  @Test
  void certifiedVisibleThenSecondVisibleSignature_staysPdfA3b() throws Exception {
    byte[] certified =
        PadesSigner.builder()
            .key(OFFICIAL.signerKey())
            .clock(CLOCK)
            .certify(DocMdp.FORM_FILLING)
            .appearance(
                SignatureAppearance.builder().page(0).rectangle(60, 40, 220, 60).font(FONT).build())
            .build()
            .sign(result);
    byte[] sealed =
        PadesSigner.builder()
            .key(PKI.signerKey())
            .clock(CLOCK)
            .appearance(
                SignatureAppearance.builder()
                    .page(0)
                    .rectangle(320, 40, 220, 60)
                    .font(FONT)
                    .build())
            .build()
            .sign(certified);

    assertStillPdfA3bWithItsData(certified);
    assertStillPdfA3bWithItsData(sealed);
    VerificationReport report = verify(sealed, PKI, OFFICIAL);
    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures()).hasSize(2);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/signed-result-two-visible.pdf"), sealed);
  }
}
