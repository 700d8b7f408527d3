package dev.onceform.core.result;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Draws a QR code as filled vector rectangles (one per horizontal run of dark modules): sharp at
 * any zoom, small, and deterministic, {@link #SIZE} wide including its quiet zone. A submission has
 * it in the top right corner of the first page, a result beside the signature block.
 */
final class QrStamp {
  /** Side of the square, quiet zone included: 24 mm. */
  static final float SIZE = 24 * PageFlow.MM;

  private static final float TOP_GAP = 5 * PageFlow.MM;
  private static final int QUIET_ZONE = 4;

  private QrStamp() {}

  /**
   * Where a QR code goes: the page and the top left corner of its square, quiet zone included.
   *
   * @param page the page index, from 0
   * @param left the x of the square's left edge
   * @param top the y of the square's top edge
   */
  record Placement(int page, float left, float top) {
    /** The top right corner of a page: inside the right margin, mostly in the top margin. */
    static Placement topRight(PDPage page) {
      PDRectangle box = page.getMediaBox();
      return new Placement(
          0, box.getUpperRightX() - PageFlow.RIGHT - SIZE, box.getUpperRightY() - TOP_GAP);
    }
  }

  static void draw(PDDocument document, Placement placement, String text) throws IOException {
    ByteMatrix matrix = encode(text);
    int modules = matrix.getWidth() + 2 * QUIET_ZONE;
    float module = SIZE / modules;
    PDPage page = document.getPage(placement.page());
    float left = placement.left() + QUIET_ZONE * module;
    float top = placement.top() - QUIET_ZONE * module;
    try (PDPageContentStream stream =
        new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
      for (int y = 0; y < matrix.getHeight(); y++) {
        int x = 0;
        while (x < matrix.getWidth()) {
          if (matrix.get(x, y) != 1) {
            x++;
            continue;
          }
          int start = x;
          while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
            x++;
          }
          stream.addRect(
              left + start * module, top - (y + 1) * module, (x - start) * module, module);
        }
      }
      stream.fill();
    }
  }

  private static ByteMatrix encode(String text) {
    try {
      QRCode code =
          Encoder.encode(
              text,
              ErrorCorrectionLevel.M,
              Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name()));
      return code.getMatrix();
    } catch (WriterException e) {
      throw new OnceFormException(
          "OF-PDF-106",
          "cannot encode the QR code (" + text.length() + " characters): " + e.getMessage(),
          e);
    }
  }
}
