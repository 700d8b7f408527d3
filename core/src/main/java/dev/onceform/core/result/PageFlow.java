package dev.onceform.core.result;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes text and tables down A4 pages with the margins of Decree 30/2020/ND-CP (top and bottom 20
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
  private static final float CELL_PAD = 3;
  private static final float RULE_WIDTH = 0.6f;

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

  /** The baseline position: how far down the current page the flow has come. */
  float y() {
    return y;
  }

  /** Moves the flow to a position on the current page (to draw side-by-side columns). */
  void moveTo(float position) {
    y = position;
  }

  /** The index of the current page, from 0. */
  int page() {
    return document.getNumberOfPages() - 1;
  }

  /** The height left on the current page above the footer. */
  float remaining() {
    return y - BOTTOM - FOOTER_SPACE;
  }

  /** The height of a page's writable area. */
  static float pageHeight() {
    return PDRectangle.A4.getHeight() - TOP - BOTTOM - FOOTER_SPACE;
  }

  /** Starts a new page unless {@code height} still fits on this one. */
  void keep(float height) throws IOException {
    if (remaining() < height) {
      breakPage();
    }
  }

  /** Writes a paragraph, wrapped to the width minus {@code indent}, aligned as asked. */
  void paragraph(String content, PDFont font, float size, float indent, Align align)
      throws IOException {
    paragraphIn(content, font, size, LEFT + indent, width() - indent, align);
  }

  /** Writes a paragraph in the column from {@code x}, {@code columnWidth} wide. */
  void paragraphIn(String content, PDFont font, float size, float x, float columnWidth, Align align)
      throws IOException {
    float leading = leading(size);
    for (String line : text.wrap(content, font, size, columnWidth)) {
      if (y - leading < BOTTOM + FOOTER_SPACE) {
        breakPage();
      }
      y -= leading;
      float left = x;
      if (align == Align.CENTER) {
        left = x + (columnWidth - text.width(line, font, size)) / 2;
      }
      show(line, font, size, left, y);
    }
  }

  /** The height a paragraph takes in a column. */
  float height(String content, PDFont font, float size, float columnWidth) {
    return text.wrap(content, font, size, columnWidth).size() * leading(size);
  }

  /** Leaves vertical space. */
  void space(float points) {
    y -= points;
  }

  /** Draws a centred horizontal rule of the given length just below the last line. */
  void rule(float length) throws IOException {
    ruleIn(LEFT, width(), length);
  }

  /** Draws a horizontal rule of the given length centred in a column, below the last line. */
  void ruleIn(float x, float columnWidth, float length) throws IOException {
    float left = x + (columnWidth - length) / 2;
    stream.setLineWidth(RULE_WIDTH);
    stream.moveTo(left, y - 4.5f);
    stream.lineTo(left + length, y - 4.5f);
    stream.stroke();
  }

  /** Measures text in a font, after the same clean-up as {@link #paragraph}. */
  float measure(String content, PDFont font, float size) {
    float widest = 0;
    for (String line : text.wrap(content, font, size, Float.MAX_VALUE)) {
      widest = Math.max(widest, text.width(line, font, size));
    }
    return widest;
  }

  /**
   * Draws a table with a header row over the full width: columns as wide as their content allows,
   * cells wrapped, a row kept on one page when it fits, the header repeated on every page the table
   * continues on.
   */
  void table(List<String> header, List<List<String>> rows, PDFont regular, PDFont bold, float size)
      throws IOException {
    float[] widths = columnWidths(header, rows, regular, bold, size);
    float leading = leading(size);
    keep(2 * (leading + 2 * CELL_PAD));
    drawRow(header, widths, bold, size);
    for (List<String> row : rows) {
      List<List<String>> cells = wrapCells(row, widths, regular, size);
      float height = lineCount(cells) * leading + 2 * CELL_PAD;
      if (height > remaining() && height <= pageHeight() - 2 * (leading + 2 * CELL_PAD)) {
        breakPage();
        drawRow(header, widths, bold, size);
      }
      drawCells(cells, header, widths, regular, bold, size);
    }
  }

  private void drawRow(List<String> row, float[] widths, PDFont font, float size)
      throws IOException {
    drawCells(wrapCells(row, widths, font, size), List.of(), widths, font, font, size);
  }

  /**
   * Draws one row, line by line; when the page is full, closes the row's box, starts a page,
   * repeats the header (if any) and goes on.
   */
  private void drawCells(
      List<List<String>> cells,
      List<String> header,
      float[] widths,
      PDFont font,
      PDFont headerFont,
      float size)
      throws IOException {
    float leading = leading(size);
    int lines = lineCount(cells);
    float top = y;
    horizontal(top, widths);
    y -= CELL_PAD;
    for (int line = 0; line < lines; line++) {
      if (y - leading - CELL_PAD < BOTTOM + FOOTER_SPACE) {
        closeBox(top, widths);
        breakPage();
        if (!header.isEmpty()) {
          drawCells(
              wrapCells(header, widths, headerFont, size),
              List.of(),
              widths,
              headerFont,
              headerFont,
              size);
        }
        top = y;
        horizontal(top, widths);
        y -= CELL_PAD;
      }
      y -= leading;
      float x = LEFT;
      for (int c = 0; c < widths.length; c++) {
        List<String> cell = cells.get(c);
        if (line < cell.size() && !cell.get(line).isEmpty()) {
          show(cell.get(line), font, size, x + CELL_PAD, y + leading * 0.22f);
        }
        x += widths[c];
      }
    }
    y -= CELL_PAD;
    closeBox(top, widths);
  }

  private void closeBox(float top, float[] widths) throws IOException {
    horizontal(y, widths);
    float x = LEFT;
    stream.setLineWidth(RULE_WIDTH);
    for (int c = 0; c <= widths.length; c++) {
      stream.moveTo(x, top);
      stream.lineTo(x, y);
      if (c < widths.length) {
        x += widths[c];
      }
    }
    stream.stroke();
  }

  private void horizontal(float at, float[] widths) throws IOException {
    float total = 0;
    for (float w : widths) {
      total += w;
    }
    stream.setLineWidth(RULE_WIDTH);
    stream.moveTo(LEFT, at);
    stream.lineTo(LEFT + total, at);
    stream.stroke();
  }

  private List<List<String>> wrapCells(List<String> row, float[] widths, PDFont font, float size) {
    List<List<String>> cells = new ArrayList<>(widths.length);
    for (int c = 0; c < widths.length; c++) {
      String value = c < row.size() ? row.get(c) : "";
      cells.add(text.wrap(value, font, size, widths[c] - 2 * CELL_PAD));
    }
    return cells;
  }

  private static int lineCount(List<List<String>> cells) {
    int lines = 1;
    for (List<String> cell : cells) {
      lines = Math.max(lines, cell.size());
    }
    return lines;
  }

  /**
   * Column widths that fill the page width: each column gets what its widest line needs if all fit;
   * otherwise an equal share, and the room left goes to the columns that need more, in proportion
   * to what they lack.
   */
  private float[] columnWidths(
      List<String> header, List<List<String>> rows, PDFont regular, PDFont bold, float size) {
    int n = header.size();
    float[] natural = new float[n];
    for (int c = 0; c < n; c++) {
      natural[c] = measure(header.get(c), bold, size) + 2 * CELL_PAD;
      for (List<String> row : rows) {
        if (c < row.size()) {
          natural[c] = Math.max(natural[c], measure(row.get(c), regular, size) + 2 * CELL_PAD);
        }
      }
    }
    float available = width();
    float sum = 0;
    for (float w : natural) {
      sum += w;
    }
    float[] widths = new float[n];
    if (sum <= available) {
      for (int c = 0; c < n; c++) {
        widths[c] = natural[c] + (available - sum) * natural[c] / sum;
      }
      return widths;
    }
    float share = available / n;
    float used = 0;
    float lacking = 0;
    for (int c = 0; c < n; c++) {
      widths[c] = Math.min(natural[c], share);
      used += widths[c];
      lacking += natural[c] - widths[c];
    }
    for (int c = 0; c < n; c++) {
      widths[c] += (available - used) * (natural[c] - widths[c]) / lacking;
    }
    return widths;
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

  private void show(String line, PDFont font, float size, float x, float baseline)
      throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, baseline);
    stream.showText(line);
    stream.endText();
  }

  private static float leading(float size) {
    return size * 1.3f;
  }

  private void breakPage() throws IOException {
    stream.close();
    stream = newPage();
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
