package dev.onceform.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.UnaryOperator;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.jspecify.annotations.Nullable;

/**
 * Adds a signature field (invisible, or visible with an appearance) to a PDF and writes it as an
 * incremental update, so the bytes of the input (earlier signatures, PDF/A) stay as they were. The
 * new field is named {@code SignatureN}, the first N not taken by an existing field. A
 * certification signature also gets its DocMDP entries. The CMS comes from a callback that receives
 * the ByteRange bytes.
 */
final class PdfSignatureWriter {

  /** What goes into the signature dictionary. */
  record Dictionary(
      Instant signingTime,
      @Nullable String reason,
      @Nullable String location,
      int reservedBytes,
      @Nullable DocMdp certify,
      VisibleSignature.@Nullable Spec visible) {}

  private static final String FIELD_PREFIX = "Signature";

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
      Certification.checkAllowed(document, Optional.ofNullable(dictionary.certify()), pdf.length);
      VisibleSignature.Spec visible = dictionary.visible();
      if (visible != null) {
        VisibleSignature.check(document, visible.appearance());
        options.setPage(visible.appearance().page());
      }
      String fieldName = unusedFieldName(document);
      // The document ID is derived from this value; taking it from the clock makes output
      // repeatable for the same input, key and clock.
      document.setDocumentId(dictionary.signingTime().toEpochMilli());
      options.setPreferredSignatureSize(dictionary.reservedBytes());
      PDSignature signature = signatureDictionary(dictionary);
      document.addSignature(signature, options);
      PDSignatureField field = fieldOf(document, signature);
      field.setPartialName(fieldName);
      DocMdp certify = dictionary.certify();
      if (certify != null) {
        Certification.certify(document, signature, certify);
      }
      if (visible != null) {
        VisibleSignature.draw(document, field.getWidgets().get(0), visible);
      }
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

  /** {@code Signature1}, {@code Signature2}, …: the first not used by a field of the document. */
  private static String unusedFieldName(PDDocument document) {
    PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
    Set<String> taken = new HashSet<>();
    if (form != null) {
      for (PDField field : form.getFieldTree()) {
        taken.add(field.getFullyQualifiedName());
        String partial = field.getPartialName();
        if (partial != null) {
          taken.add(partial);
        }
      }
    }
    int n = 1;
    while (taken.contains(FIELD_PREFIX + n)) {
      n++;
    }
    return FIELD_PREFIX + n;
  }

  /** The field PDFBox just made for {@code signature}. */
  private static PDSignatureField fieldOf(PDDocument document, PDSignature signature) {
    PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
    if (form != null) {
      for (PDField field : form.getFieldTree()) {
        if (field instanceof PDSignatureField candidate
            && candidate.getCOSObject().getDictionaryObject(COSName.V)
                == signature.getCOSObject()) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("PDFBox added no field for the signature");
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
