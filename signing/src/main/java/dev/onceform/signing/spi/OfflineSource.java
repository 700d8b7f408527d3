package dev.onceform.signing.spi;

import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;

/**
 * Serves revocation data given up front: the CRLs of the certificate's issuer and the OCSP
 * responses about its serial number. Immutable and thread-safe.
 */
final class OfflineSource implements RevocationSource {

  private final RevocationData data;

  OfflineSource(RevocationData data) {
    this.data = data;
  }

  @Override
  public String id() {
    return "offline";
  }

  @Override
  public RevocationData fetch(X509Certificate certificate, X509Certificate issuer) {
    List<X509CRL> crls = new ArrayList<>();
    for (X509CRL crl : data.crls()) {
      if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
        crls.add(crl);
      }
    }
    List<byte[]> responses = new ArrayList<>();
    for (byte[] response : data.ocspResponses()) {
      if (names(response, certificate)) {
        responses.add(response);
      }
    }
    return new RevocationData(crls, responses);
  }

  private static boolean names(byte[] encoded, X509Certificate certificate) {
    try {
      if (!(new OCSPResp(encoded).getResponseObject() instanceof BasicOCSPResp basic)) {
        return false;
      }
      for (SingleResp single : basic.getResponses()) {
        if (single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())) {
          return true;
        }
      }
      return false;
    } catch (IOException | OCSPException | RuntimeException e) {
      return false; // not an OCSP response: it names nothing
    }
  }
}
