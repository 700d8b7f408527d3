package dev.onceform.core.result;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What {@link ResultDocuments#verifyQr(byte[])} found: whether the QR code printed on the first
 * page matches the data embedded in the PDF.
 *
 * @param status the outcome
 * @param receiptNumber the receipt number the QR code carries (empty when there is no OnceForm QR
 *     code, or when the document has no receipt number yet)
 * @param qrDigest the digest the QR code carries; empty without an OnceForm QR code
 * @param dataDigest the digest of the embedded JSON; empty when nothing is embedded
 */
public record QrVerification(
    Status status,
    Optional<String> receiptNumber,
    Optional<String> qrDigest,
    Optional<String> dataDigest) {

  /** Checks that no component is null. */
  public QrVerification {
    requireNonNull(status, "status");
    requireNonNull(receiptNumber, "receiptNumber");
    requireNonNull(qrDigest, "qrDigest");
    requireNonNull(dataDigest, "dataDigest");
  }

  /** Whether the QR code matches the embedded data. */
  public boolean matches() {
    return status == Status.MATCH;
  }

  /** The outcome of a QR check. */
  public enum Status {
    /** The QR code's digest is the digest of the embedded JSON. */
    MATCH,
    /** The digests differ: the embedded data or the printed page was changed or swapped. */
    MISMATCH,
    /** The QR code is fine but the PDF embeds no JSON data to check it against. */
    NO_DATA,
    /** No OnceForm QR code was found on the first page. */
    NO_QR
  }
}
