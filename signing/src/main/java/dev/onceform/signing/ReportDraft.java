package dev.onceform.signing;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Collects what is learnt about one signature while it is checked, so that a report made at any
 * failure still names the signer and the coverage. Used by one thread within one verification.
 */
final class ReportDraft {

  private final String fieldName;
  private @Nullable X509Certificate signerCertificate;
  private @Nullable Instant claimedSigningTime;
  private @Nullable Instant timestampedSigningTime;
  private PadesLevel level = PadesLevel.NONE;
  private boolean coversWholeDocument;

  ReportDraft(String fieldName, Optional<Instant> claimedSigningTime) {
    this.fieldName = fieldName;
    this.claimedSigningTime = claimedSigningTime.orElse(null);
  }

  void signerCertificate(X509Certificate certificate) {
    this.signerCertificate = certificate;
  }

  void claimedSigningTimeIfAbsent(Optional<Instant> time) {
    if (claimedSigningTime == null) {
      claimedSigningTime = time.orElse(null);
    }
  }

  Optional<Instant> claimedSigningTime() {
    return Optional.ofNullable(claimedSigningTime);
  }

  void timestampedSigningTime(Optional<Instant> time) {
    this.timestampedSigningTime = time.orElse(null);
  }

  PadesLevel level() {
    return level;
  }

  void level(PadesLevel level) {
    this.level = level;
  }

  void coversWholeDocument(boolean covers) {
    this.coversWholeDocument = covers;
  }

  SignatureReport toReport(Finding finding, Messages messages) {
    return new SignatureReport(
        fieldName,
        finding.indication(),
        finding.subIndication(),
        messages.reason(finding.key(), finding.args()),
        Optional.ofNullable(signerCertificate),
        Optional.ofNullable(claimedSigningTime),
        level,
        coversWholeDocument,
        Optional.ofNullable(timestampedSigningTime));
  }
}
