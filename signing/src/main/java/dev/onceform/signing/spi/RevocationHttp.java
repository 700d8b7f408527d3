package dev.onceform.signing.spi;

import dev.onceform.signing.SigningException;
import dev.onceform.signing.internal.BoundedBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches OCSP responses and CRLs over HTTP: the whole exchange must finish within the timeout and
 * the answer is read up to {@link RevocationSource#MAX_RESPONSE_BYTES}. Immutable and thread-safe.
 */
final class RevocationHttp {

  private final HttpClient client;
  private final Duration timeout;

  RevocationHttp(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  byte[] get(URI url) {
    return exchange(url, HttpRequest.newBuilder(url).timeout(timeout).GET().build());
  }

  byte[] post(URI url, String contentType, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return exchange(url, request);
  }

  private byte[] exchange(URI url, HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? new BoundedBody(RevocationSource.MAX_RESPONSE_BYTES)
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw unreachable(url, e, "did not answer within " + timeout);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw unreachable(url, e, "was interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof BoundedBody.TooLarge) {
        throw new SigningException(
            SigningException.REVOCATION_RESPONSE_MALFORMED,
            String.format(
                Locale.ROOT,
                "the revocation server at %s sent more than %d bytes; check the URL in the"
                    + " certificate",
                url,
                RevocationSource.MAX_RESPONSE_BYTES),
            cause);
      }
      throw unreachable(
          url,
          cause,
          cause instanceof HttpTimeoutException
              ? "did not answer within " + timeout
              : "cannot be reached (" + cause + ")");
    }
    if (response.statusCode() != 200) {
      throw new SigningException(
          SigningException.REVOCATION_HTTP_STATUS,
          String.format(
              Locale.ROOT,
              "the revocation server at %s answered HTTP %d; ask the CA if it persists",
              url,
              response.statusCode()));
    }
    return response.body();
  }

  private static SigningException unreachable(URI url, Throwable cause, String what) {
    return new SigningException(
        SigningException.REVOCATION_UNREACHABLE,
        String.format(
            Locale.ROOT,
            "the revocation server at %s %s; check the network, or pass revocation data with"
                + " RevocationSource.of(...)",
            url,
            what),
        cause);
  }
}
