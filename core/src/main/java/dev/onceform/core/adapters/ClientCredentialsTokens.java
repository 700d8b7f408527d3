package dev.onceform.core.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.schema.internal.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Bearer tokens from an OAuth 2.0 client-credentials grant. A token is reused until {@link
 * #REFRESH_MARGIN} before it expires; concurrent callers share one token request; a token the
 * registry rejected is replaced once, however many callers saw the rejection.
 */
final class ClientCredentialsTokens {
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);
  private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  private static final long MAX_TOKEN_RESPONSE = 64 * 1024;

  /** A token and when it stops being used. */
  record Token(String value, Instant refreshAt) {
    @Override
    public String toString() {
      return "Token[refreshAt=" + refreshAt + "]";
    }
  }

  private final OAuth2ClientCredentials settings;
  private final HttpClient client;
  private final Duration timeout;
  private final Clock clock;
  private final String context;
  private final AtomicReference<CompletableFuture<Token>> current = new AtomicReference<>();

  ClientCredentialsTokens(
      OAuth2ClientCredentials settings,
      HttpClient client,
      Duration timeout,
      Clock clock,
      String context) {
    this.settings = settings;
    this.client = client;
    this.timeout = timeout;
    this.clock = clock;
    this.context = context;
  }

  /** Returns a valid token, fetching one if there is none or it is about to expire. */
  CompletableFuture<Token> token() {
    while (true) {
      CompletableFuture<Token> cached = current.get();
      if (cached != null && usable(cached)) {
        return cached;
      }
      CompletableFuture<Token> fresh = new CompletableFuture<>();
      if (current.compareAndSet(cached, fresh)) {
        request(fresh);
        return fresh;
      }
    }
  }

  /**
   * Returns a new token after the registry rejected {@code rejected}; if another caller already
   * replaced it, returns the replacement.
   */
  CompletableFuture<Token> refresh(Token rejected) {
    while (true) {
      CompletableFuture<Token> cached = current.get();
      boolean stale =
          cached == null
              || (cached.isDone()
                  && !cached.isCompletedExceptionally()
                  && cached.join().equals(rejected));
      if (!stale && cached != null && usable(cached)) {
        return cached;
      }
      CompletableFuture<Token> fresh = new CompletableFuture<>();
      if (current.compareAndSet(cached, fresh)) {
        request(fresh);
        return fresh;
      }
    }
  }

  private boolean usable(CompletableFuture<Token> token) {
    if (!token.isDone()) {
      return true;
    }
    if (token.isCompletedExceptionally()) {
      return false;
    }
    return clock.instant().isBefore(token.join().refreshAt());
  }

  private void request(CompletableFuture<Token> target) {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    settings.scope().ifPresent(scope -> form.append("&scope=").append(formEncode(scope)));
    String credentials =
        formEncode(settings.clientId()) + ":" + formEncode(settings.clientSecret());
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(settings.tokenEndpoint())
              .timeout(timeout)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
              .build();
    } catch (IllegalArgumentException e) {
      target.completeExceptionally(
          new CallFailure(Status.UNAVAILABLE, context + ": token request could not be built"));
      return;
    }
    Instant sent = clock.instant();
    CompletableFuture<?> unused =
        client
            .sendAsync(request, new LimitedBody(MAX_TOKEN_RESPONSE))
            .whenComplete(
                (response, error) -> {
                  if (error != null) {
                    target.completeExceptionally(
                        new CallFailure(
                            Status.UNAVAILABLE,
                            context
                                + ": token endpoint not reachable ("
                                + Outcomes.describe(error)
                                + ")"));
                    return;
                  }
                  try {
                    target.complete(token(response, sent));
                  } catch (CallFailure failure) {
                    target.completeExceptionally(failure);
                  }
                });
  }

  private Token token(HttpResponse<LimitedBody.Result> response, Instant sent) {
    int status = response.statusCode();
    if (status == 400 || status == 401 || status == 403) {
      throw new CallFailure(
          Status.REFUSED,
          context + ": token endpoint refused the client credentials (status " + status + ")");
    }
    if (!(response.body() instanceof LimitedBody.Json json)) {
      throw new CallFailure(
          Status.UNAVAILABLE,
          context + ": token endpoint answered status " + status + " without a JSON token");
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(json.bytes());
    } catch (IOException e) {
      throw new CallFailure(
          Status.UNAVAILABLE, context + ": token endpoint answered malformed JSON");
    }
    JsonNode accessToken = body == null ? null : body.get("access_token");
    JsonNode type = body == null ? null : body.get("token_type");
    if (accessToken == null
        || !accessToken.isTextual()
        || accessToken.asText().isEmpty()
        || type == null
        || !type.asText().toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new CallFailure(
          Status.UNAVAILABLE,
          context + ": token endpoint answered without access_token or a Bearer token_type");
    }
    JsonNode expiresIn = body.get("expires_in");
    Duration lifetime =
        expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? Duration.ofSeconds(expiresIn.asLong())
            : DEFAULT_LIFETIME;
    Duration margin =
        lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0
            ? REFRESH_MARGIN
            : lifetime.dividedBy(2);
    return new Token(accessToken.asText(), sent.plus(lifetime).minus(margin));
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
