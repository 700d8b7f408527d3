package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * Finishes a laid-out document as PDF/A-3b and saves it reproducibly: attaches the JSON data as an
 * associated file ({@link AttachedJson}), draws the verification QR code on the first page ({@link
 * QrStamp}), writes XMP metadata and a consistent document information dictionary, adds the sRGB
 * output intent and derives the trailer {@code /ID} from the content, so that the same document and
 * the same time give the same bytes.
 *
 * <p>This is the shared last step of every renderer in this package: {@link PdfRenderer} for
 * submissions ({@code submission.json}) and the result renderer ({@code result.json}).
 */
final class ArchivalPdf {
  static final String PRODUCER = "OnceForm (Apache PDFBox)";
  static final String CREATOR = "OnceForm";
  private static final String SRGB = "sRGB IEC61966-2.1";

  private ArchivalPdf() {}

  /**
   * What the archival step adds to a document.
   *
   * @param title the document title (XMP {@code dc:title} and the information dictionary)
   * @param fileName the attachment name, e.g. {@code result.json}
   * @param json the UTF-8 JSON bytes to attach; the QR code carries their SHA-256 digest
   * @param receiptNumber the receipt number in the QR code, printable ASCII, may be empty
   */
  record Content(String title, String fileName, byte[] json, String receiptNumber) {
    Content {
      requireNonNull(title, "title");
      requireNonNull(fileName, "fileName");
      json = json.clone();
      requireNonNull(receiptNumber, "receiptNumber");
    }

    @Override
    public byte[] json() {
      return json.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Content c
          && title.equals(c.title)
          && fileName.equals(c.fileName)
          && Arrays.equals(json, c.json)
          && receiptNumber.equals(c.receiptNumber);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(json) + title.hashCode();
    }

    @Override
    public String toString() {
      return "Content[" + fileName + ", " + json.length + " bytes]";
    }
  }

  /**
   * Makes {@code document} PDF/A-3b and returns its bytes.
   *
   * @param document a document whose pages are laid out and whose fonts are embedded
   * @param content title, attachment and receipt number
   * @param time the creation and modification time (from the renderer's clock)
   */
  static byte[] save(PDDocument document, Content content, Instant time) throws IOException {
    return save(document, content, time, QrStamp.Placement.topRight(document.getPage(0)));
  }

  /**
   * Makes {@code document} PDF/A-3b with the QR code where asked, and returns its bytes.
   *
   * @param document a document whose pages are laid out and whose fonts are embedded
   * @param content title, attachment and receipt number
   * @param time the creation and modification time (from the renderer's clock)
   * @param qr where the QR code goes
   */
  static byte[] save(PDDocument document, Content content, Instant time, QrStamp.Placement qr)
      throws IOException {
    byte[] json = content.json();
    String reference = QrReference.of(content.receiptNumber(), json).encode();
    Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    date.setTimeInMillis(time.toEpochMilli());
    QrStamp.draw(document, qr, reference);
    AttachedJson.attach(document, content.fileName(), json, date);
    document.setVersion(1.7f);
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(content.title());
    info.setCreator(CREATOR);
    info.setProducer(PRODUCER);
    info.setCreationDate(date);
    info.setModificationDate(date);
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDMetadata metadata = new PDMetadata(document);
    metadata.importXMPMetadata(Xmp.packet(content.title(), CREATOR, PRODUCER, time));
    catalog.setMetadata(metadata);
    catalog.addOutputIntent(outputIntent(document));
    document.getDocument().getTrailer().setItem(COSName.ID, documentId(document, content, time));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  private static PDOutputIntent outputIntent(PDDocument document) throws IOException {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
    intent.setInfo(SRGB);
    intent.setOutputCondition(SRGB);
    intent.setOutputConditionIdentifier(SRGB);
    intent.setRegistryName("http://www.color.org");
    return intent;
  }

  /**
   * Both halves of {@code /ID}: the first 16 bytes of SHA-256 over the title, time, receipt number,
   * attached data and every page's content streams.
   */
  private static COSArray documentId(PDDocument document, Content content, Instant time)
      throws IOException {
    MessageDigest sha = QrReference.sha256();
    for (PDPage page : document.getPages()) {
      try (InputStream in = page.getContents()) {
        sha.update(in.readAllBytes());
      }
    }
    sha.update(
        (content.title() + '\n' + time + '\n' + content.receiptNumber() + '\n')
            .getBytes(StandardCharsets.UTF_8));
    sha.update(content.json());
    byte[] id = Arrays.copyOf(sha.digest(), 16);
    COSArray array = new COSArray();
    array.add(new COSString(id));
    array.add(new COSString(id));
    return array;
  }
}
