package dev.onceform.core.result;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Finds and decodes a QR code on the first page of a PDF: renders the page in grey at {@link #DPI},
 * looks in the top right corner where {@link QrStamp} puts it, then on the whole page.
 */
final class QrScanner {
  static final int DPI = 200;

  private QrScanner() {}

  static Optional<String> scan(PDDocument document) throws IOException {
    if (document.getNumberOfPages() == 0) {
      return Optional.empty();
    }
    BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.GRAY);
    int w = page.getWidth();
    int h = page.getHeight();
    BufferedImage corner = page.getSubimage(w / 2, 0, w - w / 2, h / 4);
    Optional<String> found = decode(corner);
    return found.isPresent() ? found : decode(page);
  }

  private static Optional<String> decode(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    LuminanceSource source = new RGBLuminanceSource(w, h, pixels);
    try {
      return Optional.of(
          new QRCodeReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(source)),
                  Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
              .getText());
    } catch (NotFoundException | ChecksumException | FormatException e) {
      return Optional.empty();
    }
  }
}
