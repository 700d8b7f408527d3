package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of verifying a detached JWS over JSON ({@link JsonSignatureVerifier}).
 *
 * @param indication the result
 * @param subIndication why the result is not {@link Indication#TOTAL_PASSED}; empty if it is
 * @param reason a plain-language explanation in Vietnamese and English
 * @param signerCertificate the first certificate of the header's {@code x5c}; empty if the header
 *     cannot be read or holds none
 * @param claimedSigningTime the signing time the signer claims ({@code sigT}); not proven by a
 *     timestamp
 * @param algorithm the JWS algorithm of the header, if it is one of {@link JwsAlgorithm}
 */
public record JsonSignatureReport(
    Indication indication,
    Optional<SubIndication> subIndication,
    LocalizedReason reason,
    Optional<X509Certificate> signerCertificate,
    Optional<Instant> claimedSigningTime,
    Optional<JwsAlgorithm> algorithm) {

  /**
   * Checks the components.
   *
   * @param indication the result
   * @param subIndication why the result is not passed; empty if it is
   * @param reason the plain-language explanation
   * @param signerCertificate the signer certificate, if found
   * @param claimedSigningTime the claimed signing time, if any
   * @param algorithm the JWS algorithm, if recognised
   * @throws IllegalArgumentException if a sub-indication is given with {@link
   *     Indication#TOTAL_PASSED}, or missing with another indication
   */
  public JsonSignatureReport {
    requireNonNull(indication, "indication");
    requireNonNull(subIndication, "subIndication");
    requireNonNull(reason, "reason");
    requireNonNull(signerCertificate, "signerCertificate");
    requireNonNull(claimedSigningTime, "claimedSigningTime");
    requireNonNull(algorithm, "algorithm");
    Finding.requireConsistent(indication, subIndication);
  }

  /**
   * Returns the signer's subject distinguished name (RFC 2253).
   *
   * @return the subject DN, or empty if no signer certificate was found
   */
  public Optional<String> signerSubject() {
    return signerCertificate.map(c -> c.getSubjectX500Principal().getName());
  }

  /** Returns a one-line summary that names the signer instead of printing the certificate. */
  @Override
  public String toString() {
    return "JsonSignatureReport[indication="
        + indication
        + subIndication.map(s -> "/" + s).orElse("")
        + ", reason="
        + reason.key()
        + ", signer="
        + signerSubject().orElse("?")
        + ", claimedSigningTime="
        + claimedSigningTime.map(Instant::toString).orElse("?")
        + ", algorithm="
        + algorithm.map(JwsAlgorithm::name).orElse("?")
        + "]";
  }
}
