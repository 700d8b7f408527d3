package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.testing.ExternalTool;
import dev.onceform.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfRendererTest {
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
  private static final PdfRenderer RENDERER = PdfRenderer.builder().clock(CLOCK).build();

  private static byte[] render(ObjectNode submission, Locale locale) {
    return RENDERER.renderSubmission(Fixtures.birthRegistration(), submission, locale);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void renderSubmission_vietnameseNamesAndPlaces_extractExactly() throws Exception {
    String text = text(render(Fixtures.validSubmission(), VI));

    assertThat(text)
        .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .contains("Độc lập - Tự do - Hạnh phúc")
        .contains("TỜ KHAI ĐĂNG KÝ KHAI SINH")
        .contains("Họ, chữ đệm, tên: Nguyễn Thị Hường")
        .contains("Trần Văn Đức")
        .contains("Đắk Lắk")
        .contains("Ngày, tháng, năm sinh: 02/11/2026")
        .contains("Giới tính: Nam")
        .contains("Dân tộc: Kinh (Việt)")
        .contains("Quốc tịch: Việt Nam")
        .contains("Trang 1/1");
  }

  @Test
  void renderSubmission_pdftotext_givesBackTheDiacritics(@TempDir Path dir) throws Exception {
    ExternalTool.require("pdftotext", "poppler-utils");
    Path pdf = dir.resolve("submission.pdf");
    Files.write(pdf, render(Fixtures.validSubmission(), VI));

    ExternalTool.Result result =
        ExternalTool.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");

    assertThat(result.exitCode()).isZero();
    assertThat(result.output())
        .contains("Nguyễn Thị Hường")
        .contains("Đắk Lắk")
        .contains("Trần Minh Khôi")
        .contains("Trạm Y tế xã Hòa Phú");
  }

  @Test
  void renderSubmission_english_usesEnglishLabelsAndCodeListNames() throws Exception {
    String text = text(render(Fixtures.validSubmission(), Locale.ENGLISH));

    assertThat(text)
        .contains("BIRTH REGISTRATION DECLARATION")
        .contains("Full name: Nguyễn Thị Hường")
        .contains("Nationality: Viet Nam")
        .contains("Sex: Male")
        .contains("Page 1/1");
  }

  @Test
  void renderSubmission_fontsAreEmbeddedSubsets() throws Exception {
    try (PDDocument document = Loader.loadPDF(render(Fixtures.validSubmission(), VI))) {
      List<PDFont> fonts = new ArrayList<>();
      PDPage page = document.getPage(0);
      for (var name : page.getResources().getFontNames()) {
        fonts.add(page.getResources().getFont(name));
      }

      assertThat(fonts).hasSize(2);
      for (PDFont font : fonts) {
        assertThat(font).isInstanceOf(PDType0Font.class);
        assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSerif.*");
        PDFontDescriptor descriptor = ((PDType0Font) font).getDescendantFont().getFontDescriptor();
        assertThat(descriptor.getFontFile2()).isNotNull();
        assertThat(font.getCOSObject().containsKey(org.apache.pdfbox.cos.COSName.TO_UNICODE))
            .isTrue();
      }
    }
  }

  @Test
  void renderSubmission_sameInputAndClock_identicalBytes() {
    assertThat(render(Fixtures.validSubmission(), VI))
        .isEqualTo(render(Fixtures.validSubmission(), VI));
  }

  @Test
  void renderSubmission_tenThousandCharacterValue_wrapsOntoMorePagesAndKeepsAllText()
      throws Exception {
    ObjectNode submission = Fixtures.validSubmission();
    String longText = "Đường Lê Lợi ".repeat(600) + "ữ".repeat(2200);
    ((ObjectNode) submission.get("child")).put("placeOfBirth", longText);

    byte[] pdf = render(submission, VI);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      int pages = document.getNumberOfPages();
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("Trang1/" + pages).contains("Trang" + pages + "/" + pages);
      String withoutFooters = text.replaceAll("birth-registration@0\\.1\\.0Trang\\d+/\\d+", "");
      assertThat(withoutFooters).contains(longText.replaceAll("\\s+", ""));
    }
  }

  @Test
  void renderSubmission_controlAndUnsupportedCharacters_replacedNotFailed() throws Exception {
    ObjectNode submission = Fixtures.validSubmission();
    ((ObjectNode) submission.get("child"))
        .put("placeOfBirth", "Nhà\u0000 hộ sinh \uD83D\uDE00 A\tB\nC");

    String text = text(render(submission, VI));

    assertThat(text).contains("Nhà? hộ sinh ? A B").contains("C");
  }

  @Test
  void renderSubmission_nfdInput_printedAsNfc() throws Exception {
    ObjectNode submission = Fixtures.validSubmission();
    String nfd = java.text.Normalizer.normalize("Trần Minh Khôi", java.text.Normalizer.Form.NFD);
    ((ObjectNode) submission.get("child")).put("fullName", nfd);

    assertThat(text(render(submission, VI))).contains("Trần Minh Khôi");
  }
}
