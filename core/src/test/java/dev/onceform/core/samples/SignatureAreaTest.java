package dev.onceform.core.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.result.ResultDocument;
import dev.onceform.core.result.SignatureArea;
import dev.onceform.core.testing.SampleResults;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.SampleForms;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/**
 * {@link ResultDocument#signatureArea()}: the blank room of the signature block, between the
 * signer's position and name, where a visible signature goes.
 */
class SignatureAreaTest {
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final PdfRenderer RENDERER =
      PdfRenderer.builder().clock(SampleResults.CLOCK).build();

  private static FormDefinition form() {
    return SampleForms.get("birth-registration", "1.0.0").orElseThrow();
  }

  private static JsonNode sample() {
    return SampleSubmissions.read(
        SampleSubmissions.samplesDir().resolve("birth-registration/1.0.0/valid-both-parents.json"));
  }

  private static ResultDocument render(JsonNode submission) {
    FormDefinition form = form();
    return RENDERER.renderResult(
        SampleResults.templateOf(form), form, SampleResults.of(form, submission), VI);
  }

  /** The text PDFBox finds in a rectangle given in PDF coordinates (origin lower-left). */
  private static String textIn(PDDocument document, int page, float x, float y, float w, float h)
      throws Exception {
    PDPage pdPage = document.getPage(page);
    float pageHeight = pdPage.getMediaBox().getHeight();
    PDFTextStripperByArea stripper = new PDFTextStripperByArea();
    // PDFTextStripperByArea measures from the top of the page.
    stripper.addRegion("r", new Rectangle2D.Float(x, pageHeight - y - h, w, h));
    stripper.extractRegions(pdPage);
    return stripper.getTextForRegion("r").strip();
  }

  @Test
  void birthCertificate_areaIsBlankBetweenPositionAboveAndSignerNameBelow() throws Exception {
    ResultDocument result = render(sample());

    SignatureArea area = result.signatureArea().orElseThrow();
    try (PDDocument document = Loader.loadPDF(result.pdf())) {
      PDPage page = document.getPage(area.page());
      assertThat(area.x()).isGreaterThan(page.getMediaBox().getWidth() / 3);
      assertThat(area.x() + area.width()).isLessThanOrEqualTo(page.getMediaBox().getWidth());
      assertThat(area.height()).isGreaterThan(50); // 24 mm
      assertThat(textIn(document, area.page(), area.x(), area.y(), area.width(), area.height()))
          .as("nothing is drawn in the signature room")
          .isEmpty();
      assertThat(
              textIn(document, area.page(), area.x(), area.y() + area.height(), area.width(), 20))
          .contains("NGƯỜI KÝ TRÍCH LỤC");
      assertThat(textIn(document, area.page(), area.x(), area.y() - 20, area.width(), 20))
          .contains("Lê Văn Nam");
    }
  }

  @Test
  void longResult_areaOnTheLastPage() throws Exception {
    ObjectNode submission = (ObjectNode) sample();
    ((ObjectNode) submission.get("child"))
        .put("placeOfBirth", "Bệnh viện Đa khoa vùng Tây Nguyên ".repeat(250).strip());

    ResultDocument result = render(submission);

    try (PDDocument document = Loader.loadPDF(result.pdf())) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      assertThat(result.signatureArea().orElseThrow().page())
          .isEqualTo(document.getNumberOfPages() - 1);
    }
  }

  @Test
  void signatureArea_negativePageOrEmptySize_refused() {
    assertThatThrownBy(() -> new SignatureArea(-1, 0, 0, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page");
    assertThatThrownBy(() -> new SignatureArea(0, 0, 0, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("width and height");
    assertThatThrownBy(() -> new SignatureArea(0, Float.NaN, 0, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x and y must be finite");
  }

  @Test
  void regularFont_isTrueType() {
    byte[] font = PdfRenderer.regularFont();

    assertThat(font).hasSizeGreaterThan(100_000);
    assertThat(font).startsWith(0x00, 0x01, 0x00, 0x00); // sfnt version 1.0: TrueType outlines
  }
}
