package dev.onceform.signing.spi;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Finds revocation data (CRLs, OCSP responses) for a certificate: the extension point through which
 * {@code PadesSigner} gathers the validation data of a B-LT signature and {@code SignatureVerifier}
 * may complete what a document holds.
 *
 * <p>Contract for implementations:
 *
 * <ul>
 *   <li>thread-safe, cheap to construct;
 *   <li>"no data" (no URL in the certificate, nothing known) is {@link RevocationData#EMPTY}, not
 *       an exception; a server that fails or does not answer within the source's timeout is a
 *       {@link dev.onceform.signing.SigningException} with a code {@code OF-SIGN-701..703};
 *   <li>the data need not be checked: signers and verifiers check signatures, issuers, status and
 *       times themselves.
 * </ul>
 *
 * <p>Built-ins: {@link #ocsp(Duration)} and {@link #crl(Duration)} fetch from the URLs in the
 * certificate, {@link #online(Duration)} tries OCSP, then CRLs, and {@link #of} serves data you
 * already have (offline). Methods may be added later, always with a {@code default}.
 */
public interface RevocationSource {

  /** The largest OCSP response or CRL the built-in online sources read: 4 MiB. */
  int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  /**
   * Returns an identifier for messages, e.g. {@code ocsp}.
   *
   * @return the identifier
   */
  String id();

  /**
   * Finds revocation data about {@code certificate}.
   *
   * @param certificate the certificate whose status is wanted
   * @param issuer the certificate of its issuing CA
   * @return the data found; {@link RevocationData#EMPTY} if there is none
   * @throws dev.onceform.signing.SigningException {@code OF-SIGN-701..703} if a server fails
   */
  RevocationData fetch(X509Certificate certificate, X509Certificate issuer);

  /**
   * Returns a source that asks the OCSP responder named in the certificate's authority information
   * access extension (http only), with a SHA-1 CertID (RFC 5019) and a nonce. Each exchange must
   * finish within {@code timeout}; answers over {@value #MAX_RESPONSE_BYTES} bytes are refused.
   *
   * @param timeout the time allowed for one exchange, positive
   * @return the source
   */
  static RevocationSource ocsp(Duration timeout) {
    return new OcspFetcher(new RevocationHttp(HttpClient.newHttpClient(), positive(timeout)));
  }

  /**
   * Returns a source that downloads the CRLs named in the certificate's CRL distribution points
   * extension (http only). Each download must finish within {@code timeout}; CRLs over {@value
   * #MAX_RESPONSE_BYTES} bytes are refused.
   *
   * @param timeout the time allowed for one download, positive
   * @return the source
   */
  static RevocationSource crl(Duration timeout) {
    return new CrlFetcher(new RevocationHttp(HttpClient.newHttpClient(), positive(timeout)));
  }

  /**
   * Returns a source that asks OCSP first and downloads CRLs only if OCSP gave nothing or failed;
   * if both fail, the OCSP failure is thrown.
   *
   * @param timeout the time allowed for one exchange, positive
   * @return the source
   */
  static RevocationSource online(Duration timeout) {
    return new FallbackSource(ocsp(timeout), crl(timeout));
  }

  /**
   * Returns an offline source: for a certificate, the CRLs whose issuer is its issuer's subject and
   * the OCSP responses that hold a status for its serial number.
   *
   * @param crls CRLs
   * @param ocspResponses DER-encoded OCSPResponse structures
   * @return the source
   */
  static RevocationSource of(Collection<X509CRL> crls, Collection<byte[]> ocspResponses) {
    requireNonNull(crls, "crls");
    requireNonNull(ocspResponses, "ocspResponses");
    return new OfflineSource(new RevocationData(List.copyOf(crls), List.copyOf(ocspResponses)));
  }

  private static Duration positive(Duration timeout) {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
    return timeout;
  }
}
