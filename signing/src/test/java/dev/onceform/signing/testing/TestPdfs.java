package dev.onceform.signing.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/** Tiny PDFs made with PDFBox for signing tests (ASCII text, standard font, nothing embedded). */
public final class TestPdfs {

  private TestPdfs() {}

  /**
   * A one-page A4 PDF showing {@code text} in Helvetica. The content stream is written by hand and
   * left uncompressed, so tests can find and change the text; no font is loaded, so PDFBox does not
   * scan the system fonts.
   */
  public static byte[] onePage(String text) throws IOException {
    if (!text.matches("[A-Za-z0-9 .,:-]*")) {
      throw new IllegalArgumentException("text must be plain ASCII, but was '" + text + "'");
    }
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      page.setResources(new PDResources(helveticaResources()));
      PDStream content = new PDStream(document);
      try (OutputStream out = content.createOutputStream()) {
        out.write(
            ("BT /F1 14 Tf 72 770 Td (" + text + ") Tj ET\n").getBytes(StandardCharsets.US_ASCII));
      }
      page.setContents(content);
      document.addPage(page);
      return save(document);
    }
  }

  private static COSDictionary helveticaResources() {
    COSDictionary font = new COSDictionary();
    font.setItem(COSName.TYPE, COSName.FONT);
    font.setItem(COSName.SUBTYPE, COSName.TYPE1);
    font.setName(COSName.BASE_FONT, "Helvetica");
    COSDictionary fonts = new COSDictionary();
    fonts.setItem(COSName.getPDFName("F1"), font);
    COSDictionary resources = new COSDictionary();
    resources.setItem(COSName.FONT, fonts);
    return resources;
  }

  /** A PDF without pages. */
  public static byte[] noPages() throws IOException {
    try (PDDocument document = new PDDocument()) {
      return save(document);
    }
  }

  /** Adds a blank page as an incremental update, the way an unsigned edit would. */
  public static byte[] withPageAppended(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document.addPage(new PDPage(PDRectangle.A4));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }

  /** Counts the pages of a PDF. */
  public static int pageCount(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
