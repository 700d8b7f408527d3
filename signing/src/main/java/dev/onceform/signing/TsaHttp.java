package dev.onceform.signing;

import dev.onceform.signing.internal.BoundedBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts a TimeStampReq to a TSA over HTTP and returns the body of the answer, read up to a limit.
 * The whole exchange (connect, headers, body) must finish within the timeout. Immutable and
 * thread-safe; holds one {@link HttpClient}.
 */
final class TsaHttp {

  static final String QUERY_TYPE = "application/timestamp-query";

  private final HttpClient client;
  private final URI url;
  private final Duration timeout;
  private final int maxResponseBytes;

  TsaHttp(HttpClient client, URI url, Duration timeout, int maxResponseBytes) {
    this.client = client;
    this.url = url;
    this.timeout = timeout;
    this.maxResponseBytes = maxResponseBytes;
  }

  byte[] post(byte[] query) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", QUERY_TYPE)
            .header("Accept", "application/timestamp-reply")
            .POST(HttpRequest.BodyPublishers.ofByteArray(query))
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, this::bodyHandler);
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw timeout(e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw SigningException.of(
          e,
          SigningException.TSA_UNREACHABLE,
          "the request to the TSA at %s was interrupted; try again",
          url);
    } catch (ExecutionException e) {
      throw failure(e.getCause() == null ? e : e.getCause());
    }
    if (response.statusCode() != 200) {
      throw SigningException.of(
          SigningException.TSA_HTTP_STATUS,
          "the TSA at %s answered HTTP %d; check the URL, and ask the TSA's operator if it persists",
          url,
          response.statusCode());
    }
    return response.body();
  }

  private HttpResponse.BodySubscriber<byte[]> bodyHandler(HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return HttpResponse.BodySubscribers.replacing(new byte[0]);
    }
    return new BoundedBody(maxResponseBytes);
  }

  private SigningException failure(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return timeout(cause);
    }
    if (cause instanceof BoundedBody.TooLarge) {
      return SigningException.of(
          cause,
          SigningException.TSA_RESPONSE_MALFORMED,
          "the TSA at %s sent more than %d bytes, far more than a timestamp; check the URL",
          url,
          maxResponseBytes);
    }
    if (cause instanceof SigningException signing) {
      return signing;
    }
    return SigningException.of(
        cause,
        SigningException.TSA_UNREACHABLE,
        "the TSA at %s cannot be reached (%s); check the URL and the network",
        url,
        cause.toString());
  }

  private SigningException timeout(Throwable cause) {
    return SigningException.of(
        cause,
        SigningException.TSA_TIMEOUT,
        "the TSA at %s did not answer within %s; try again, or raise the timeout with"
            + " TimestampClient.builder().timeout(...)",
        url,
        timeout);
  }
}
