package dev.onceform.signing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/** Reads the signature fields of a PDF with PDFBox; the document is closed before returning. */
final class PdfSignatureReader {

  private PdfSignatureReader() {}

  /** The signatures of a PDF and its Document Security Store, if any. */
  record SignedDocument(List<EmbeddedSignature> signatures, Optional<DssReader.Store> dss) {
    SignedDocument {
      signatures = List.copyOf(signatures);
    }
  }

  /**
   * Returns the signed signature fields of the PDF (unsigned fields are skipped) and its DSS.
   *
   * @throws VerificationFailure if the bytes are not a readable PDF
   */
  static SignedDocument read(byte[] pdf) throws VerificationFailure {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<EmbeddedSignature> signatures = new ArrayList<>();
      for (PDSignatureField field : document.getSignatureFields()) {
        PDSignature signature = field.getSignature();
        if (signature != null) {
          signatures.add(
              toEmbedded(Objects.toString(field.getFullyQualifiedName(), ""), signature));
        }
      }
      return new SignedDocument(signatures, DssReader.read(document));
    } catch (InvalidPasswordException e) {
      throw VerificationFailure.format("document.encrypted");
    } catch (IOException | RuntimeException e) {
      // PDFBox reports some malformed files with unchecked exceptions; a hostile file must end in
      // a report, not an exception.
      throw VerificationFailure.format("document.unreadable", describe(e));
    }
  }

  static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static EmbeddedSignature toEmbedded(String fieldName, PDSignature signature) {
    Calendar signDate = signature.getSignDate();
    return new EmbeddedSignature(
        fieldName,
        Objects.toString(signature.getSubFilter(), ""),
        byteRange(signature.getCOSObject().getDictionaryObject(COSName.BYTERANGE)),
        new EmbeddedSignature.Contents(signature.getContents()),
        Optional.ofNullable(signDate).map(Calendar::toInstant));
  }

  private static List<Long> byteRange(COSBase value) {
    if (!(value instanceof COSArray array)) {
      return List.of();
    }
    List<Long> numbers = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      COSBase element = array.getObject(i);
      if (!(element instanceof COSInteger integer)) {
        return List.of();
      }
      numbers.add(integer.longValue());
    }
    return numbers;
  }
}
