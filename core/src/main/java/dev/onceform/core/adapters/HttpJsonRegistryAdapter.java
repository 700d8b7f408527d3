package dev.onceform.core.adapters;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.core.spi.RegistryQuery;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RegistryAdapter} for a registry that answers JSON over HTTP(S): one request per query,
 * built from a URL template (and, for {@code POST}, a JSON body template), the response's values
 * picked with JSON Pointers. Supports client-certificate TLS and OAuth 2.0 client-credentials
 * bearer tokens. Configure it in Java with {@link #builder()} or from JSON with {@link
 * #fromConfig}.
 *
 * <p>Outcomes: {@code 200} with a JSON object is {@code FOUND} (a pointer missing in the response
 * leaves its attribute absent); {@code 404} is {@code NOT_FOUND}; {@code 401} and {@code 403} (and
 * other {@code 4xx}) are {@code REFUSED}; {@code 5xx}, {@code 408}, {@code 429}, time-outs and I/O
 * errors are {@code UNAVAILABLE}; a body that is not JSON, not an object, has duplicate keys or is
 * larger than {@link Builder#maxResponseBytes} is {@code BAD_DATA}. The request must complete by
 * {@link RegistryQuery#deadline()}. Answers name the adapter id, the source and the status code,
 * never the subject or a value.
 *
 * <p>Immutable and thread-safe; one instance serves concurrent queries and shares its HTTP client
 * and bearer token. The HTTP client the adapter builds runs on the JDK's own selector thread and
 * executor; to control threads, proxy or TLS yourself, pass {@link Builder#httpClient}.
 */
public final class HttpJsonRegistryAdapter implements RegistryAdapter {

  /** The HTTP method of the registry call. */
  public enum Method {
    /** {@code GET}: the query is in the URL. */
    GET,
    /** {@code POST}: the query is in a JSON body built from a template. */
    POST
  }

  /** The default limit on a response body: 1 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  /** The default connection timeout of the HTTP client the adapter builds: 5 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final String id;
  private final String source;
  private final String version;
  private final RequestTemplate request;
  private final ResponseMapping response;
  private final HttpClient client;
  private final @Nullable ClientCredentialsTokens tokens;
  private final Clock clock;
  private final long maxResponseBytes;
  private final String context;
  private final Outcomes outcomes;

  private HttpJsonRegistryAdapter(Builder b, String urlTemplate, Map<String, JsonPointer> mapping) {
    this.id = requireNonNull(b.id);
    this.source = requireNonNull(b.source);
    this.version = b.version;
    this.context = "adapter '" + id + "' (source " + source + ")";
    this.request =
        new RequestTemplate(urlTemplate, b.method, Optional.ofNullable(b.body), b.headers);
    this.response = new ResponseMapping(mapping, Optional.ofNullable(b.recordReference), id);
    this.outcomes = new Outcomes(response, context);
    this.clock = b.clock;
    this.maxResponseBytes = b.maxResponseBytes;
    HttpClient supplied = b.httpClient;
    if (supplied == null) {
      HttpClient.Builder client =
          HttpClient.newBuilder()
              .connectTimeout(b.connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER);
      SSLContext ssl = b.sslContext;
      if (ssl != null) {
        client.sslContext(ssl);
      }
      supplied = client.build();
    }
    this.client = supplied;
    OAuth2ClientCredentials oauth2 = b.oauth2;
    this.tokens =
        oauth2 == null
            ? null
            : new ClientCredentialsTokens(oauth2, client, b.tokenTimeout, clock, context);
  }

  /** Returns a builder; {@code id}, {@code source}, {@code url} and one attribute are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds an adapter from its JSON configuration; secrets (key store passwords, client secret,
   * header values) are named by environment variable, never written in the file.
   *
   * @param config the adapter's configuration object
   * @param file the configuration file's name, for messages; relative key store paths are resolved
   *     against its directory
   * @throws dev.onceform.schema.OnceFormException {@code OF-ADAPTER-201} to {@code OF-ADAPTER-204}
   *     naming {@code file#/json/pointer} when the configuration is wrong
   */
  public static HttpJsonRegistryAdapter fromConfig(JsonNode config, String file) {
    return HttpJsonConfig.read(config, file, System::getenv);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public String version() {
    return version;
  }

  /** Returns the attributes with a JSON Pointer mapping. */
  @Override
  public Set<String> attributes() {
    return response.attributes();
  }

  /** Returns the largest response body the adapter reads, in bytes. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  @Override
  public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
    Duration remaining = Duration.between(clock.instant(), query.deadline());
    if (remaining.isNegative() || remaining.isZero()) {
      return CompletableFuture.completedFuture(
          RegistryAnswer.failed(Status.UNAVAILABLE, context + ": deadline passed before the call"));
    }
    AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
    CompletableFuture<RegistryAnswer> answer;
    ClientCredentialsTokens bearer = tokens;
    if (bearer == null) {
      answer =
          send(query, Optional.empty(), inFlight)
              .thenApply(http -> outcomes.interpret(http, query.attributes()));
    } else {
      answer =
          bearer
              .token()
              .thenCompose(
                  token ->
                      send(query, Optional.of(token.value()), inFlight)
                          .thenCompose(
                              first ->
                                  first.statusCode() == 401
                                      ? bearer
                                          .refresh(token)
                                          .thenCompose(
                                              fresh ->
                                                  send(query, Optional.of(fresh.value()), inFlight))
                                      : CompletableFuture.completedFuture(first)))
              .thenApply(http -> outcomes.interpret(http, query.attributes()));
    }
    return answer
        .orTimeout(remaining.toNanos(), TimeUnit.NANOSECONDS)
        .exceptionally(
            error -> {
              CompletableFuture<?> pending = inFlight.get();
              if (pending != null) {
                pending.cancel(true);
              }
              return outcomes.failure(error);
            });
  }

  private CompletableFuture<HttpResponse<LimitedBody.Result>> send(
      RegistryQuery query,
      Optional<String> bearer,
      AtomicReference<CompletableFuture<?>> inFlight) {
    Duration remaining = Duration.between(clock.instant(), query.deadline());
    if (remaining.toMillis() < 1) {
      return CompletableFuture.failedFuture(new HttpTimeoutException("deadline passed"));
    }
    HttpRequest httpRequest;
    try {
      httpRequest = request.request(query, remaining, bearer);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return CompletableFuture.failedFuture(
          new CallFailure(Status.UNAVAILABLE, context + ": the request could not be built"));
    }
    CompletableFuture<HttpResponse<LimitedBody.Result>> sent =
        client.sendAsync(httpRequest, new LimitedBody(maxResponseBytes));
    inFlight.set(sent);
    return sent;
  }

  /**
   * Builds a {@link HttpJsonRegistryAdapter}. Setters check their argument at once; {@link
   * #build()} checks the combination.
   */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String source;
    private String version = "unversioned";
    private @Nullable String url;
    private Method method = Method.GET;
    private @Nullable JsonNode body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, JsonPointer> attributes = new LinkedHashMap<>();
    private @Nullable JsonPointer recordReference;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration tokenTimeout = Duration.ofSeconds(10);
    private @Nullable HttpClient httpClient;
    private @Nullable SSLContext sslContext;
    private @Nullable OAuth2ClientCredentials oauth2;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the adapter's unique id, e.g. {@code population-http}. */
    public Builder id(String id) {
      this.id = nonBlank(id, "id");
      return this;
    }

    /** Sets the source id the adapter answers for, e.g. {@code population}. */
    public Builder source(String source) {
      this.source = nonBlank(source, "source");
      return this;
    }

    /** Sets the version recorded in provenance (default {@code unversioned}). */
    public Builder version(String version) {
      this.version = nonBlank(version, "version");
      return this;
    }

    /**
     * Sets the URL template, e.g. {@code https://registry.example/citizens/{subjectId}}. The
     * placeholders {@code {subjectId}}, {@code {purpose}}, {@code {formId}} and {@code
     * {correlationId}} may appear in the path and query; their values are percent-encoded.
     */
    public Builder url(String urlTemplate) {
      requireNonNull(urlTemplate, "urlTemplate");
      new RequestTemplate(urlTemplate, Method.GET, Optional.empty(), Map.of());
      this.url = urlTemplate;
      return this;
    }

    /** Sets the method (default {@code GET}); {@code POST} needs a {@link #body} template. */
    public Builder method(Method method) {
      this.method = requireNonNull(method, "method");
      return this;
    }

    /**
     * Sets the JSON body template of a {@code POST}: placeholders in its strings are replaced
     * (unencoded), e.g. {@code {"soDinhDanh": "{subjectId}", "mucDich": "{purpose}"}}.
     */
    public Builder body(JsonNode bodyTemplate) {
      requireNonNull(bodyTemplate, "bodyTemplate");
      new RequestTemplate("http://localhost/", Method.POST, Optional.of(bodyTemplate), Map.of());
      this.body = bodyTemplate.deepCopy();
      return this;
    }

    /**
     * Adds a header sent with every request. {@code Accept}, {@code X-Correlation-Id} (the query's
     * correlation id) and, with OAuth 2.0, {@code Authorization} are set by the adapter.
     */
    public Builder header(String name, String value) {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
      if (name.equalsIgnoreCase("X-Correlation-Id") || name.equalsIgnoreCase("Accept")) {
        throw new IllegalArgumentException("header " + name + " is set by the adapter");
      }
      try {
        HttpRequest.newBuilder(java.net.URI.create("http://localhost/")).header(name, value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "header " + name + " cannot be set (restricted or invalid name or value)", e);
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Maps an attribute to a JSON Pointer into the response, e.g. {@code fullName} to {@code
     * /hoTen}.
     */
    public Builder attribute(String attribute, String jsonPointer) {
      nonBlank(attribute, "attribute");
      attributes.put(attribute, pointer(jsonPointer, "attribute " + attribute));
      return this;
    }

    /** Sets the JSON Pointer of the record reference in the response (default: the adapter id). */
    public Builder recordReference(String jsonPointer) {
      this.recordReference = pointer(jsonPointer, "recordReference");
      return this;
    }

    /**
     * Sets the largest response body read, in bytes (default 1 MiB); larger is {@code BAD_DATA}.
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be positive, but was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Sets the connect timeout of the HTTP client the adapter builds (default 5 seconds). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** Sets the timeout of a token request (default 10 seconds). */
    public Builder tokenTimeout(Duration tokenTimeout) {
      this.tokenTimeout = positive(tokenTimeout, "tokenTimeout");
      return this;
    }

    /**
     * Uses the application's HTTP client (its executor, proxy, TLS) instead of building one; then
     * {@link #connectTimeout} and {@link #sslContext} do not apply.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets the TLS context, e.g. with the agency's client certificate and the registry's trust
     * anchors, for the HTTP client the adapter builds.
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = requireNonNull(sslContext, "sslContext");
      return this;
    }

    /** Authenticates with an OAuth 2.0 client-credentials bearer token. */
    public Builder oauth2(OAuth2ClientCredentials oauth2) {
      this.oauth2 = requireNonNull(oauth2, "oauth2");
      return this;
    }

    /**
     * Sets the clock that {@link RegistryQuery#deadline()} and token expiry are measured with;
     * default the system clock. Give it the same clock as the {@code FormEngine}, whose clock sets
     * the deadline.
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @throws IllegalStateException when a required part is missing or parts conflict
     */
    public HttpJsonRegistryAdapter build() {
      String template = url;
      if (id == null || source == null || template == null) {
        throw new IllegalStateException("id, source and url are required");
      }
      if (attributes.isEmpty()) {
        throw new IllegalStateException(
            "adapter " + id + " maps no attribute; add attribute(name, jsonPointer)");
      }
      if (method == Method.POST && body == null) {
        throw new IllegalStateException("adapter " + id + ": method POST needs a body template");
      }
      if (method == Method.GET && body != null) {
        throw new IllegalStateException("adapter " + id + ": a body template needs method POST");
      }
      if (httpClient != null && sslContext != null) {
        throw new IllegalStateException(
            "adapter "
                + id
                + ": set either httpClient or sslContext; put the SSLContext on your HttpClient");
      }
      if (oauth2 != null && headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
        throw new IllegalStateException(
            "adapter " + id + ": an Authorization header conflicts with oauth2");
      }
      return new HttpJsonRegistryAdapter(this, template, attributes);
    }

    private static String nonBlank(String value, String name) {
      requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + value);
      }
      return value;
    }

    private static JsonPointer pointer(String jsonPointer, String what) {
      requireNonNull(jsonPointer, "jsonPointer");
      try {
        return JsonPointer.compile(jsonPointer);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            what + " must be a JSON Pointer like /name, but was " + jsonPointer, e);
      }
    }
  }
}
