package dev.onceform.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultDocuments;
import dev.onceform.core.testing.ExternalTool;
import dev.onceform.core.testing.PdfA;
import dev.onceform.signing.Indication;
import dev.onceform.signing.PadesLevel;
import dev.onceform.signing.Pem;
import dev.onceform.signing.SignatureReport;
import dev.onceform.signing.SignatureVerifier;
import dev.onceform.signing.VerificationReport;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BirthRegistrationDemoTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

  private static BirthRegistrationDemo.Outcome run(Path out, ByteArrayOutputStream log) {
    return new BirthRegistrationDemo(out, new PrintStream(log, true, StandardCharsets.UTF_8), CLOCK)
        .run();
  }

  @Test
  void run_freshDirectory_validSubmissionSignedAndVerified(@TempDir Path out) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    BirthRegistrationDemo.Outcome outcome = run(out, log);

    assertThat(outcome.valid()).isTrue();
    assertThat(outcome.verification()).isEqualTo("TOTAL_PASSED");
    assertThat(outcome.signedPdf()).isRegularFile();
    assertThat(outcome.caCertificate()).isRegularFile().hasFileName("test-ca.pem");
    assertThat(Files.readString(outcome.caCertificate())).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(Files.readString(outcome.submission())).contains("Nguyễn Thị Hường", "Trần Văn Đức");
    String printed = log.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("Prefilled 13 fields", "Validation: valid", "TOTAL_PASSED");
    assertThat(printed)
        .contains("birth-registration@1.0.0: 17 fields prefilled")
        .contains("business-household-registration@1.0.0: 10 fields prefilled");
    assertThat(out.resolve("business-household-registration-draft.json")).isRegularFile();
    try (var files = Files.list(out)) {
      assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
    }
  }

  @Test
  void run_issuesTheBirthCertificateWithItsResultJson(@TempDir Path out) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    BirthRegistrationDemo.Outcome outcome = run(out, log);

    assertThat(outcome.resultPdf()).isEqualTo(out.resolve("birth-certificate.pdf")).isRegularFile();
    assertThat(outcome.resultQr()).isEqualTo("MATCH");
    byte[] pdf = Files.readAllBytes(outcome.resultPdf());
    byte[] json = Files.readAllBytes(out.resolve("birth-certificate.result.json"));
    assertThat(ResultDocuments.extract(pdf).json())
        .isEqualTo(new String(json, StandardCharsets.UTF_8));
    ResultData result = ResultData.parse(json);
    assertThat(result.templateId()).isEqualTo("birth-certificate");
    assertThat(result.subject()).isEqualTo(BirthRegistrationDemo.CHILD_ID);
    assertThat(result.receiptNumber()).isEqualTo("H27.39-261123-0001");
    assertThat(result.value("childFullName").map(JsonNode::asText)).hasValue("Trần Minh Khôi");
    assertThat(result.value("signerName").map(JsonNode::asText))
        .hasValue(BirthRegistrationDemo.SIGNER_NAME);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("8. Issued the result TRÍCH LỤC KHAI SINH, receipt H27.39-261123-0001")
        .contains("QR code MATCH");
  }

  @Test
  void childId_fitsTheChildOfTheDemo() {
    // PPP G YY NNNNNN: registered in Đắk Lắk (066), male born in the 21st century (2), in 2026
    String id = BirthRegistrationDemo.CHILD_ID;
    ObjectNode submission = new ObjectMapper().createObjectNode();
    submission.putObject("applicant");
    BirthRegistrationDemo.completeByCitizen(submission);
    JsonNode child = submission.path("child");

    assertThat(id).hasSize(12).containsOnlyDigits().startsWith("066");
    assertThat(child.path("sex").asText()).isEqualTo("male");
    assertThat(id.charAt(3)).isEqualTo('2');
    assertThat(child.path("dateOfBirth").asText()).startsWith("20" + id.substring(4, 6));
  }

  @Test
  void run_secondTime_makesAFreshTestPkiThatVerifies(@TempDir Path out) throws Exception {
    run(out, new ByteArrayOutputStream());
    String firstCa = Files.readString(out.resolve("test-ca.pem"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    BirthRegistrationDemo.Outcome outcome = run(out, log);

    assertThat(outcome.verification()).isEqualTo("TOTAL_PASSED");
    assertThat(outcome.resultVerification()).isEqualTo("TOTAL_PASSED");
    assertThat(Files.readString(out.resolve("test-ca.pem"))).isNotEqualTo(firstCa);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("Created a throw-away test PKI");
  }

  @Test
  void run_resultSignedAtBltWithTheCrlsWrittenBeside(@TempDir Path out) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    BirthRegistrationDemo.Outcome outcome = run(out, log);

    assertThat(outcome.resultVerification()).isEqualTo("TOTAL_PASSED");
    assertThat(outcome.resultLevel()).isEqualTo("B_LT");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Signed it as PAdES B-LT")
        .contains("TOTAL_PASSED, level B_LT");
    var root = Pem.readCertificates(out.resolve("test-ca.pem"));
    var issuing = Pem.readCertificates(out.resolve("test-issuing-ca.pem"));
    var rootCrls = Pem.readCrls(out.resolve("test-ca.crl.pem"));
    var issuingCrls = Pem.readCrls(out.resolve("test-issuing-ca.crl.pem"));
    assertThat(rootCrls).singleElement().satisfies(c -> c.verify(root.get(0).getPublicKey()));
    assertThat(issuingCrls).singleElement().satisfies(c -> c.verify(issuing.get(0).getPublicKey()));
    assertThat(issuing.get(0).getIssuerX500Principal())
        .isEqualTo(root.get(0).getSubjectX500Principal());
    // Verified with the root alone, later and without any revocation source: the DSS suffices.
    VerificationReport report =
        SignatureVerifier.builder()
            .trustAnchors(root)
            .clock(Clock.offset(CLOCK, Duration.ofDays(3)))
            .build()
            .verify(Files.readAllBytes(outcome.resultPdf()));
    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.level()).isEqualTo(PadesLevel.B_LT);
    assertThat(signature.signerCertificate().orElseThrow().getSubjectX500Principal().getName())
        .contains("Ủy ban nhân dân xã Hòa Phú (TEST)");
  }

  @Test
  void run_signedResult_signatureVisibleInTheTemplatesSignatureBlock(@TempDir Path out)
      throws Exception {
    BirthRegistrationDemo.Outcome outcome = run(out, new ByteArrayOutputStream());

    try (PDDocument document = Loader.loadPDF(outcome.resultPdf().toFile())) {
      PDSignatureField field = document.getSignatureFields().get(0);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      PDRectangle rect = widget.getRectangle();
      PDPage page = widget.getPage();
      assertThat(rect.getWidth()).isGreaterThan(100);
      assertThat(rect.getHeight()).isGreaterThan(50);
      assertThat(widget.getAppearance().getNormalAppearance().getAppearanceStream()).isNotNull();
      // The page's own text: nothing under the signature, the signer's position right above it.
      float top = page.getMediaBox().getHeight() - rect.getUpperRightY();
      PDFTextStripperByArea stripper = new PDFTextStripperByArea();
      stripper.addRegion(
          "under",
          new Rectangle2D.Float(rect.getLowerLeftX(), top, rect.getWidth(), rect.getHeight()));
      stripper.addRegion(
          "above", new Rectangle2D.Float(rect.getLowerLeftX(), top - 20, rect.getWidth(), 20));
      stripper.extractRegions(page);
      assertThat(stripper.getTextForRegion("under")).isBlank();
      assertThat(stripper.getTextForRegion("above")).contains("NGƯỜI KÝ TRÍCH LỤC");
    }
  }

  @Test
  void run_signedResult_isStillPdfA3b(@TempDir Path out) throws Exception {
    BirthRegistrationDemo.Outcome outcome = run(out, new ByteArrayOutputStream());

    assertThat(PdfA.failuresOf3b(Files.readAllBytes(outcome.resultPdf()))).isEmpty();
  }

  @Test
  void run_signedResult_pdfsigTrustsItWithTheTestCaInAnNssDatabase(@TempDir Path out)
      throws Exception {
    ExternalTool.require("pdfsig", "poppler-utils");
    ExternalTool.require("certutil", "libnss3-tools");
    BirthRegistrationDemo.Outcome outcome = run(out, new ByteArrayOutputStream());
    Path nss = Files.createDirectories(out.resolve("nssdb"));
    ExternalTool.run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
    ExternalTool.run(
        "certutil",
        "-A",
        "-d",
        "sql:" + nss,
        "-n",
        "OnceForm test CA",
        "-t",
        "CT,C,C",
        "-i",
        out.resolve("test-ca.pem").toString());

    ExternalTool.Result result =
        ExternalTool.run("pdfsig", "-nssdir", "sql:" + nss, outcome.resultPdf().toString());

    assertThat(result.output())
        .contains("Signature Validation: Signature is Valid.")
        .contains("Certificate Validation: Certificate is Trusted.")
        .contains("ETSI.CAdES.detached");
  }

  @Test
  void run_signedPdf_pdfsigSaysTheSignatureIsValid(@TempDir Path out) throws Exception {
    ExternalTool.require("pdfsig", "poppler-utils");
    BirthRegistrationDemo.Outcome outcome = run(out, new ByteArrayOutputStream());

    ExternalTool.Result result = ExternalTool.run("pdfsig", outcome.signedPdf().toString());

    assertThat(result.output())
        .contains("Signature Validation: Signature is Valid.")
        .contains("ETSI.CAdES.detached");
  }

  @Test
  void run_signedPdf_pdftotextGivesTheVietnameseText(@TempDir Path out) throws Exception {
    ExternalTool.require("pdftotext", "poppler-utils");
    BirthRegistrationDemo.Outcome outcome = run(out, new ByteArrayOutputStream());

    ExternalTool.Result result =
        ExternalTool.run("pdftotext", "-enc", "UTF-8", outcome.signedPdf().toString(), "-");

    assertThat(result.output()).contains("Nguyễn Thị Hường", "Đắk Lắk", "Trần Minh Khôi");
  }

  @Test
  void run_resultPdf_pdftotextGivesTheTitleAndTheOfficerInputs(@TempDir Path out) throws Exception {
    ExternalTool.require("pdftotext", "poppler-utils");
    BirthRegistrationDemo.Outcome outcome = run(out, new ByteArrayOutputStream());

    ExternalTool.Result result =
        ExternalTool.run("pdftotext", "-enc", "UTF-8", outcome.resultPdf().toString(), "-");

    assertThat(result.output())
        .contains("TRÍCH LỤC KHAI SINH", "Trần Minh Khôi", BirthRegistrationDemo.CHILD_ID)
        .contains(BirthRegistrationDemo.SIGNER_NAME);
  }
}
