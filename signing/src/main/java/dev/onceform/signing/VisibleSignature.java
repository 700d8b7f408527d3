package dev.onceform.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Draws a visible signature: checks the page and rectangle, then gives the signature widget its
 * rectangle and a normal appearance stream with the lines of text in the caller's font.
 */
final class VisibleSignature {

  /** Space between the rectangle's edge and the text, in points. */
  private static final double PADDING = 2;

  private static final DateTimeFormatter SIGNED_AT =
      DateTimeFormatter.ofPattern("'Thời gian ký:' HH:mm:ss dd/MM/yyyy", Locale.ROOT);

  /** The appearance and the lines to draw (the caller's, or the defaults from the signer). */
  record Spec(SignatureAppearance appearance, List<String> lines) {
    Spec {
      lines = List.copyOf(lines);
    }
  }

  private VisibleSignature() {}

  /** The default lines: the signer's CN, its O if any, and the signing time in {@code zone}. */
  static List<String> defaultLines(X509Certificate signer, Instant signingTime, ZoneId zone) {
    X500Name subject = X500Name.getInstance(signer.getSubjectX500Principal().getEncoded());
    List<String> lines = new ArrayList<>();
    String commonName = first(subject, BCStyle.CN);
    lines.add(commonName.isBlank() ? subject.toString() : commonName);
    String organisation = first(subject, BCStyle.O);
    if (!organisation.isBlank()) {
      lines.add(organisation);
    }
    lines.add(SIGNED_AT.format(signingTime.atZone(zone)));
    return lines;
  }

  private static String first(X500Name name, ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    return rdns.length == 0 ? "" : IETFUtils.valueToString(rdns[0].getFirst().getValue()).strip();
  }

  /**
   * Checks that the appearance's page exists and its rectangle lies inside the page's crop box.
   *
   * @throws SigningException {@code OF-SIGN-208} or {@code OF-SIGN-209}
   */
  static void check(PDDocument document, SignatureAppearance appearance) {
    int pages = document.getNumberOfPages();
    if (appearance.page() >= pages) {
      throw SigningException.of(
          SigningException.APPEARANCE_PAGE_OUT_OF_RANGE,
          "the signature appearance is on page index %d but the PDF has %d page(s); pass a page"
              + " index from 0 to %d to SignatureAppearance.Builder.page",
          appearance.page(),
          pages,
          pages - 1);
    }
    PDRectangle box = document.getPage(appearance.page()).getCropBox();
    boolean inside =
        appearance.x() >= box.getLowerLeftX()
            && appearance.y() >= box.getLowerLeftY()
            && appearance.x() + appearance.width() <= box.getUpperRightX()
            && appearance.y() + appearance.height() <= box.getUpperRightY();
    if (!inside) {
      throw SigningException.of(
          SigningException.APPEARANCE_OUTSIDE_PAGE,
          "the signature rectangle [%.1f %.1f %.1f %.1f] (x y width height) is not inside page index"
              + " %d, whose visible area is [%.1f %.1f %.1f %.1f]; pass a rectangle within it, in points from"
              + " the lower-left corner",
          appearance.x(),
          appearance.y(),
          appearance.width(),
          appearance.height(),
          appearance.page(),
          box.getLowerLeftX(),
          box.getLowerLeftY(),
          box.getWidth(),
          box.getHeight());
    }
  }

  /** Gives {@code widget} the rectangle and the appearance stream; call after {@link #check}. */
  static void draw(PDDocument document, PDAnnotationWidget widget, Spec spec) throws IOException {
    SignatureAppearance appearance = spec.appearance();
    PDType0Font font = AppearanceFont.load(document, appearance.fontBytes(), spec.lines());
    TextFit.Result fit;
    try {
      fit =
          TextFit.fit(
              spec.lines(),
              appearance.width() - 2 * PADDING,
              appearance.height() - 2 * PADDING,
              text -> width(font, text));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    float width = (float) appearance.width();
    float height = (float) appearance.height();
    PDAppearanceStream stream = new PDAppearanceStream(document);
    stream.setBBox(new PDRectangle(width, height));
    stream.setResources(new PDResources());
    float size = (float) fit.size();
    try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
      content.beginText();
      content.setFont(font, size);
      content.setLeading(size * (float) TextFit.LEADING);
      content.newLineAtOffset((float) PADDING, height - (float) PADDING - ascent(font) * size);
      for (String line : fit.lines()) {
        content.showText(line);
        content.newLine();
      }
      content.endText();
    }
    PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
    dictionary.setNormalAppearance(stream);
    widget.setAppearance(dictionary);
    widget.setRectangle(
        new PDRectangle((float) appearance.x(), (float) appearance.y(), width, height));
  }

  private static double width(PDType0Font font, String text) {
    try {
      return font.getStringWidth(text) / 1000.0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The font's ascent as a fraction of the font size. */
  private static float ascent(PDType0Font font) {
    PDFontDescriptor descriptor = font.getFontDescriptor();
    float ascent = descriptor == null ? 0 : descriptor.getAscent() / 1000f;
    return ascent > 0 && ascent < 1.2f ? ascent : 0.8f;
  }
}
