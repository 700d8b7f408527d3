package dev.onceform.signing.spi;

import dev.onceform.signing.SigningException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Downloads the CRLs named in a certificate's CRL distribution points. Immutable and thread-safe.
 */
final class CrlFetcher implements RevocationSource {

  private final RevocationHttp http;

  CrlFetcher(RevocationHttp http) {
    this.http = http;
  }

  @Override
  public String id() {
    return "crl";
  }

  @Override
  public RevocationData fetch(X509Certificate certificate, X509Certificate issuer) {
    List<X509CRL> crls = new ArrayList<>();
    for (URI url : CertificateUrls.crl(certificate)) {
      byte[] encoded = http.get(url);
      try {
        crls.add(
            (X509CRL)
                CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(encoded)));
      } catch (CRLException | CertificateException | RuntimeException e) {
        throw new SigningException(
            SigningException.REVOCATION_RESPONSE_MALFORMED,
            String.format(
                Locale.ROOT,
                "the CRL distribution point %s sent no CRL (%s); check the URL in the certificate",
                url,
                e.getMessage()),
            e);
      }
    }
    return new RevocationData(crls, List.of());
  }
}
