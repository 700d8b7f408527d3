package dev.onceform.signing;

import static dev.onceform.signing.Indication.INDETERMINATE;
import static dev.onceform.signing.Indication.TOTAL_FAILED;

import dev.onceform.signing.spi.RevocationData;
import dev.onceform.signing.spi.RevocationSource;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks the revocation status of every certificate of a signer's chain but the trust anchor, from
 * the document's DSS and, for what it lacks, a configured {@link RevocationSource}, as EN 319 102-1
 * and EU DSS do: revoked before the proven signing time is {@link SubIndication#REVOKED}; revoked
 * without proof that the signature is older is {@link SubIndication#REVOKED_NO_POE} (or {@link
 * SubIndication#REVOKED_CA_NO_POE} for a CA); no valid data at all where the document has a DSS is
 * {@link SubIndication#TRY_LATER}. Immutable and thread-safe.
 */
final class LongTermCheck {

  private final RevocationCheck revocation;
  private final @Nullable RevocationSource source;

  LongTermCheck(RevocationCheck revocation, @Nullable RevocationSource source) {
    this.revocation = revocation;
    this.source = source;
  }

  /**
   * Checks the chain.
   *
   * @param chain the signer first, the trust anchor last
   * @param dss the document's validation data
   * @param proven the time a signature timestamp proves, if any
   * @param claimed the claimed signing time
   * @param now the validation time
   * @return true if valid revocation data covers every certificate but the anchor; false if there
   *     is neither a DSS nor a revocation source (revocation not checked)
   */
  boolean check(
      List<X509Certificate> chain,
      Optional<DssReader.Store> dss,
      Optional<Instant> proven,
      Instant claimed,
      Instant now)
      throws VerificationFailure {
    if (dss.isEmpty() && source == null) {
      return false;
    }
    RevocationData data = dss.map(DssReader.Store::revocation).orElse(RevocationData.EMPTY);
    Instant best = proven.orElse(claimed);
    for (int i = 0; i + 1 < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      X509Certificate issuer = chain.get(i + 1);
      RevocationCheck.Status status = requireStatus(certificate, issuer, data, best, now);
      if (status.revoked()) {
        judgeRevoked(certificate, i == 0, status.time(), proven);
      }
    }
    return true;
  }

  /**
   * Checks the chain of a TSA whose token proves {@code time}: every certificate but the anchor
   * must have valid revocation data issued at or after that time, and none may have been revoked at
   * or before it (a later revocation leaves the token valid). Only called when the signer's chain
   * was checked, so a DSS or a source is there.
   *
   * @param chain the TSA certificate first, the trust anchor last
   */
  void checkTimestamp(
      List<X509Certificate> chain, Optional<DssReader.Store> dss, Instant time, Instant now)
      throws VerificationFailure {
    RevocationData data = dss.map(DssReader.Store::revocation).orElse(RevocationData.EMPTY);
    for (int i = 0; i + 1 < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      RevocationCheck.Status status = requireStatus(certificate, chain.get(i + 1), data, time, now);
      requireNotRevokedBy(certificate, status, time);
    }
  }

  /**
   * Checks the chain of a document timestamp's TSA against the revocation data the DSS holds for
   * it, if any: the latest document timestamp's data comes only with the next renewal, so missing
   * data is no finding, but a certificate revoked at or before the token's time is.
   *
   * @param chain the TSA certificate first, the trust anchor last
   */
  void checkDocumentTimestamp(
      List<X509Certificate> chain, Optional<DssReader.Store> dss, Instant time, Instant now)
      throws VerificationFailure {
    RevocationData data = dss.map(DssReader.Store::revocation).orElse(RevocationData.EMPTY);
    for (int i = 0; i + 1 < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      Optional<RevocationCheck.Status> status =
          revocation.status(certificate, chain.get(i + 1), data, time, now);
      if (status.isPresent()) {
        requireNotRevokedBy(certificate, status.get(), time);
      }
    }
  }

  private static void requireNotRevokedBy(
      X509Certificate certificate, RevocationCheck.Status status, Instant time)
      throws VerificationFailure {
    if (status.revoked() && !status.time().isAfter(time)) {
      throw new VerificationFailure(
          INDETERMINATE,
          SubIndication.REVOKED_NO_POE,
          "revocation.tsaRevoked",
          subject(certificate),
          status.time().toString(),
          time.toString());
    }
  }

  /**
   * The status of a certificate from valid data issued at or after {@code best}.
   *
   * @throws VerificationFailure INDETERMINATE/TRY_LATER if there is no such data
   */
  private RevocationCheck.Status requireStatus(
      X509Certificate certificate,
      X509Certificate issuer,
      RevocationData data,
      Instant best,
      Instant now)
      throws VerificationFailure {
    Optional<RevocationCheck.Status> status = status(certificate, issuer, data, best, now);
    if (status.isEmpty()) {
      throw new VerificationFailure(
          INDETERMINATE,
          SubIndication.TRY_LATER,
          "revocation.missing",
          subject(certificate),
          best.toString());
    }
    return status.get();
  }

  private Optional<RevocationCheck.Status> status(
      X509Certificate certificate,
      X509Certificate issuer,
      RevocationData data,
      Instant best,
      Instant now) {
    Optional<RevocationCheck.Status> status =
        revocation.status(certificate, issuer, data, best, now);
    RevocationSource more = source;
    if (status.isEmpty() && more != null) {
      try {
        status =
            revocation.status(
                certificate, issuer, data.plus(more.fetch(certificate, issuer)), best, now);
      } catch (SigningException e) {
        // the source failed: no more data, which the caller reports as TRY_LATER
      }
    }
    return status;
  }

  private static void judgeRevoked(
      X509Certificate certificate, boolean signer, Instant revokedAt, Optional<Instant> proven)
      throws VerificationFailure {
    if (proven.isPresent() && proven.get().isBefore(revokedAt)) {
      return; // the timestamp proves the signature existed before the revocation
    }
    if (signer && proven.isPresent()) {
      throw new VerificationFailure(
          TOTAL_FAILED,
          SubIndication.REVOKED,
          "revocation.revoked",
          subject(certificate),
          revokedAt.toString(),
          proven.get().toString());
    }
    throw new VerificationFailure(
        INDETERMINATE,
        signer ? SubIndication.REVOKED_NO_POE : SubIndication.REVOKED_CA_NO_POE,
        signer ? "revocation.revokedNoPoe" : "revocation.caRevokedNoPoe",
        subject(certificate),
        revokedAt.toString());
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
