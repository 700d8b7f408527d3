package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of validating one document timestamp of a PDF ({@code /Type /DocTimeStamp}, {@code
 * /SubFilter /ETSI.RFC3161}, as PAdES B-LTA adds).
 *
 * @param fieldName the fully qualified name of the timestamp's signature field
 * @param indication the result
 * @param subIndication why the result is not {@link Indication#TOTAL_PASSED}; empty if it is
 * @param reason a plain-language explanation in Vietnamese and English
 * @param tsaCertificate the time-stamping authority's certificate; empty if the token was not
 *     checked that far
 * @param time the time the token proves; empty if it did not verify
 * @param coversWholeDocument true if its ByteRange reaches the end of the file
 */
public record DocumentTimestampReport(
    String fieldName,
    Indication indication,
    Optional<SubIndication> subIndication,
    LocalizedReason reason,
    Optional<X509Certificate> tsaCertificate,
    Optional<Instant> time,
    boolean coversWholeDocument) {

  /**
   * Checks the components.
   *
   * @param fieldName the field name
   * @param indication the result
   * @param subIndication why the result is not passed; empty if it is
   * @param reason the plain-language explanation
   * @param tsaCertificate the TSA certificate, if checked
   * @param time the proven time, if verified
   * @param coversWholeDocument whether the ByteRange reaches the end of the file
   * @throws IllegalArgumentException if a sub-indication is given with {@link
   *     Indication#TOTAL_PASSED}, or missing with another indication
   */
  public DocumentTimestampReport {
    requireNonNull(fieldName, "fieldName");
    requireNonNull(indication, "indication");
    requireNonNull(subIndication, "subIndication");
    requireNonNull(reason, "reason");
    requireNonNull(tsaCertificate, "tsaCertificate");
    requireNonNull(time, "time");
    Finding.requireConsistent(indication, subIndication);
  }

  DocumentTimestampReport withReason(LocalizedReason newReason) {
    return new DocumentTimestampReport(
        fieldName, indication, subIndication, newReason, tsaCertificate, time, coversWholeDocument);
  }
}
