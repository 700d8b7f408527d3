package dev.onceform.signing;

import dev.onceform.signing.spi.RevocationData;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Reads what valid revocation data says about one certificate. An OCSP response counts only if it
 * is successful, names the certificate and its issuer, and is signed by the issuer or by a
 * delegated responder certificate that the issuer signed, that has the extended key usage
 * id-kp-OCSPSigning and the extension id-pkix-ocsp-nocheck (as the CA/Browser Forum requires of
 * delegated responders: OnceForm does not check a responder's own revocation) and is valid when the
 * response was produced. A CRL counts only if the issuer signed it, the issuer may sign CRLs, and
 * it is complete (no delta CRL, no issuing distribution point). Data issued after the validation
 * time is ignored. Immutable and thread-safe.
 */
final class RevocationCheck {

  private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

  /** id-pkix-ocsp-nocheck (RFC 6960, 4.2.2.2.1): the responder's own revocation is not checked. */
  private static final String OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";

  private static final Set<String> UNSUPPORTED_CRL_EXTENSIONS = Set.of("2.5.29.27", "2.5.29.28");
  private static final int CRL_SIGN = 6;

  /** What the data says: revoked at a time, or good as of its issue time. */
  record Status(boolean revoked, Instant time) {}

  private final Provider provider;

  RevocationCheck(Provider provider) {
    this.provider = provider;
  }

  /**
   * Returns the status of {@code certificate}: revoked (at the earliest revocation time any valid
   * item states), else good if a valid item issued at or after {@code notBefore} and not after the
   * certificate's expiry says so, else empty.
   */
  Optional<Status> status(
      X509Certificate certificate,
      X509Certificate issuer,
      RevocationData data,
      Instant notBefore,
      Instant now) {
    Status revoked = null;
    Status good = null;
    for (Status status : statements(certificate, issuer, data, now)) {
      if (status.revoked()) {
        revoked = revoked == null || status.time().isBefore(revoked.time()) ? status : revoked;
      } else if (!status.time().isBefore(notBefore)
          && !status.time().isAfter(certificate.getNotAfter().toInstant())) {
        good = status;
      }
    }
    return Optional.ofNullable(revoked != null ? revoked : good);
  }

  private List<Status> statements(
      X509Certificate certificate, X509Certificate issuer, RevocationData data, Instant now) {
    List<Status> statements = new java.util.ArrayList<>();
    for (X509CRL crl : data.crls()) {
      fromCrl(crl, certificate, issuer, now).ifPresent(statements::add);
    }
    for (byte[] response : data.ocspResponses()) {
      statements.addAll(fromOcsp(response, certificate, issuer, now));
    }
    return statements;
  }

  private Optional<Status> fromCrl(
      X509CRL crl, X509Certificate certificate, X509Certificate issuer, Instant now) {
    if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
        || !mayIssueCrls(issuer)) {
      return Optional.empty();
    }
    Set<String> critical = crl.getCriticalExtensionOIDs();
    if (critical != null && critical.stream().anyMatch(UNSUPPORTED_CRL_EXTENSIONS::contains)) {
      return Optional.empty();
    }
    try {
      crl.verify(issuer.getPublicKey(), provider);
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty(); // not signed by the issuer: proves nothing
    }
    X509CRLEntry entry = crl.getRevokedCertificate(certificate);
    if (entry != null) {
      return Optional.of(new Status(true, entry.getRevocationDate().toInstant()));
    }
    // Issued after the validation time, a CRL says nothing of "not revoked" then; a revocation it
    // lists still counts (when validating as of a proven time, a later CRL may show one).
    Instant issued = crl.getThisUpdate().toInstant();
    return issued.isAfter(now) ? Optional.empty() : Optional.of(new Status(false, issued));
  }

  private static boolean mayIssueCrls(X509Certificate issuer) {
    boolean[] usage = issuer.getKeyUsage();
    return usage == null || (usage.length > CRL_SIGN && usage[CRL_SIGN]);
  }

  private List<Status> fromOcsp(
      byte[] encoded, X509Certificate certificate, X509Certificate issuer, Instant now) {
    List<Status> statements = new java.util.ArrayList<>();
    try {
      OCSPResp response = new OCSPResp(encoded);
      if (response.getStatus() != OCSPResp.SUCCESSFUL
          || !(response.getResponseObject() instanceof BasicOCSPResp basic)
          || !authorised(basic, issuer)) {
        return statements;
      }
      DigestCalculatorProvider digests =
          new JcaDigestCalculatorProviderBuilder().setProvider(provider).build();
      X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
      for (SingleResp single : basic.getResponses()) {
        if (!single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
            || !single.getCertID().matchesIssuer(issuerHolder, digests)) {
          continue;
        }
        CertificateStatus status = single.getCertStatus();
        boolean issuedLater = single.getThisUpdate().toInstant().isAfter(now);
        if (status == CertificateStatus.GOOD && !issuedLater) {
          statements.add(new Status(false, single.getThisUpdate().toInstant()));
        } else if (status instanceof RevokedStatus revoked) {
          statements.add(new Status(true, revoked.getRevocationTime().toInstant()));
        }
      }
    } catch (IOException
        | OCSPException
        | OperatorCreationException
        | GeneralSecurityException
        | RuntimeException e) {
      // An unreadable response proves nothing; BouncyCastle also throws unchecked exceptions.
      return List.of();
    }
    return statements;
  }

  /** True if the issuer signed the response, or a delegated responder it authorised. */
  private boolean authorised(BasicOCSPResp basic, X509Certificate issuer)
      throws OperatorCreationException, OCSPException, GeneralSecurityException {
    if (basic.isSignatureValid(
        new JcaContentVerifierProviderBuilder().setProvider(provider).build(issuer))) {
      return true;
    }
    for (X509CertificateHolder holder : basic.getCerts()) {
      X509Certificate responder;
      try {
        responder = CmsSignatureCheck.toX509(holder);
      } catch (VerificationFailure e) {
        continue;
      }
      if (delegatedBy(responder, issuer, basic.getProducedAt().toInstant())
          && basic.isSignatureValid(
              new JcaContentVerifierProviderBuilder().setProvider(provider).build(responder))) {
        return true;
      }
    }
    return false;
  }

  private boolean delegatedBy(X509Certificate responder, X509Certificate issuer, Instant at) {
    try {
      List<String> usages = responder.getExtendedKeyUsage();
      if (!responder.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())
          || usages == null
          || !usages.contains(OCSP_SIGNING)
          || responder.getNonCriticalExtensionOIDs() == null
          || !responder.getNonCriticalExtensionOIDs().contains(OCSP_NO_CHECK)
          || at.isBefore(responder.getNotBefore().toInstant())
          || at.isAfter(responder.getNotAfter().toInstant())) {
        return false;
      }
      responder.verify(issuer.getPublicKey(), provider);
      return true;
    } catch (CertificateParsingException e) {
      return false;
    } catch (GeneralSecurityException e) {
      return false; // not issued by this CA
    }
  }
}
