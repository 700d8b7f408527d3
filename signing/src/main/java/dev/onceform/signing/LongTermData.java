package dev.onceform.signing;

import dev.onceform.signing.spi.RevocationData;
import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.spi.SignerKey;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.jspecify.annotations.Nullable;

/**
 * Gathers the validation data of a B-LT signature: the certificates of the signer's and the TSA's
 * chains, and for every certificate that is not self-signed, revocation data from a {@link
 * RevocationSource} that shows it was not revoked at the signature timestamp's time. Immutable and
 * thread-safe.
 */
final class LongTermData {

  /** What goes into the DSS. */
  record Collected(List<X509Certificate> certificates, RevocationData revocation) {}

  private static final int MAX_CHAIN_LENGTH = 10;

  /** The time allowed for one OCSP or CRL exchange of the default, online, source. */
  private static final Duration DEFAULT_REVOCATION_TIMEOUT = Duration.ofSeconds(10);

  /** {@code source}, or else {@link RevocationSource#online(Duration)} with a 10-second timeout. */
  static RevocationSource sourceOrDefault(@Nullable RevocationSource source) {
    return source == null ? RevocationSource.online(DEFAULT_REVOCATION_TIMEOUT) : source;
  }

  private final RevocationSource source;
  private final RevocationCheck check;
  private final Provider provider;

  LongTermData(RevocationSource source, Provider provider) {
    this.source = source;
    this.check = new RevocationCheck(provider);
    this.provider = provider;
  }

  Collected collect(SignerKey key, byte[] cms) {
    TimeStampToken token = timestamp(cms);
    Instant stamped = token.getTimeStampInfo().getGenTime().toInstant();
    List<X509Certificate> tsaChain = new ArrayList<>();
    for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
      tsaChain.add(toX509(holder));
    }
    Set<X509Certificate> all = new LinkedHashSet<>(key.certificateChain());
    all.addAll(tsaChain);
    List<X509Certificate> pool = List.copyOf(all);
    RevocationData revocation = RevocationData.EMPTY;
    for (X509Certificate certificate : pool) {
      Optional<X509Certificate> issuer = issuerOf(certificate, pool);
      if (issuer.isPresent()) {
        revocation = revocation.plus(dataFor(certificate, issuer.get(), stamped));
      }
    }
    return new Collected(pool, revocation);
  }

  /**
   * Gathers the validation data of a TSA's chain, for a document timestamp being renewed: the chain
   * from {@code tsa} up to a self-signed certificate, with issuers found in {@code pool}, and
   * revocation data issued at or after {@code at} for every certificate but the root.
   */
  Collected collectChain(X509Certificate tsa, List<X509Certificate> pool, Instant at) {
    List<X509Certificate> chain = new ArrayList<>();
    RevocationData revocation = RevocationData.EMPTY;
    X509Certificate current = tsa;
    while (!chain.contains(current) && chain.size() < MAX_CHAIN_LENGTH) {
      chain.add(current);
      Optional<X509Certificate> issuer = issuerOf(current, pool);
      if (issuer.isEmpty()) {
        break;
      }
      revocation = revocation.plus(dataFor(current, issuer.get(), at));
      current = issuer.get();
    }
    return new Collected(chain, revocation);
  }

  private RevocationData dataFor(X509Certificate certificate, X509Certificate issuer, Instant at) {
    RevocationData data = source.fetch(certificate, issuer);
    Optional<RevocationCheck.Status> status =
        check.status(certificate, issuer, data, at, Instant.MAX);
    String subject = certificate.getSubjectX500Principal().getName();
    if (status.isEmpty()) {
      throw SigningException.of(
          SigningException.REVOCATION_DATA_MISSING,
          "revocation source '%s' gave no valid CRL or OCSP response issued at or after the"
              + " timestamp (%s) for certificate '%s'; check its OCSP and CRL URLs,"
              + " try again once the CA publishes newer data, or pass it with"
              + " RevocationSource.of(...)",
          source.id(),
          at,
          subject);
    }
    if (status.get().revoked()) {
      throw SigningException.of(
          SigningException.CERTIFICATE_REVOKED,
          "certificate '%s' was revoked on %s; sign with a valid certificate",
          subject,
          status.get().time());
    }
    return data;
  }

  /** The certificate in {@code pool} that issued {@code certificate}; empty if self-signed. */
  private Optional<X509Certificate> issuerOf(
      X509Certificate certificate, List<X509Certificate> pool) {
    if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return Optional.empty();
    }
    for (X509Certificate candidate : pool) {
      if (candidate != certificate
          && candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
        try {
          certificate.verify(candidate.getPublicKey(), provider);
          return Optional.of(candidate);
        } catch (GeneralSecurityException e) {
          // same name, other key: keep looking
        }
      }
    }
    throw SigningException.of(
        SigningException.REVOCATION_DATA_MISSING,
        "the issuer of certificate '%s' is not in the key's or the TSA's certificate chain (or the"
            + " document's DSS), so no revocation data can be checked for it; add the CA"
            + " certificates to the key's chain",
        certificate.getSubjectX500Principal().getName());
  }

  private static TimeStampToken timestamp(byte[] cms) {
    try {
      SignerInformation signer = new CMSSignedData(cms).getSignerInfos().iterator().next();
      AttributeTable unsigned = signer.getUnsignedAttributes();
      Attribute attribute =
          unsigned == null
              ? null
              : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
      if (attribute == null) {
        throw new IllegalStateException("a B-LT signature was made without a timestamp");
      }
      return new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
    } catch (CMSException | TSPException | java.io.IOException e) {
      throw SigningException.of(
          e, SigningException.CMS_FAILED, "the signature just made cannot be read: %s", e);
    }
  }

  private static X509Certificate toX509(X509CertificateHolder holder) {
    try {
      return CmsSignatureCheck.toX509(holder);
    } catch (VerificationFailure e) {
      throw SigningException.of(
          SigningException.CMS_FAILED, "the TSA's certificate cannot be read: %s", e.getMessage());
    }
  }
}
