package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import dev.onceform.core.result.QrVerification.Status;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Reads OnceForm PDFs back: the JSON data they embed as an associated file ({@code result.json} or
 * {@code submission.json}), and the check of the QR code printed on the first page against that
 * data.
 *
 * <pre>{@code
 * EmbeddedData data = ResultDocuments.extract(pdf);          // data.json(), data.digest()
 * QrVerification check = ResultDocuments.verifyQr(pdf);      // check.matches()
 * }</pre>
 *
 * <p>Stateless and thread-safe. A PDF is read whole into memory; an attachment larger than {@link
 * #MAX_ATTACHMENT_BYTES} is refused.
 */
public final class ResultDocuments {
  /** The largest embedded JSON {@link #extract} reads: 16 MiB. */
  public static final int MAX_ATTACHMENT_BYTES = 16 * 1024 * 1024;

  /** The attachment names OnceForm writes, in the order {@link #extract(byte[])} prefers them. */
  static final List<String> NAMES = List.of("result.json", "submission.json");

  private ResultDocuments() {}

  /**
   * Returns the JSON data embedded in an OnceForm PDF: {@code result.json} if present, else {@code
   * submission.json}, else the first other JSON file associated with {@code /AFRelationship /Data}.
   *
   * @throws OnceFormException {@code OF-PDF-101} if the bytes are not a readable PDF, {@code
   *     OF-PDF-102} if it embeds no JSON data, {@code OF-PDF-103} if the attachment is larger than
   *     {@link #MAX_ATTACHMENT_BYTES}, {@code OF-PDF-104} if it is not UTF-8
   */
  public static EmbeddedData extract(byte[] pdf) {
    requireNonNull(pdf, "pdf");
    try (PDDocument document = load(pdf)) {
      return find(document, Optional.empty(), MAX_ATTACHMENT_BYTES)
          .orElseThrow(() -> missing("JSON data (result.json or submission.json)"));
    } catch (IOException e) {
      throw damaged(e);
    }
  }

  /**
   * Returns the embedded JSON file of the given name, e.g. {@code result.json}.
   *
   * @throws OnceFormException as {@link #extract(byte[])}; {@code OF-PDF-102} names the file
   */
  public static EmbeddedData extract(byte[] pdf, String fileName) {
    return extract(pdf, fileName, MAX_ATTACHMENT_BYTES);
  }

  static EmbeddedData extract(byte[] pdf, String fileName, int maxBytes) {
    requireNonNull(pdf, "pdf");
    requireNonNull(fileName, "fileName");
    try (PDDocument document = load(pdf)) {
      return find(document, Optional.of(fileName), maxBytes)
          .orElseThrow(() -> missing("the file '" + fileName + "'"));
    } catch (IOException e) {
      throw damaged(e);
    }
  }

  /**
   * Renders the first page, decodes the OnceForm QR code ({@code OF1:<receipt>:<digest>}, see
   * docs/results.md) and compares its digest with the SHA-256 of the embedded JSON.
   *
   * @return {@code MATCH}, {@code MISMATCH}, {@code NO_DATA} or {@code NO_QR}; a changed document
   *     is a result, not an exception
   * @throws OnceFormException {@code OF-PDF-101} if the bytes are not a readable PDF, {@code
   *     OF-PDF-103} or {@code OF-PDF-104} if the attachment is too large or not UTF-8
   */
  public static QrVerification verifyQr(byte[] pdf) {
    requireNonNull(pdf, "pdf");
    try (PDDocument document = load(pdf)) {
      Optional<QrReference> reference = QrScanner.scan(document).flatMap(QrReference::parse);
      if (reference.isEmpty()) {
        return new QrVerification(
            Status.NO_QR, Optional.empty(), Optional.empty(), Optional.empty());
      }
      QrReference qr = reference.get();
      Optional<String> receipt =
          qr.receiptNumber().isEmpty() ? Optional.empty() : Optional.of(qr.receiptNumber());
      Optional<String> data =
          find(document, Optional.empty(), MAX_ATTACHMENT_BYTES).map(EmbeddedData::digest);
      Status status =
          data.isEmpty()
              ? Status.NO_DATA
              : data.get().equals(qr.digest()) ? Status.MATCH : Status.MISMATCH;
      return new QrVerification(status, receipt, Optional.of(qr.digest()), data);
    } catch (IOException e) {
      throw damaged(e);
    }
  }

  private static PDDocument load(byte[] pdf) throws IOException {
    return Loader.loadPDF(pdf);
  }

  private static Optional<EmbeddedData> find(
      PDDocument document, Optional<String> name, int maxBytes) throws IOException {
    List<PDComplexFileSpecification> candidates = associatedData(document);
    List<String> order = name.map(List::of).orElse(NAMES);
    for (String wanted : order) {
      for (PDComplexFileSpecification spec : candidates) {
        if (wanted.equals(fileName(spec))) {
          return Optional.of(read(spec, maxBytes));
        }
      }
    }
    if (name.isEmpty()) {
      for (PDComplexFileSpecification spec : candidates) {
        if (fileName(spec).endsWith(".json")) {
          return Optional.of(read(spec, maxBytes));
        }
      }
    }
    return Optional.empty();
  }

  /** File specifications in the catalog's /AF array with /AFRelationship /Data. */
  private static List<PDComplexFileSpecification> associatedData(PDDocument document) {
    List<PDComplexFileSpecification> out = new ArrayList<>();
    COSBase af = document.getDocumentCatalog().getCOSObject().getDictionaryObject(AttachedJson.AF);
    if (!(af instanceof COSArray array)) {
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getObject(i) instanceof COSDictionary dictionary
          && AttachedJson.DATA.equals(dictionary.getCOSName(AttachedJson.AF_RELATIONSHIP))) {
        out.add(new PDComplexFileSpecification(dictionary));
      }
    }
    return out;
  }

  private static String fileName(PDComplexFileSpecification spec) {
    String unicode = spec.getFileUnicode();
    if (unicode != null) {
      return unicode;
    }
    String plain = spec.getFile();
    return plain == null ? "" : plain;
  }

  private static EmbeddedData read(PDComplexFileSpecification spec, int maxBytes)
      throws IOException {
    String name = fileName(spec);
    PDEmbeddedFile file = spec.getEmbeddedFileUnicode();
    if (file == null) {
      file = spec.getEmbeddedFile();
    }
    if (file == null) {
      throw new OnceFormException(
          "OF-PDF-102",
          "the file specification '"
              + name
              + "' has no embedded file stream; the PDF was not"
              + " written by OnceForm or was changed: render it again");
    }
    byte[] bytes;
    try (InputStream in = file.createInputStream()) {
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      throw new OnceFormException(
          "OF-PDF-103",
          String.format(
              Locale.ROOT,
              "the embedded file '%s' is larger than %d bytes; refusing to read it (OnceForm"
                  + " writes far smaller data: check where the PDF comes from)",
              name,
              maxBytes));
    }
    try {
      String json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new EmbeddedData(name, json, QrReference.digest(bytes));
    } catch (CharacterCodingException e) {
      throw new OnceFormException(
          "OF-PDF-104",
          "the embedded file '" + name + "' is not UTF-8 JSON; it was not written by OnceForm",
          e);
    }
  }

  private static OnceFormException missing(String what) {
    return new OnceFormException(
        "OF-PDF-102",
        "the PDF does not embed "
            + what
            + " as an associated file (/AF with /AFRelationship /Data); only PDFs rendered by"
            + " OnceForm carry it");
  }

  private static OnceFormException damaged(IOException e) {
    return new OnceFormException(
        "OF-PDF-101",
        "cannot read the PDF (" + e.getMessage() + "); it is damaged, encrypted or not a PDF",
        e);
  }
}
