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
 * any zoom, small, and deterministic. The code sits in the top right corner of the page, inside the
 * right margin and mostly in the top margin, {@link #SIZE} wide including its quiet zone.
 */
final class QrStamp {
  /** Side of the square, quiet zone included: 24 mm. */
  static final float SIZE = 24 * PageFlow.MM;

  private static final float TOP_GAP = 5 * PageFlow.MM;
  private static final int QUIET_ZONE = 4;

  private QrStamp() {}

  static void draw(PDDocument document, PDPage page, String text) throws IOException {
    ByteMatrix matrix = encode(text);
    int modules = matrix.getWidth() + 2 * QUIET_ZONE;
    float module = SIZE / modules;
    PDRectangle box = page.getMediaBox();
    float left = box.getUpperRightX() - PageFlow.RIGHT - SIZE + QUIET_ZONE * module;
    float top = box.getUpperRightY() - TOP_GAP - QUIET_ZONE * module;
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
