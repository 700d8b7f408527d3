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
 * Finds and decodes a QR code in a PDF: renders the first page in grey at {@link #DPI}, looks in
 * the top right corner where a submission has it, then on the whole page, then on the last page
 * (where a longer result has it, beside the signature block).
 */
final class QrScanner {
  static final int DPI = 200;

  private QrScanner() {}

  static Optional<String> scan(PDDocument document) throws IOException {
    if (document.getNumberOfPages() == 0) {
      return Optional.empty();
    }
    PDFRenderer renderer = new PDFRenderer(document);
    BufferedImage page = renderer.renderImageWithDPI(0, DPI, ImageType.GRAY);
    int w = page.getWidth();
    int h = page.getHeight();
    BufferedImage corner = page.getSubimage(w / 2, 0, w - w / 2, h / 4);
    Optional<String> found = decode(corner);
    if (found.isEmpty()) {
      found = decode(page);
    }
    int last = document.getNumberOfPages() - 1;
    if (found.isEmpty() && last > 0) {
      found = decode(renderer.renderImageWithDPI(last, DPI, ImageType.GRAY));
    }
    return found;
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
