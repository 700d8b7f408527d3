package dev.onceform.signing;

import static dev.onceform.signing.Indication.INDETERMINATE;
import static dev.onceform.signing.Indication.TOTAL_FAILED;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Checks an RFC 3161 timestamp token: SHA-2 digests, the TSA certificate (in the token, with the
 * critical extended key usage id-kp-timeStamping and nothing else, valid at the token's time), the
 * token's signature and signing-certificate reference, and a chain from the TSA certificate to a
 * configured trust anchor. Used by {@link TimestampClient} on a fresh token and by {@link
 * SignatureVerifier} on an embedded one. Immutable and thread-safe.
 */
final class TimestampTokenCheck {

  static final String TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

  private final CertificateChainCheck chains;
  private final Provider provider;

  TimestampTokenCheck(CertificateChainCheck chains, Provider provider) {
    this.chains = chains;
    this.provider = provider;
  }

  /** Parses a timestamp token (a CMS ContentInfo with a signed TSTInfo). */
  static TimeStampToken parse(ASN1Encodable encoded) throws VerificationFailure {
    try {
      return new TimeStampToken(ContentInfo.getInstance(encoded));
    } catch (TSPException | IOException | RuntimeException e) {
      // BouncyCastle reports malformed ASN.1 with unchecked exceptions too.
      throw VerificationFailure.format("timestamp.unreadable", PdfSignatureReader.describe(e));
    }
  }

  /** Fails unless the token's message imprint is the digest of {@code data}. */
  void checkImprint(TimeStampToken token, byte[] data) throws VerificationFailure {
    String oid = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
    DigestAlgorithm digest = DigestAlgorithm.fromOid(oid).orElseThrow(() -> notAccepted(oid));
    byte[] expected = digest.digest(data);
    if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
      throw new VerificationFailure(
          TOTAL_FAILED, SubIndication.HASH_FAILURE, "timestamp.imprintMismatch");
    }
  }

  /**
   * Checks everything but the imprint.
   *
   * @param token the token
   * @param candidates more certificates that may link the TSA certificate to a trust anchor
   * @param now the validation time
   * @return the TSA's chain: the TSA certificate first, the trust anchor last
   */
  List<X509Certificate> check(TimeStampToken token, List<X509Certificate> candidates, Instant now)
      throws VerificationFailure {
    requireSha2(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
    SignerInformation signer = token.toCMSSignedData().getSignerInfos().iterator().next();
    requireSha2(signer.getDigestAlgOID());
    List<X509Certificate> inToken = certificates(token);
    X509Certificate tsa = tsaCertificate(token, inToken);
    Instant time = token.getTimeStampInfo().getGenTime().toInstant();
    requireTimeStampingUsage(tsa);
    requireValidAt(tsa, time);
    verifySignature(token, tsa);
    List<X509Certificate> all = new ArrayList<>(inToken);
    all.addAll(candidates);
    CertificateChainCheck.Chain chain;
    try {
      chain = chains.checkChain(tsa, all, time, now);
    } catch (VerificationFailure failure) {
      Finding finding = failure.finding();
      SubIndication sub = finding.subIndication().orElse(SubIndication.FORMAT_FAILURE);
      String key =
          sub == SubIndication.NO_CERTIFICATE_CHAIN_FOUND
              ? "timestamp.chainNotFound"
              : "timestamp.chainInvalid";
      throw new VerificationFailure(finding.indication(), sub, key, subject(tsa));
    }
    return chain.withAnchor();
  }

  private static void requireSha2(String digestOid) throws VerificationFailure {
    if (DigestAlgorithm.fromOid(digestOid).isEmpty()) {
      throw notAccepted(digestOid);
    }
  }

  /** The certificates the token carries. */
  static List<X509Certificate> certificates(TimeStampToken token) throws VerificationFailure {
    List<X509Certificate> certificates = new ArrayList<>();
    for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
      certificates.add(CmsSignatureCheck.toX509(holder));
    }
    return certificates;
  }

  /** The certificate that signed the token, among those it carries. */
  static X509Certificate tsaCertificate(TimeStampToken token, List<X509Certificate> inToken)
      throws VerificationFailure {
    for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
      if (token.getSID().match(holder)) {
        return CmsSignatureCheck.toX509(holder);
      }
    }
    throw new VerificationFailure(
        INDETERMINATE,
        SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
        "timestamp.certificateMissing",
        Integer.toString(inToken.size()));
  }

  private static void requireTimeStampingUsage(X509Certificate tsa) throws VerificationFailure {
    List<String> usages;
    try {
      usages = tsa.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      usages = null;
    }
    Set<String> critical = tsa.getCriticalExtensionOIDs();
    boolean timeStampingOnly = usages != null && usages.equals(List.of(TIME_STAMPING));
    if (!timeStampingOnly || critical == null || !critical.contains(EXTENDED_KEY_USAGE)) {
      throw new VerificationFailure(
          INDETERMINATE,
          SubIndication.CHAIN_CONSTRAINTS_FAILURE,
          "timestamp.keyUsage",
          subject(tsa));
    }
  }

  private static void requireValidAt(X509Certificate tsa, Instant time) throws VerificationFailure {
    Instant notBefore = tsa.getNotBefore().toInstant();
    Instant notAfter = tsa.getNotAfter().toInstant();
    if (time.isBefore(notBefore) || time.isAfter(notAfter)) {
      throw new VerificationFailure(
          INDETERMINATE,
          time.isBefore(notBefore)
              ? SubIndication.NOT_YET_VALID
              : SubIndication.OUT_OF_BOUNDS_NO_POE,
          "timestamp.outsideValidity",
          time.toString(),
          subject(tsa),
          notBefore.toString(),
          notAfter.toString());
    }
  }

  private void verifySignature(TimeStampToken token, X509Certificate tsa)
      throws VerificationFailure {
    try {
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(tsa));
    } catch (TSPException | OperatorCreationException | RuntimeException e) {
      // TSPValidationException (a TSPException) says the signature or the certificate reference
      // is wrong; other exceptions that it cannot be checked. Either way the token is not proof.
      throw new VerificationFailure(
          TOTAL_FAILED,
          SubIndication.SIG_CRYPTO_FAILURE,
          "timestamp.signatureInvalid",
          PdfSignatureReader.describe(e));
    }
  }

  private static VerificationFailure notAccepted(String oid) {
    return new VerificationFailure(
        INDETERMINATE,
        SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
        "timestamp.digestNotAccepted",
        oid);
  }

  static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }
}
