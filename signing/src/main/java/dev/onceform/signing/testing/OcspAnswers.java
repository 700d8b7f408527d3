package dev.onceform.signing.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Answers RFC 6960 OCSP requests for the certificates of one {@link TestPki}: good, revoked (once
 * the revocation time is reached) or unknown (a serial the CA did not revoke and the request names
 * another CA). Immutable and thread-safe.
 */
final class OcspAnswers {

  private static final Duration VALIDITY = Duration.ofDays(1);

  private final List<TestPki.Authority> authorities;
  private final TestOcsp.Signer signer;
  private final BouncyCastleProvider provider = new BouncyCastleProvider();

  OcspAnswers(List<TestPki.Authority> authorities, TestOcsp.Signer signer) {
    this.authorities = List.copyOf(authorities);
    this.signer = signer;
  }

  /** The DER encoding of the OCSPResponse answering {@code body} at {@code now}. */
  byte[] answer(byte[] body, Instant now) throws IOException {
    OCSPReq request;
    try {
      request = new OCSPReq(body);
    } catch (IOException | RuntimeException e) {
      return status(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    Req[] requests = request.getRequestList();
    if (requests.length == 0) {
      return status(OCSPRespBuilder.MALFORMED_REQUEST);
    }
    try {
      DigestCalculatorProvider digests =
          new JcaDigestCalculatorProviderBuilder().setProvider(provider).build();
      Optional<TestPki.Authority> authority = issuerOf(requests[0].getCertID(), digests);
      if (authority.isEmpty()) {
        return status(OCSPRespBuilder.UNAUTHORIZED);
      }
      TestPki.Responder responder = responderOf(authority.get());
      X509CertificateHolder responderHolder = new JcaX509CertificateHolder(responder.certificate());
      BasicOCSPRespBuilder builder =
          new BasicOCSPRespBuilder(new RespID(responderHolder.getSubject()));
      for (Req one : requests) {
        CertificateID id = one.getCertID();
        CertificateStatus status =
            id.matchesIssuer(new JcaX509CertificateHolder(authority.get().certificate()), digests)
                ? statusOf(authority.get(), id.getSerialNumber(), now)
                : new UnknownStatus();
        builder.addResponse(id, status, Date.from(now), Date.from(now.plus(VALIDITY)));
      }
      Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        builder.setResponseExtensions(new Extensions(nonce));
      }
      BasicOCSPResp basic =
          builder.build(
              contentSigner(responder.key()),
              new X509CertificateHolder[] {responderHolder},
              Date.from(now));
      return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    } catch (OCSPException | OperatorCreationException | CertificateEncodingException e) {
      throw new IOException("the test OCSP responder cannot answer: " + e.getMessage(), e);
    }
  }

  private Optional<TestPki.Authority> issuerOf(CertificateID id, DigestCalculatorProvider digests)
      throws OCSPException, CertificateEncodingException {
    for (TestPki.Authority authority : authorities) {
      if (id.matchesIssuer(new JcaX509CertificateHolder(authority.certificate()), digests)) {
        return Optional.of(authority);
      }
    }
    return Optional.empty();
  }

  private TestPki.Responder responderOf(TestPki.Authority authority) {
    switch (signer) {
      case CA:
        return new TestPki.Responder(authority.certificate(), authority.key());
      case UNAUTHORIZED:
        return authority.unauthorizedResponder();
      case DELEGATED_WITHOUT_NOCHECK:
        return authority.uncheckedResponder();
      case DELEGATED:
      default:
        return authority.responder();
    }
  }

  private static CertificateStatus statusOf(
      TestPki.Authority authority, BigInteger serial, Instant now) {
    Instant revoked = authority.revoked().get(serial);
    if (revoked != null && !revoked.isAfter(now)) {
      return new RevokedStatus(Date.from(revoked), CRLReason.keyCompromise);
    }
    return CertificateStatus.GOOD;
  }

  private ContentSigner contentSigner(PrivateKey key) throws OperatorCreationException {
    String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    return new JcaContentSignerBuilder(algorithm).setProvider(provider).build(key);
  }

  static byte[] status(int status) throws IOException {
    try {
      return new OCSPRespBuilder().build(status, null).getEncoded();
    } catch (OCSPException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
