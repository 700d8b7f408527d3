package dev.onceform.signing.spi;

import dev.onceform.signing.SigningException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

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
      if (cause instanceof ResponseTooLarge) {
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

  /** Raised inside the body subscriber when the answer exceeds the limit. */
  private static final class ResponseTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLarge(int limit) {
      super("response exceeds " + limit + " bytes");
    }
  }

  /** Collects the body up to a limit, then cancels the exchange. Used by one exchange. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    BoundedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (body.size() + (long) buffer.remaining() > limit) {
          Flow.Subscription current = subscription;
          if (current != null) {
            current.cancel();
          }
          result.completeExceptionally(new ResponseTooLarge(limit));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        body.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(body.toByteArray());
    }
  }
}
