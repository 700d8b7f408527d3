package dev.onceform.core.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the glyphs of a PDF that lie outside the page margins of Decree 30/2020/ND-CP (left 30
 * mm, right 15 mm, top and bottom 20 mm); run it with {@link #getText}.
 */
public final class PageBounds extends PDFTextStripper {
  private static final float MM = 72f / 25.4f;
  private static final float SLACK = 0.5f;

  /** Descriptions of the glyphs outside the margins. */
  public final List<String> outside = new ArrayList<>();

  /** How many glyphs were seen. */
  public int glyphs;

  @Override
  protected void writeString(String text, List<TextPosition> positions) throws IOException {
    PDRectangle box = getCurrentPage().getMediaBox();
    for (TextPosition p : positions) {
      glyphs++;
      float left = p.getXDirAdj();
      float right = left + p.getWidthDirAdj();
      float baseline = p.getYDirAdj();
      if (left < 30 * MM - SLACK
          || right > box.getWidth() - 15 * MM + SLACK
          || baseline < 20 * MM - SLACK
          || baseline > box.getHeight() - 20 * MM + SLACK) {
        outside.add(
            "'"
                + p.getUnicode()
                + "' at "
                + left
                + ".."
                + right
                + ", "
                + baseline
                + " on page "
                + getCurrentPageNo());
      }
    }
    super.writeString(text, positions);
  }
}
