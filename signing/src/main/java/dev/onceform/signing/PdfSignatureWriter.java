package dev.onceform.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.jspecify.annotations.Nullable;

/**
 * Adds an invisible signature field to a PDF and writes it as an incremental update, so the bytes
 * of the input (earlier signatures, PDF/A) stay as they were. The CMS comes from a callback that
 * receives the ByteRange bytes.
 */
final class PdfSignatureWriter {

  /** What goes into the signature dictionary. */
  record Dictionary(
      Instant signingTime, @Nullable String reason, @Nullable String location, int reservedBytes) {}

  private PdfSignatureWriter() {}

  static byte[] sign(byte[] pdf, Dictionary dictionary, UnaryOperator<byte[]> cmsForContent) {
    if (pdf.length == 0) {
      throw SigningException.of(
          SigningException.NOT_A_PDF, "the input is empty (0 bytes); pass the bytes of a PDF file");
    }
    try (PDDocument document = load(pdf);
        SignatureOptions options = new SignatureOptions()) {
      if (document.isEncrypted()) {
        throw SigningException.of(
            SigningException.PDF_ENCRYPTED,
            "the PDF is encrypted (%d bytes); decrypt it before signing",
            pdf.length);
      }
      if (document.getNumberOfPages() == 0) {
        throw SigningException.of(
            SigningException.PDF_NO_PAGES,
            "the PDF has no pages (%d bytes); a signature needs a page to attach to",
            pdf.length);
      }
      // The document ID is derived from this value; taking it from the clock makes output
      // repeatable for the same input, key and clock.
      document.setDocumentId(dictionary.signingTime().toEpochMilli());
      options.setPreferredSignatureSize(dictionary.reservedBytes());
      document.addSignature(signatureDictionary(dictionary), options);
      ByteArrayOutputStream out =
          new ByteArrayOutputStream(pdf.length + 2 * dictionary.reservedBytes() + 4096);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      byte[] content;
      try (InputStream in = external.getContent()) {
        content = in.readAllBytes();
      }
      byte[] cms = cmsForContent.apply(content);
      if (cms.length > dictionary.reservedBytes()) {
        throw SigningException.of(
            SigningException.SIGNATURE_TOO_LARGE,
            "the signature (%d bytes) exceeds the %d bytes reserved for it; please report this",
            cms.length,
            dictionary.reservedBytes());
      }
      external.setSignature(cms);
      return out.toByteArray();
    } catch (IOException e) {
      throw SigningException.of(
          e,
          SigningException.PDF_WRITE_FAILED,
          "the signed PDF could not be written: %s",
          e.getMessage());
    }
  }

  private static PDDocument load(byte[] pdf) {
    try {
      return Loader.loadPDF(pdf);
    } catch (InvalidPasswordException e) {
      throw SigningException.of(
          e,
          SigningException.PDF_ENCRYPTED,
          "the PDF is encrypted (%d bytes); decrypt it before signing",
          pdf.length);
    } catch (IOException | RuntimeException e) {
      // PDFBox reports some malformed files with unchecked exceptions.
      throw SigningException.of(
          e,
          SigningException.NOT_A_PDF,
          "the input (%d bytes) is not a readable PDF: %s; pass the bytes of a PDF file",
          pdf.length,
          e.getMessage());
    }
  }

  private static PDSignature signatureDictionary(Dictionary dictionary) {
    PDSignature signature = new PDSignature();
    signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
    signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
    Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    time.setTimeInMillis(dictionary.signingTime().toEpochMilli());
    signature.setSignDate(time);
    if (dictionary.reason() != null) {
      signature.setReason(dictionary.reason());
    }
    if (dictionary.location() != null) {
      signature.setLocation(dictionary.location());
    }
    return signature;
  }
}
