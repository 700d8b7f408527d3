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
 */
public record VerificationReport(
    Indication indication,
    Optional<SubIndication> subIndication,
    LocalizedReason reason,
    List<SignatureReport> signatures) {

  /**
   * Checks the components and copies the list.
   *
   * @param indication the overall result
   * @param subIndication why the overall result is not passed; empty if it is
   * @param reason the plain-language explanation
   * @param signatures the signature reports
   */
  public VerificationReport {
    requireNonNull(indication, "indication");
    requireNonNull(subIndication, "subIndication");
    requireNonNull(reason, "reason");
    signatures = List.copyOf(signatures);
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
