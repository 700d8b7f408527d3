package dev.onceform.core.adapters;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON response body up to a size limit, and stops reading (cancelling the exchange) as
 * soon as the limit is passed, rather than after the whole body arrived. Bodies of responses other
 * than {@code 200} are not read at all.
 */
final class LimitedBody implements HttpResponse.BodyHandler<LimitedBody.Result> {

  /** What was read. */
  sealed interface Result permits Json, Skipped, Rejected {}

  /** The body of a {@code 200} response with a JSON content type, within the limit. */
  @SuppressWarnings("ArrayRecordComponent") // a transient carrier, never compared or hashed
  record Json(byte[] bytes) implements Result {}

  /** The status was not {@code 200}; the body was not read. */
  record Skipped() implements Result {}

  /** The body was refused: too large or not JSON. The reason names no content. */
  record Rejected(String reason) implements Result {}

  private final long maxBytes;

  LimitedBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public HttpResponse.BodySubscriber<Result> apply(HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return new Refusing(new Skipped());
    }
    Optional<String> type = info.headers().firstValue("Content-Type");
    if (type.isEmpty() || !isJson(type.get())) {
      return new Refusing(
          new Rejected("content type is " + type.map(LimitedBody::mediaType).orElse("missing")));
    }
    OptionalLong length = info.headers().firstValueAsLong("Content-Length");
    if (length.isPresent() && length.getAsLong() > maxBytes) {
      return new Refusing(new Rejected(tooLarge()));
    }
    return new Limited();
  }

  private String tooLarge() {
    return "response body exceeds the limit of " + maxBytes + " bytes";
  }

  static boolean isJson(String contentType) {
    String media = mediaType(contentType);
    return media.equals("application/json")
        || (media.startsWith("application/") && media.endsWith("+json"));
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    media = media.trim().toLowerCase(Locale.ROOT);
    return media.length() > 100 ? media.substring(0, 100) : media;
  }

  /** Cancels at once and answers a fixed result. */
  private static final class Refusing implements HttpResponse.BodySubscriber<Result> {
    private final CompletableFuture<Result> result;

    Refusing(Result result) {
      this.result = CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletionStage<Result> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }

  /** Collects buffers one request at a time and cancels past the limit. */
  private final class Limited implements HttpResponse.BodySubscriber<Result> {
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.@Nullable Subscription subscription;
    private long count;

    @Override
    public CompletionStage<Result> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      Flow.Subscription current = subscription;
      if (result.isDone() || current == null) {
        return;
      }
      for (ByteBuffer buffer : item) {
        count += buffer.remaining();
        if (count > maxBytes) {
          current.cancel();
          result.complete(new Rejected(tooLarge()));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      current.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(new Json(bytes.toByteArray()));
    }
  }
}
