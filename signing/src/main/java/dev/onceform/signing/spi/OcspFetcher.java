package dev.onceform.signing.spi;

import dev.onceform.signing.SigningException;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Asks the OCSP responder named in a certificate for its status. The answer must be a successful
 * OCSPResponse of type basic whose nonce, if any, is the request's; everything else is checked by
 * whoever uses the data. Immutable and thread-safe.
 */
final class OcspFetcher implements RevocationSource {

  private static final String REQUEST_TYPE = "application/ocsp-request";

  private final RevocationHttp http;
  private final SecureRandom random = new SecureRandom();

  OcspFetcher(RevocationHttp http) {
    this.http = http;
  }

  @Override
  public String id() {
    return "ocsp";
  }

  @Override
  public RevocationData fetch(X509Certificate certificate, X509Certificate issuer) {
    List<URI> urls = CertificateUrls.ocsp(certificate);
    if (urls.isEmpty()) {
      return RevocationData.EMPTY;
    }
    URI url = urls.get(0);
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    byte[] answer = http.post(url, REQUEST_TYPE, request(certificate, issuer, nonce));
    checkAnswer(url, answer, nonce);
    return new RevocationData(List.of(), List.of(answer));
  }

  private static byte[] request(X509Certificate certificate, X509Certificate issuer, byte[] nonce) {
    try {
      CertificateID id =
          new CertificateID(
              new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
              new JcaX509CertificateHolder(issuer),
              certificate.getSerialNumber());
      return new OCSPReqBuilder()
          .addRequest(id)
          .setRequestExtensions(
              new Extensions(
                  new Extension(
                      OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                      false,
                      new DEROctetString(nonce).getEncoded())))
          .build()
          .getEncoded();
    } catch (OCSPException
        | OperatorCreationException
        | CertificateEncodingException
        | IOException e) {
      throw new SigningException(
          SigningException.REVOCATION_RESPONSE_MALFORMED,
          String.format(
              Locale.ROOT,
              "no OCSP request could be made for '%s': %s",
              certificate.getSubjectX500Principal().getName(),
              e.getMessage()),
          e);
    }
  }

  private static void checkAnswer(URI url, byte[] answer, byte[] nonce) {
    String problem;
    try {
      OCSPResp response = new OCSPResp(answer);
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        problem = "OCSP response status " + response.getStatus();
      } else if (!(response.getResponseObject() instanceof BasicOCSPResp basic)) {
        problem = "not a basic OCSP response";
      } else {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        boolean nonceMatches =
            echoed == null
                || Arrays.equals(
                    DEROctetString.getInstance(echoed.getParsedValue()).getOctets(), nonce);
        problem = nonceMatches ? null : "the nonce is not the request's";
      }
    } catch (IOException | OCSPException | RuntimeException e) {
      problem = "not an OCSP response (" + e.getMessage() + ")";
    }
    if (problem != null) {
      throw new SigningException(
          SigningException.REVOCATION_RESPONSE_MALFORMED,
          String.format(
              Locale.ROOT,
              "the OCSP responder at %s gave no usable answer: %s; ask the CA, or use CRLs",
              url,
              problem));
    }
  }
}
