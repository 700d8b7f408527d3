package dev.onceform.cli;

import dev.onceform.signing.Pem;
import dev.onceform.signing.TimestampClient;
import dev.onceform.signing.spi.RevocationSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code --tsa} and {@code --crl} options shared by {@code sign} and {@code archive}. */
final class Timestamping {

  /** The time allowed for one OCSP or CRL exchange without --crl. */
  private static final Duration REVOCATION_TIMEOUT = Duration.ofSeconds(10);

  private Timestamping() {}

  /**
   * A client of the TSA at {@code url} (the --tsa value) whose certificate chains to {@code
   * anchors}.
   */
  static TimestampClient client(String url, List<X509Certificate> anchors) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new UsageException("--tsa: '" + url + "' is not a URL (" + e.getReason() + ")");
    }
    TimestampClient.Builder client = TimestampClient.builder();
    try {
      client.url(uri);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--tsa: " + e.getMessage());
    }
    return client.trustAnchors(anchors).build();
  }

  /** The CRLs of the --crl files (offline), or else the URLs in the certificates (online). */
  static RevocationSource revocationSource(List<Path> crls) {
    if (crls.isEmpty()) {
      return RevocationSource.online(REVOCATION_TIMEOUT);
    }
    List<X509CRL> all = new ArrayList<>();
    for (Path file : crls) {
      InputFiles.read(file);
      all.addAll(Pem.readCrls(file));
    }
    return RevocationSource.of(all, List.of());
  }
}
