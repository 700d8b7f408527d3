package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Gets RFC 3161 timestamps from a time-stamping authority (TSA) over HTTP, and checks every answer
 * before it is used.
 *
 * <p>Each call sends a TimeStampReq with the digest of the data, a fresh random 64-bit nonce and
 * {@code certReq} set, as an HTTP POST of {@code application/timestamp-query}. Connecting, sending
 * and reading the answer must finish within the {@linkplain Builder#timeout timeout}, and the
 * answer may not exceed {@value #MAX_RESPONSE_BYTES} bytes. The answer must be HTTP 200 with a
 * granted TimeStampResp whose token has this request's nonce, message imprint and (if one was asked
 * for) policy; the token must be signed by the TSA certificate it carries, that certificate must
 * have the critical extended key usage id-kp-timeStamping (and no other), be valid at the token's
 * time and chain to one of the configured trust anchors (checked at the clock's time). Every
 * failure is a {@link SigningException} with an {@code OF-SIGN-6xx} code.
 *
 * <p>Instances are immutable and thread-safe: build once and share. Each holds one {@link
 * HttpClient}, which runs on the JDK's default executor unless {@link Builder#executor} is given.
 *
 * <pre>{@code
 * TimestampClient tsa = TimestampClient.builder()
 *     .url(URI.create("http://tsa.example.vn/tsa"))
 *     .trustAnchors(Pem.readCertificates(Path.of("tsa-ca.pem")))
 *     .build();
 * TimestampToken token = tsa.timestamp(data);
 * }</pre>
 */
public final class TimestampClient {

  /** The largest answer accepted from a TSA, in bytes (1 MiB). */
  public static final int MAX_RESPONSE_BYTES = 1 << 20;

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

  private final URI url;
  private final Duration timeout;
  private final DigestAlgorithm digest;
  private final @Nullable String policy;
  private final List<X509Certificate> trustAnchors;
  private final Clock clock;
  private final @Nullable Executor executor;
  private final BouncyCastleProvider provider = new BouncyCastleProvider();
  private final SecureRandom random = new SecureRandom();
  private final TsaHttp http;
  private final TimestampAnswerCheck answers;

  private TimestampClient(Builder builder, URI url) {
    this.url = url;
    this.timeout = builder.timeout;
    this.digest = builder.digest;
    this.policy = builder.policy;
    this.trustAnchors = List.copyOf(builder.trustAnchors);
    this.clock = builder.clock;
    this.executor = builder.executor;
    HttpClient.Builder httpClient =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout);
    if (executor != null) {
      httpClient.executor(executor);
    }
    this.http = new TsaHttp(httpClient.build(), url, timeout, MAX_RESPONSE_BYTES);
    this.answers =
        new TimestampAnswerCheck(
            url,
            policy,
            new TimestampTokenCheck(new CertificateChainCheck(trustAnchors, provider), provider),
            Messages.load());
  }

  /**
   * Returns a new builder; {@link Builder#url} and at least one trust anchor are required.
   *
   * @return a builder with SHA-256, a 10-second timeout, no policy and the system UTC clock
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with this client's settings, to derive a variant.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder builder =
        new Builder()
            .url(url)
            .timeout(timeout)
            .digest(digest)
            .trustAnchors(trustAnchors)
            .clock(clock);
    builder.policy = policy;
    builder.executor = executor;
    return builder;
  }

  /**
   * Returns the TSA's URL.
   *
   * @return the URL
   */
  public URI url() {
    return url;
  }

  /**
   * Returns the digest algorithm of the message imprints this client sends.
   *
   * @return the digest algorithm
   */
  public DigestAlgorithm digest() {
    return digest;
  }

  /**
   * Timestamps data: sends its digest to the TSA and checks the answer.
   *
   * @param data the data to timestamp (only its digest leaves the JVM)
   * @return the checked token
   * @throws SigningException {@code OF-SIGN-601} if the TSA cannot be reached, {@code 602} on
   *     timeout, {@code 603} on an HTTP status other than 200, {@code 604} if the answer is not a
   *     TimeStampResp, {@code 605} if the TSA refused, {@code 606} if the token does not answer
   *     this request, {@code 607} if its signature is wrong, {@code 608} if the TSA certificate is
   *     not for time-stamping, {@code 609} if it is not trusted
   */
  public TimestampToken timestamp(byte[] data) {
    requireNonNull(data, "data");
    byte[] imprint = digest.digest(data);
    BigInteger nonce = new BigInteger(64, random);
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    if (policy != null) {
      generator.setReqPolicy(new ASN1ObjectIdentifier(policy));
    }
    TimeStampRequest request =
        generator.generate(new ASN1ObjectIdentifier(digest.oid()), imprint, nonce);
    return answers.check(request, http.post(encode(request)), digest, clock.instant());
  }

  private static byte[] encode(TimeStampRequest request) {
    try {
      return request.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("a TimeStampReq could not be encoded", e);
    }
  }

  @Override
  public String toString() {
    return "TimestampClient[url=" + url + ", " + digest + ", timeout=" + timeout + "]";
  }

  /** Builds a {@link TimestampClient}; not thread-safe. */
  public static final class Builder {
    private @Nullable URI url;
    private Duration timeout = DEFAULT_TIMEOUT;
    private DigestAlgorithm digest = DigestAlgorithm.SHA256;
    private @Nullable String policy;
    private final Set<X509Certificate> trustAnchors = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private @Nullable Executor executor;

    private Builder() {}

    /**
     * Sets the TSA's URL (required), e.g. {@code http://tsa.example.vn/tsa}.
     *
     * @param url an absolute {@code http} or {@code https} URL with a host
     * @return this builder
     */
    public Builder url(URI url) {
      requireNonNull(url, "url");
      String scheme = url.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || url.getHost() == null) {
        throw new IllegalArgumentException(
            "url must be an absolute http or https URL with a host, but was " + url);
      }
      this.url = url;
      return this;
    }

    /**
     * Sets how long a whole exchange (connect, send, answer) may take; the default is 10 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the digest algorithm of the message imprint; the default is SHA-256.
     *
     * @param digest the digest algorithm
     * @return this builder
     */
    public Builder digest(DigestAlgorithm digest) {
      this.digest = requireNonNull(digest, "digest");
      return this;
    }

    /**
     * Asks the TSA for a policy ({@code reqPolicy}); the token must then carry it. By default none
     * is asked for and the TSA's default policy is accepted.
     *
     * @param oid the policy OID in dotted form, e.g. {@code 1.2.3.4.1}
     * @return this builder
     */
    public Builder policy(String oid) {
      requireNonNull(oid, "oid");
      if (!OID.matcher(oid).matches()) {
        throw new IllegalArgumentException(
            "policy must be an OID in dotted form such as 1.2.3.4, but was '" + oid + "'");
      }
      this.policy = oid;
      return this;
    }

    /**
     * Adds a trusted certificate: the TSA's own certificate (to pin it) or a CA certificate that
     * issued it, directly or through intermediates the token carries.
     *
     * @param anchor the certificate to trust
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate anchor) {
      trustAnchors.add(requireNonNull(anchor, "anchor"));
      return this;
    }

    /**
     * Adds trusted certificates, as {@link #trustAnchor} does.
     *
     * @param anchors the certificates to trust; none may be null
     * @return this builder
     */
    public Builder trustAnchors(Collection<X509Certificate> anchors) {
      requireNonNull(anchors, "anchors");
      for (X509Certificate anchor : anchors) {
        trustAnchor(anchor);
      }
      return this;
    }

    /**
     * Sets the clock at whose time the TSA certificate chain is validated; the default is {@link
     * Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the executor the HTTP client runs on; by default the JDK's HTTP client uses its own.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return an immutable, thread-safe client
     * @throws IllegalStateException if no URL or no trust anchor was set
     */
    public TimestampClient build() {
      URI chosen = url;
      if (chosen == null) {
        throw new IllegalStateException("url is required; call url(URI) before build()");
      }
      if (trustAnchors.isEmpty()) {
        throw new IllegalStateException(
            "a trust anchor is required to check the TSA certificate; call trustAnchor(...) with"
                + " the TSA's certificate or its CA before build()");
      }
      return new TimestampClient(this, chosen);
    }
  }
}
