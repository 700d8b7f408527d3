package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.core.testing.PdfA;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;

class PdfRendererArchivalTest {
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  private static byte[] render(Instant time) {
    return PdfRenderer.builder()
        .clock(Clock.fixed(time, ZoneOffset.UTC))
        .build()
        .renderSubmission(Fixtures.birthRegistration(), Fixtures.validSubmission(), VI);
  }

  @Test
  void renderSubmission_sameInputAndClock_identicalBytes_otherClock_otherBytesAndId()
      throws Exception {
    byte[] first = render(NOW);
    byte[] second = render(NOW);
    byte[] later = render(NOW.plusSeconds(1));

    assertThat(first).isEqualTo(second);
    assertThat(later).isNotEqualTo(first);
    try (PDDocument a = Loader.loadPDF(first);
        PDDocument b = Loader.loadPDF(later)) {
      COSArray idA = a.getDocument().getTrailer().getCOSArray(COSName.ID);
      COSArray idB = b.getDocument().getTrailer().getCOSArray(COSName.ID);
      assertThat(idA.toString()).isNotEqualTo(idB.toString());
      assertThat(a.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(NOW);
    }
  }

  @Test
  void renderSubmission_isPdfA3b() throws Exception {
    assertThat(PdfA.failuresOf3b(render(NOW))).isEmpty();
  }

  @Test
  void veraPdf_plainPdfBoxDocument_isNotPdfA() throws Exception {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      document.save(out);

      assertThat(PdfA.failuresOf3b(out.toByteArray())).isNotEmpty();
    }
  }

  @Test
  void renderSubmission_xmpAndInfoAgree() throws Exception {
    try (PDDocument document = Loader.loadPDF(render(NOW))) {
      PDDocumentCatalog catalog = document.getDocumentCatalog();
      String xmp = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);

      assertThat(xmp)
          .contains("<pdfaid:part>3</pdfaid:part>")
          .contains("<pdfaid:conformance>B</pdfaid:conformance>")
          .contains("<rdf:li xml:lang=\"x-default\">Tờ khai đăng ký khai sinh</rdf:li>")
          .contains("<xmp:CreateDate>2026-11-23T08:00:00+00:00</xmp:CreateDate>")
          .contains("<pdf:Producer>" + ArchivalPdf.PRODUCER + "</pdf:Producer>");
      assertThat(document.getDocumentInformation().getProducer()).isEqualTo(ArchivalPdf.PRODUCER);
      assertThat(catalog.getOutputIntents()).hasSize(1);
      assertThat(catalog.getOutputIntents().get(0).getOutputConditionIdentifier())
          .isEqualTo("sRGB IEC61966-2.1");
    }
  }

  @Test
  void renderSubmission_embedsSubmissionAsAssociatedDataFile() throws Exception {
    try (PDDocument document = Loader.loadPDF(render(NOW))) {
      PDDocumentCatalog catalog = document.getDocumentCatalog();
      COSArray af = catalog.getCOSObject().getCOSArray(COSName.getPDFName("AF"));
      assertThat(af.size()).isEqualTo(1);
      PDComplexFileSpecification spec =
          new PDComplexFileSpecification((COSDictionary) af.getObject(0));
      PDEmbeddedFile file = spec.getEmbeddedFile();

      assertThat(spec.getFileUnicode()).isEqualTo("submission.json");
      assertThat(spec.getCOSObject().getCOSName(COSName.getPDFName("AFRelationship")))
          .isEqualTo(COSName.getPDFName("Data"));
      assertThat(file.getSubtype()).isEqualTo("application/json");
      assertThat(file.getModDate().toInstant()).isEqualTo(NOW);
      assertThat(catalog.getNames().getEmbeddedFiles().getNames())
          .containsOnlyKeys("submission.json");
      assertThat(new ObjectMapper().readTree(file.toByteArray()))
          .isEqualTo(Fixtures.validSubmission());
    }
  }
}
