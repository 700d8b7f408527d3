package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The result of verifying all signatures of a PDF.
 *
 * <p>{@link #indication()} is the worst indication of the signatures, with the sub-indication and
 * reason of the first signature that has it. A document without signatures, or a file that is not a
 * readable PDF, is {@link Indication#TOTAL_FAILED} with {@link SubIndication#FORMAT_FAILURE}, no
 * signature reports, and a reason that says which ({@code document.noSignature}, {@code
 * document.unreadable}, {@code document.encrypted}).
 *
 * @param indication the overall result
 * @param subIndication why the overall result is not {@link Indication#TOTAL_PASSED}; empty if it
 *     is
 * @param reason a plain-language explanation of the overall result
 * @param signatures one report per signature, in the order they were added to the document
 * @param documentTimestamps one report per document timestamp (PAdES B-LTA), in the order they were
 *     added; they count towards {@link #indication()} like signatures
 */
public record VerificationReport(
    Indication indication,
    Optional<SubIndication> subIndication,
    LocalizedReason reason,
    List<SignatureReport> signatures,
    List<DocumentTimestampReport> documentTimestamps) {

  /**
   * Checks the components and copies the list.
   *
   * @param indication the overall result
   * @param subIndication why the overall result is not passed; empty if it is
   * @param reason the plain-language explanation
   * @param signatures the signature reports
   * @param documentTimestamps the document timestamp reports
   */
  public VerificationReport {
    requireNonNull(indication, "indication");
    requireNonNull(subIndication, "subIndication");
    requireNonNull(reason, "reason");
    signatures = List.copyOf(signatures);
    documentTimestamps = List.copyOf(documentTimestamps);
  }

  /**
   * Creates a report without document timestamps.
   *
   * @param indication the overall result
   * @param subIndication why the overall result is not passed; empty if it is
   * @param reason the plain-language explanation
   * @param signatures the signature reports
   */
  public VerificationReport(
      Indication indication,
      Optional<SubIndication> subIndication,
      LocalizedReason reason,
      List<SignatureReport> signatures) {
    this(indication, subIndication, reason, signatures, List.of());
  }

  /**
   * Returns true if the document holds at least one signature.
   *
   * @return true if {@link #signatures()} is not empty
   */
  public boolean hasSignatures() {
    return !signatures.isEmpty();
  }
}
