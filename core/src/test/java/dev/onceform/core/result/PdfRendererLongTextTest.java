package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.core.testing.PageBounds;
import dev.onceform.core.testing.PdfA;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Long values wrap inside the margins over several numbered pages; every letter survives. */
class PdfRendererLongTextTest {
  private static final Locale VI = Locale.forLanguageTag("vi");
  private static final PdfRenderer RENDERER =
      PdfRenderer.builder()
          .clock(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC))
          .build();

  /** Every precomposed Vietnamese letter: 12 vowels x 6 tones, upper and lower case, and đ Đ. */
  static String vietnameseLetters() {
    String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
    String[] vowels = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
    StringBuilder out = new StringBuilder();
    for (String vowel : vowels) {
      for (String tone : tones) {
        String lower = Normalizer.normalize(vowel + tone, Normalizer.Form.NFC);
        out.append(lower).append(lower.toUpperCase(VI));
      }
    }
    return out.append("đĐ").toString();
  }

  private static byte[] renderWithPlaceOfBirth(String value) {
    ObjectNode submission = Fixtures.validSubmission();
    ((ObjectNode) submission.get("child")).put("placeOfBirth", value);
    return RENDERER.renderSubmission(Fixtures.birthRegistration(), submission, VI);
  }

  @ParameterizedTest
  @ValueSource(strings = {"spaces", "noSpaces"})
  void tenThousandCharacters_wrapInsideTheMarginsOnNumberedPages(String kind) throws Exception {
    String unit = "spaces".equals(kind) ? "Đường Nguyễn Trãi ữ ự ỹ ẫ " : "ĐườngNguyễnTrãiữựỹẫ";
    String value = unit.repeat(10_000 / unit.length() + 1).substring(0, 10_000).strip();

    byte[] pdf = renderWithPlaceOfBirth(value);

    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(3);
      PageBounds bounds = new PageBounds();
      String text = bounds.getText(document);
      assertThat(bounds.glyphs).isGreaterThan(10_000);
      assertThat(bounds.outside).isEmpty();
      for (int i = 1; i <= pages; i++) {
        assertThat(text).contains("Trang " + i + "/" + pages);
      }
      String squeezed =
          text.replaceAll("birth-registration@0\\.1\\.0 Trang \\d+/\\d+", "")
              .replaceAll("\\s+", "");
      assertThat(squeezed).contains(value.replaceAll("\\s+", ""));
    }
    assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
  }

  @Test
  void everyPrecomposedVietnameseLetter_extractsExactly() throws Exception {
    String letters = vietnameseLetters();
    assertThat(letters.codePointCount(0, letters.length())).isEqualTo(146);

    byte[] pdf = renderWithPlaceOfBirth(letters + " " + letters.toLowerCase(VI));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      // The 146-letter "word" is broken across lines: compare without line breaks.
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains(letters + letters.toLowerCase(VI));
    }
  }
}
