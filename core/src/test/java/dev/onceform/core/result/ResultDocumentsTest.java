package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.result.QrVerification.Status;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.schema.OnceFormException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;

class ResultDocumentsTest {
  private static final PdfRenderer RENDERER =
      PdfRenderer.builder()
          .clock(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC))
          .build();

  private static byte[] submissionPdf() {
    return RENDERER.renderSubmission(
        Fixtures.birthRegistration(), Fixtures.validSubmission(), Locale.forLanguageTag("vi"));
  }

  private static byte[] save(PDDocument document) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  /** Rebuilds a PDF with the embedded file's bytes replaced, as a forger would. */
  private static byte[] replaceAttachment(byte[] pdf, byte[] json) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      COSArray af =
          document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
      PDComplexFileSpecification spec =
          new PDComplexFileSpecification((COSDictionary) af.getObject(0));
      PDEmbeddedFile forged = new PDEmbeddedFile(document, new ByteArrayInputStream(json));
      forged.setSubtype("application/json");
      spec.setEmbeddedFile(forged);
      spec.setEmbeddedFileUnicode(forged);
      return save(document);
    }
  }

  @Test
  void extract_submissionPdf_givesBackTheSubmission() throws Exception {
    EmbeddedData data = ResultDocuments.extract(submissionPdf());

    assertThat(data.fileName()).isEqualTo("submission.json");
    assertThat(new ObjectMapper().readTree(data.json())).isEqualTo(Fixtures.validSubmission());
    assertThat(data.json()).contains("Nguyễn Thị Hường");
    assertThat(data.digest())
        .isEqualTo(
            QrReference.digest(
                Fixtures.validSubmission().toString().getBytes(StandardCharsets.UTF_8)))
        .hasSize(43);
    assertThat(ResultDocuments.extract(submissionPdf(), "submission.json")).isEqualTo(data);
  }

  @Test
  void extract_pdfWithoutAttachment_reportsOfPdf102() throws Exception {
    byte[] plain;
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      plain = save(document);
    }

    assertThatThrownBy(() -> ResultDocuments.extract(plain))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith(
            "OF-PDF-102: the PDF does not embed JSON data (result.json or submission.json)")
        .hasMessageContaining("/AFRelationship /Data");
  }

  @Test
  void extract_otherName_reportsOfPdf102WithTheName() {
    assertThatThrownBy(() -> ResultDocuments.extract(submissionPdf(), "result.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith(
            "OF-PDF-102: the PDF does not embed the file 'result.json' as an associated file");
  }

  @Test
  void extract_damagedPdf_reportsOfPdf101() {
    byte[] pdf = submissionPdf();
    byte[] garbage = "not a pdf at all".getBytes(StandardCharsets.US_ASCII);
    byte[] truncated = Arrays.copyOf(pdf, 200);

    for (byte[] bad : new byte[][] {garbage, truncated}) {
      assertThatThrownBy(() -> ResultDocuments.extract(bad))
          .isInstanceOf(OnceFormException.class)
          .hasMessageStartingWith("OF-PDF-101: cannot read the PDF")
          .hasMessageEndingWith("it is damaged, encrypted or not a PDF");
    }
    assertThatThrownBy(() -> ResultDocuments.extract(garbage))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith("OF-PDF-101: cannot read the PDF")
        .hasMessageContaining("damaged, encrypted or not a PDF");
  }

  @Test
  void extract_oversizeAttachment_reportsOfPdf103() {
    byte[] pdf = submissionPdf();

    assertThatThrownBy(() -> ResultDocuments.extract(pdf, "submission.json", 100))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith(
            "OF-PDF-103: the embedded file 'submission.json' is larger than 100 bytes");
  }

  @Test
  void extract_attachmentNotUtf8_reportsOfPdf104() throws Exception {
    byte[] forged = replaceAttachment(submissionPdf(), new byte[] {'{', (byte) 0xC3, '}'});

    assertThatThrownBy(() -> ResultDocuments.extract(forged))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith("OF-PDF-104: the embedded file 'submission.json' is not UTF-8");
  }

  @Test
  void verifyQr_renderedPdf_matches() {
    byte[] pdf = submissionPdf();

    QrVerification check = ResultDocuments.verifyQr(pdf);

    assertThat(check.status()).isEqualTo(Status.MATCH);
    assertThat(check.matches()).isTrue();
    assertThat(check.receiptNumber()).isEmpty();
    assertThat(check.qrDigest()).contains(ResultDocuments.extract(pdf).digest());
    assertThat(check.dataDigest()).isEqualTo(check.qrDigest());
  }

  @Test
  void verifyQr_attachmentReplaced_mismatch() throws Exception {
    byte[] pdf = submissionPdf();
    String original = ResultDocuments.extract(pdf).json();
    byte[] forged =
        replaceAttachment(
            pdf,
            original
                .replace("Nguyễn Thị Hường", "Nguyễn Thị Hương")
                .getBytes(StandardCharsets.UTF_8));

    QrVerification check = ResultDocuments.verifyQr(forged);

    assertThat(check.status()).isEqualTo(Status.MISMATCH);
    assertThat(check.matches()).isFalse();
    assertThat(check.qrDigest())
        .contains(QrReference.digest(original.getBytes(StandardCharsets.UTF_8)));
    assertThat(check.dataDigest()).isNotEqualTo(check.qrDigest()).isPresent();
  }

  @Test
  void verifyQr_pdfWithoutQr_noQr() throws Exception {
    byte[] plain;
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      plain = save(document);
    }

    assertThat(ResultDocuments.verifyQr(plain))
        .isEqualTo(
            new QrVerification(Status.NO_QR, Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void verifyQr_attachmentRemoved_noData() throws Exception {
    byte[] stripped;
    try (PDDocument document = Loader.loadPDF(submissionPdf())) {
      document.getDocumentCatalog().getCOSObject().removeItem(COSName.getPDFName("AF"));
      stripped = save(document);
    }

    QrVerification check = ResultDocuments.verifyQr(stripped);

    assertThat(check.status()).isEqualTo(Status.NO_DATA);
    assertThat(check.dataDigest()).isEmpty();
  }
}
