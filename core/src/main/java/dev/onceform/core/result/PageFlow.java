package dev.onceform.core.result;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes lines of text down A4 pages with the margins of Decree 30/2020/ND-CP (top and bottom 20
 * mm, left 30 mm, right 15 mm), starting a new page when one is full. Footers are added at the end,
 * when the page count is known. One instance per document; close it before saving.
 */
final class PageFlow implements AutoCloseable {
  static final float MM = 72f / 25.4f;
  static final float LEFT = 30 * MM;
  static final float RIGHT = 15 * MM;
  static final float TOP = 20 * MM;
  static final float BOTTOM = 20 * MM;
  private static final float FOOTER_SPACE = 8 * MM;

  private final PDDocument document;
  private final TextLines text = new TextLines();
  private PDPageContentStream stream;
  private float y;
  private boolean closed;

  PageFlow(PDDocument document) throws IOException {
    this.document = document;
    this.stream = newPage();
  }

  /** The usable width between the margins. */
  float width() {
    return PDRectangle.A4.getWidth() - LEFT - RIGHT;
  }

  /** Writes a paragraph, wrapped to the width minus {@code indent}, aligned as asked. */
  void paragraph(String content, PDFont font, float size, float indent, Align align)
      throws IOException {
    float leading = size * 1.3f;
    for (String line : text.wrap(content, font, size, width() - indent)) {
      if (y - leading < BOTTOM + FOOTER_SPACE) {
        stream.close();
        stream = newPage();
      }
      y -= leading;
      float x = LEFT + indent;
      if (align == Align.CENTER) {
        x = LEFT + (width() - text.width(line, font, size)) / 2;
      }
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(line);
      stream.endText();
    }
  }

  /** Leaves vertical space. */
  void space(float points) {
    y -= points;
  }

  /** Draws a centred horizontal rule of the given length just below the last line. */
  void rule(float length) throws IOException {
    float x = LEFT + (width() - length) / 2;
    stream.setLineWidth(0.6f);
    stream.moveTo(x, y - 3);
    stream.lineTo(x + length, y - 3);
    stream.stroke();
  }

  /** Measures text in a font, after the same clean-up as {@link #paragraph}. */
  float measure(String content, PDFont font, float size) {
    List<String> lines = text.wrap(content, font, size, Float.MAX_VALUE);
    return lines.isEmpty() ? 0 : text.width(lines.get(0), font, size);
  }

  /** Ends the content and adds "left text … Trang i/n" footers to every page. */
  void finish(String left, String pageWord, PDFont font, float size) throws IOException {
    close();
    int count = document.getNumberOfPages();
    for (int i = 0; i < count; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream footer =
          new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
        String number = pageWord + " " + (i + 1) + "/" + count;
        float right = PDRectangle.A4.getWidth() - RIGHT - text.width(number, font, size);
        footer.beginText();
        footer.setFont(font, size);
        footer.newLineAtOffset(LEFT, BOTTOM);
        footer.showText(text.wrap(left, font, size, width() / 2).get(0));
        footer.newLineAtOffset(right - LEFT, 0);
        footer.showText(number);
        footer.endText();
      }
    }
  }

  private PDPageContentStream newPage() throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    y = PDRectangle.A4.getHeight() - TOP;
    return new PDPageContentStream(document, page);
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      stream.close();
    }
  }

  /** Horizontal alignment of a paragraph. */
  enum Align {
    LEFT,
    CENTER
  }
}
