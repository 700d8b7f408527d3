package dev.onceform.signing;

import dev.onceform.signing.spi.SignerKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** How many bytes a signature's {@code /Contents} reserves for the CMS. */
final class ContentsReserve {

  /** Space reserved in the PDF for the CMS, in addition to the certificate chain. */
  private static final int RESERVE_BEYOND_CHAIN = 8192;

  /** More space for a signature timestamp token: the TSA's signature and certificate chain. */
  private static final int RESERVE_FOR_TIMESTAMP = 24576;

  /**
   * The longest string PDF/A allows (ISO 19005-2/-3 §6.1.13, veraPDF rule 6.1.13-3): the reserve
   * for {@code /Contents} never exceeds it, so that a PDF/A-3b input stays PDF/A-3b at B-T and B-LT
   * too.
   */
  private static final int MAX_PDFA_STRING_BYTES = 32767;

  private ContentsReserve() {}

  /**
   * The reserve for a key's signature at a level: the certificate chain, room for the rest of the
   * CMS and, from B-T on, for the timestamp token; at most PDF/A's longest string.
   */
  static int bytes(SignerKey key, PadesLevel level) {
    return Math.min(
        MAX_PDFA_STRING_BYTES,
        RESERVE_BEYOND_CHAIN
            + encodedLength(key)
            + (level == PadesLevel.B_B ? 0 : RESERVE_FOR_TIMESTAMP));
  }

  private static int encodedLength(SignerKey key) {
    int length = 0;
    for (X509Certificate certificate : key.certificateChain()) {
      try {
        length += certificate.getEncoded().length;
      } catch (CertificateEncodingException e) {
        throw SigningException.of(
            e,
            SigningException.CERTIFICATE_CHAIN_INVALID,
            "certificate '%s' of key '%s' cannot be encoded: %s",
            certificate.getSubjectX500Principal().getName(),
            key.id(),
            e.getMessage());
      }
    }
    return length;
  }
}
