package dev.onceform.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Adds a document timestamp (PAdES, ISO 32000-2 12.8.5): an invisible signature field whose value
 * dictionary has {@code /Type /DocTimeStamp} and {@code /SubFilter /ETSI.RFC3161}, and whose {@code
 * /Contents} is an RFC 3161 timestamp token over the ByteRange. Written as an incremental update,
 * so the earlier revisions, their signatures and their DSS are untouched and covered by the token.
 */
final class DocumentTimestampWriter {

  static final COSName DOC_TIME_STAMP = COSName.getPDFName("DocTimeStamp");
  static final COSName ETSI_RFC3161 = COSName.getPDFName("ETSI.RFC3161");

  /** Room for the token: the TSA's signature and certificate chain. */
  private static final int RESERVED_BYTES = 24_576;

  private DocumentTimestampWriter() {}

  /**
   * Timestamps a PDF.
   *
   * @throws SigningException {@code OF-SIGN-201} if the input is not a PDF, {@code OF-SIGN-205} if
   *     it cannot be written, {@code OF-SIGN-6xx} from the TSA
   */
  static byte[] timestamp(byte[] pdf, TimestampClient client) {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setType(DOC_TIME_STAMP);
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(ETSI_RFC3161);
      options.setPreferredSignatureSize(RESERVED_BYTES);
      document.addSignature(signature, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * RESERVED_BYTES + 4096);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      byte[] content;
      try (InputStream in = external.getContent()) {
        content = in.readAllBytes();
      }
      byte[] token = client.timestamp(content).encoded();
      if (token.length > RESERVED_BYTES) {
        throw SigningException.of(
            SigningException.SIGNATURE_TOO_LARGE,
            "the document timestamp token (%d bytes) exceeds the %d bytes reserved for it; use a"
                + " TSA that sends a shorter certificate chain",
            token.length,
            RESERVED_BYTES);
      }
      external.setSignature(token);
      return out.toByteArray();
    } catch (IOException e) {
      throw SigningException.of(
          e,
          SigningException.PDF_WRITE_FAILED,
          "the timestamped PDF could not be written: %s",
          e.getMessage());
    }
  }
}
