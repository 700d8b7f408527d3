package dev.onceform.signing;

import static dev.onceform.signing.Indication.INDETERMINATE;
import static dev.onceform.signing.Indication.TOTAL_FAILED;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the signer certificate: a chain to a configured trust anchor (never to a root found in the
 * file), PKIX validation of that chain <em>without revocation checking</em>, validity at the
 * claimed signing time and at the validation time, and key usage. Immutable and thread-safe.
 */
final class CertificateChainCheck {

  private static final int MAX_CHAIN_LENGTH = 10;

  private final List<X509Certificate> trustAnchors;
  private final Provider provider;

  CertificateChainCheck(List<X509Certificate> trustAnchors, Provider provider) {
    this.trustAnchors = List.copyOf(trustAnchors);
    this.provider = provider;
  }

  /** A chain from the signer up to, not including, the trust anchor that issued its last link. */
  record Chain(List<X509Certificate> certificates, X509Certificate anchor) {
    /** The path from the certificate to the anchor, both included. */
    List<X509Certificate> withAnchor() {
      List<X509Certificate> path = new ArrayList<>(certificates);
      if (!path.contains(anchor)) {
        path.add(anchor);
      }
      return List.copyOf(path);
    }
  }

  /**
   * A signer's chain that passed every check but one may remain: {@code expired} lists the
   * certificates that were valid at the claimed signing time but have expired by the validation
   * time. Such a chain is acceptable only with proof that the signature existed before they expired
   * (a signature timestamp) and revocation data from then.
   *
   * @param certificates the signer first, the trust anchor last
   * @param expired the certificates of the chain that expired after the claimed signing time
   */
  record SignerChain(List<X509Certificate> certificates, List<X509Certificate> expired) {
    SignerChain {
      certificates = List.copyOf(certificates);
      expired = List.copyOf(expired);
    }

    /**
     * A certificate that has expired since the signature may still be accepted at the best proven
     * time (EN 319 102-1, 5.5): a valid signature timestamp must prove that the signature existed
     * before it expired. Revocation data from then is required too ({@link #requireNoneExpired}).
     *
     * @throws VerificationFailure INDETERMINATE/OUT_OF_BOUNDS_NO_POE if there is no timestamp, or
     *     if it is younger than the expiry
     */
    void requireProofBeforeExpiry(Optional<Instant> timestamped) throws VerificationFailure {
      for (X509Certificate certificate : expired) {
        if (timestamped.isEmpty()) {
          throw expiredWithoutProof(certificate);
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (timestamped.get().isAfter(notAfter)) {
          throw new VerificationFailure(
              INDETERMINATE,
              SubIndication.OUT_OF_BOUNDS_NO_POE,
              "cert.expiredBeforeTimestamp",
              subject(certificate),
              notAfter.toString(),
              timestamped.get().toString());
        }
      }
    }

    /**
     * Where there is no revocation data, an expired certificate cannot be accepted even with a
     * timestamp older than its expiry.
     *
     * @throws VerificationFailure INDETERMINATE/OUT_OF_BOUNDS_NO_POE {@code
     *     cert.expiredNoRevocation}
     */
    void requireNoneExpired(Optional<Instant> timestamped) throws VerificationFailure {
      if (!expired.isEmpty()) {
        X509Certificate certificate = expired.get(0);
        throw new VerificationFailure(
            INDETERMINATE,
            SubIndication.OUT_OF_BOUNDS_NO_POE,
            "cert.expiredNoRevocation",
            subject(certificate),
            certificate.getNotAfter().toInstant().toString(),
            timestamped.map(Instant::toString).orElse("-"));
      }
    }
  }

  /**
   * Checks the signer certificate; a certificate that has expired since the claimed signing time
   * fails with {@link SubIndication#OUT_OF_BOUNDS_NO_POE}.
   *
   * @return the chain from the signer to the trust anchor, both included (one certificate if the
   *     signer is itself a trust anchor)
   */
  List<X509Certificate> check(
      X509Certificate signer, List<X509Certificate> candidates, Instant claimed, Instant now)
      throws VerificationFailure {
    SignerChain chain = checkSigner(signer, candidates, claimed, now);
    if (!chain.expired().isEmpty()) {
      throw expiredWithoutProof(chain.expired().get(0));
    }
    return chain.certificates();
  }

  /**
   * Checks the signer certificate like {@link #check}, except that certificates that were valid at
   * the claimed signing time and have expired since are returned in {@link SignerChain#expired()}
   * instead of failing, so that a signature timestamp can still prove the signature older.
   */
  SignerChain checkSigner(
      X509Certificate signer, List<X509Certificate> candidates, Instant claimed, Instant now)
      throws VerificationFailure {
    if (claimed.isBefore(signer.getNotBefore().toInstant())) {
      throw new VerificationFailure(
          TOTAL_FAILED,
          SubIndication.NOT_YET_VALID,
          "cert.signedBeforeValid",
          subject(signer),
          signer.getNotBefore().toInstant().toString(),
          claimed.toString());
    }
    Chain chain = findChain(signer, candidates, claimed, now);
    List<X509Certificate> expired = expiredSince(chain.certificates(), claimed, now);
    if (!SignerCertificatePolicy.allowsSignatures(signer)) {
      throw new VerificationFailure(
          INDETERMINATE, SubIndication.CHAIN_CONSTRAINTS_FAILURE, "cert.keyUsage", subject(signer));
    }
    return new SignerChain(chain.withAnchor(), expired);
  }

  /**
   * Checks that {@code certificate} chains to a trust anchor, that PKIX accepts the chain, and that
   * every link is valid at {@code time} and at {@code now}; key usage is left to the caller.
   */
  Chain checkChain(
      X509Certificate certificate, List<X509Certificate> candidates, Instant time, Instant now)
      throws VerificationFailure {
    Chain chain = findChain(certificate, candidates, time, now);
    checkValidity(chain.certificates(), time, now);
    return chain;
  }

  /**
   * A chain from {@code certificate} to a trust anchor that PKIX accepts; validity is not judged.
   */
  private Chain findChain(
      X509Certificate certificate, List<X509Certificate> candidates, Instant time, Instant now)
      throws VerificationFailure {
    Chain chain =
        build(certificate, candidates)
            .orElseThrow(
                () ->
                    new VerificationFailure(
                        INDETERMINATE,
                        SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                        "chain.notFound",
                        subject(certificate)));
    validatePkix(chain, time, now);
    return chain;
  }

  private Optional<Chain> build(X509Certificate signer, List<X509Certificate> candidates) {
    List<X509Certificate> path = new ArrayList<>();
    X509Certificate current = signer;
    while (path.size() < MAX_CHAIN_LENGTH) {
      if (trustAnchors.contains(current)) {
        return Optional.of(new Chain(path.isEmpty() ? List.of(current) : path, current));
      }
      path.add(current);
      Optional<X509Certificate> anchor = issuerAmong(current, trustAnchors);
      if (anchor.isPresent()) {
        return Optional.of(new Chain(path, anchor.get()));
      }
      Optional<X509Certificate> next = issuerAmong(current, candidates);
      if (next.isEmpty() || path.contains(next.get())) {
        return Optional.empty();
      }
      current = next.get();
    }
    return Optional.empty();
  }

  private Optional<X509Certificate> issuerAmong(
      X509Certificate certificate, List<X509Certificate> pool) {
    for (X509Certificate issuer : pool) {
      if (issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
          && signedBy(certificate, issuer)) {
        return Optional.of(issuer);
      }
    }
    return Optional.empty();
  }

  private boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey(), provider);
      return true;
    } catch (GeneralSecurityException e) {
      // Not the issuer (or a broken signature): the search goes on, and if nothing else issued
      // the certificate the chain is reported as not found.
      return false;
    }
  }

  private void validatePkix(Chain chain, Instant claimed, Instant now) throws VerificationFailure {
    if (chain.certificates().contains(chain.anchor())) {
      return; // the signer certificate is itself a trust anchor
    }
    try {
      CertPath path =
          CertificateFactory.getInstance("X.509").generateCertPath(chain.certificates());
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.anchor(), null)));
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(structureDate(chain.certificates(), now)));
      CertPathValidator.getInstance("PKIX").validate(path, parameters);
    } catch (GeneralSecurityException e) {
      // Validity is checked separately with DSS sub-indications; report it first if it is the
      // cause, so an expired chain is not called broken.
      checkValidity(chain.certificates(), claimed, now);
      throw new VerificationFailure(
          INDETERMINATE,
          SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE,
          "chain.invalid",
          PdfSignatureReader.describe(e));
    }
  }

  /**
   * A date at which every certificate of the chain is valid (the validation time if possible), so
   * that PKIX checks the structure; time is judged by {@link #checkValidity}.
   */
  private static Instant structureDate(List<X509Certificate> certificates, Instant now) {
    Instant latestStart = Instant.MIN;
    Instant earliestEnd = Instant.MAX;
    for (X509Certificate certificate : certificates) {
      Instant notBefore = certificate.getNotBefore().toInstant();
      Instant notAfter = certificate.getNotAfter().toInstant();
      latestStart = notBefore.isAfter(latestStart) ? notBefore : latestStart;
      earliestEnd = notAfter.isBefore(earliestEnd) ? notAfter : earliestEnd;
    }
    if (latestStart.isAfter(earliestEnd)) {
      return now;
    }
    return now.isBefore(latestStart) ? latestStart : now.isAfter(earliestEnd) ? earliestEnd : now;
  }

  private static void checkValidity(
      List<X509Certificate> certificates, Instant claimed, Instant now) throws VerificationFailure {
    List<X509Certificate> expired = expiredSince(certificates, claimed, now);
    if (!expired.isEmpty()) {
      throw expiredWithoutProof(expired.get(0));
    }
  }

  /**
   * Fails if a certificate had expired at the claimed time or is not yet valid at {@code now}.
   *
   * @return the certificates that were valid at the claimed time and have expired by {@code now}
   */
  private static List<X509Certificate> expiredSince(
      List<X509Certificate> certificates, Instant claimed, Instant now) throws VerificationFailure {
    List<X509Certificate> expired = new ArrayList<>();
    for (X509Certificate certificate : certificates) {
      Instant notAfter = certificate.getNotAfter().toInstant();
      Instant notBefore = certificate.getNotBefore().toInstant();
      if (claimed.isAfter(notAfter)) {
        throw expiredWithoutProof(certificate);
      }
      if (now.isAfter(notAfter)) {
        expired.add(certificate);
        continue;
      }
      if (now.isBefore(notBefore)) {
        throw new VerificationFailure(
            INDETERMINATE,
            SubIndication.NOT_YET_VALID,
            "cert.notYetValid",
            subject(certificate),
            notBefore.toString());
      }
    }
    return expired;
  }

  /**
   * INDETERMINATE/OUT_OF_BOUNDS_NO_POE: the certificate has expired, with nothing proving the
   * signature older.
   */
  private static VerificationFailure expiredWithoutProof(X509Certificate certificate) {
    return new VerificationFailure(
        INDETERMINATE,
        SubIndication.OUT_OF_BOUNDS_NO_POE,
        "cert.expired",
        subject(certificate),
        certificate.getNotAfter().toInstant().toString());
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
