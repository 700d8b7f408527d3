package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of validating one signature of a PDF.
 *
 * @param fieldName the fully qualified name of the signature field, e.g. {@code Signature1}
 * @param indication the result
 * @param subIndication why the result is not {@link Indication#TOTAL_PASSED}; empty if it is
 * @param reason a plain-language explanation in Vietnamese and English
 * @param signerCertificate the signer certificate found in the signature; empty if the signature
 *     cannot be read or holds no matching certificate
 * @param claimedSigningTime the signing time the signer claims ({@code /M}, else the CMS
 *     signing-time attribute); not proven by a timestamp
 * @param level the PAdES baseline level of the signature's structure; {@link PadesLevel#B_T} only
 *     when a signature timestamp was verified
 * @param coversWholeDocument true if the signed ByteRange reaches the end of the file; false if
 *     bytes were appended after signing (or the ByteRange is unusable)
 * @param timestampedSigningTime the time a verified signature timestamp proves the signature
 *     existed at (the earliest, if there are several); empty without a signature timestamp, or if
 *     the check stopped before the timestamp was verified
 */
public record SignatureReport(
    String fieldName,
    Indication indication,
    Optional<SubIndication> subIndication,
    LocalizedReason reason,
    Optional<X509Certificate> signerCertificate,
    Optional<Instant> claimedSigningTime,
    PadesLevel level,
    boolean coversWholeDocument,
    Optional<Instant> timestampedSigningTime) {

  /**
   * Checks the components.
   *
   * @param fieldName the signature field name
   * @param indication the result
   * @param subIndication why the result is not passed; empty if it is
   * @param reason the plain-language explanation
   * @param signerCertificate the signer certificate, if found
   * @param claimedSigningTime the claimed signing time, if any
   * @param level the PAdES baseline level
   * @param coversWholeDocument whether the ByteRange reaches the end of the file
   * @param timestampedSigningTime the time proven by a verified signature timestamp, if any
   * @throws IllegalArgumentException if a sub-indication is given with {@link
   *     Indication#TOTAL_PASSED}, or missing with another indication
   */
  public SignatureReport {
    requireNonNull(fieldName, "fieldName");
    requireNonNull(indication, "indication");
    requireNonNull(subIndication, "subIndication");
    requireNonNull(reason, "reason");
    requireNonNull(signerCertificate, "signerCertificate");
    requireNonNull(claimedSigningTime, "claimedSigningTime");
    requireNonNull(level, "level");
    requireNonNull(timestampedSigningTime, "timestampedSigningTime");
    Finding.requireConsistent(indication, subIndication);
  }

  /**
   * Creates a report without a timestamped signing time, as before timestamps were verified.
   *
   * @param fieldName the signature field name
   * @param indication the result
   * @param subIndication why the result is not passed; empty if it is
   * @param reason the plain-language explanation
   * @param signerCertificate the signer certificate, if found
   * @param claimedSigningTime the claimed signing time, if any
   * @param level the PAdES baseline level
   * @param coversWholeDocument whether the ByteRange reaches the end of the file
   */
  public SignatureReport(
      String fieldName,
      Indication indication,
      Optional<SubIndication> subIndication,
      LocalizedReason reason,
      Optional<X509Certificate> signerCertificate,
      Optional<Instant> claimedSigningTime,
      PadesLevel level,
      boolean coversWholeDocument) {
    this(
        fieldName,
        indication,
        subIndication,
        reason,
        signerCertificate,
        claimedSigningTime,
        level,
        coversWholeDocument,
        Optional.empty());
  }

  /**
   * Returns the signer's subject distinguished name (RFC 2253), e.g. {@code CN=Nguyễn Văn
   * A,O=...,C=VN}.
   *
   * @return the subject DN, or empty if no signer certificate was found
   */
  public Optional<String> signerSubject() {
    return signerCertificate.map(c -> c.getSubjectX500Principal().getName());
  }

  /** Returns a one-line summary that names the signer instead of printing the certificate. */
  @Override
  public String toString() {
    return "SignatureReport[fieldName="
        + fieldName
        + ", indication="
        + indication
        + subIndication.map(s -> "/" + s).orElse("")
        + ", reason="
        + reason.key()
        + ", signer="
        + signerSubject().orElse("?")
        + ", claimedSigningTime="
        + claimedSigningTime.map(Instant::toString).orElse("?")
        + ", timestampedSigningTime="
        + timestampedSigningTime.map(Instant::toString).orElse("-")
        + ", level="
        + level
        + ", coversWholeDocument="
        + coversWholeDocument
        + "]";
  }

  /** This report at another level, e.g. raised to B-LTA by a document timestamp. */
  SignatureReport withReason(LocalizedReason newReason) {
    return new SignatureReport(
        fieldName,
        indication,
        subIndication,
        newReason,
        signerCertificate,
        claimedSigningTime,
        level,
        coversWholeDocument,
        timestampedSigningTime);
  }

  SignatureReport withLevel(PadesLevel newLevel) {
    return new SignatureReport(
        fieldName,
        indication,
        subIndication,
        reason,
        signerCertificate,
        claimedSigningTime,
        newLevel,
        coversWholeDocument,
        timestampedSigningTime);
  }
}
