package dev.onceform.signing.testing;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import dev.onceform.signing.RsaPadding;
import dev.onceform.signing.SigningException;
import dev.onceform.signing.spi.SignerKey;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 3161 time-stamping authority <strong>for tests and demos only</strong>: an HTTP server on
 * the loopback interface (127.0.0.1, a free port) that answers {@code application/timestamp-query}
 * POSTs with tokens signed by a {@link TestPki} TSA key, at the time of its clock.
 *
 * <p>It can misbehave on purpose: answer with another nonce ({@link Fault#WRONG_NONCE}), answer
 * HTTP 500 ({@link Fault#HTTP_500}), or answer late ({@link Builder#answerDelay}). A key from
 * {@code issueTsaKey(TsaKeyUsage.NO_EXTENDED_KEY_USAGE)} gives tokens signed with a certificate
 * that is not for time-stamping. Requests with a digest other than SHA-256/384/512 are rejected in
 * the TimeStampResp.
 *
 * <pre>{@code
 * TestPki pki = TestPki.builder().clock(clock).build();
 * try (TestTsa tsa = TestTsa.builder()
 *     .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
 *     .clock(clock)
 *     .start()) {
 *   TimestampClient client = TimestampClient.builder()
 *       .url(tsa.url()).trustAnchor(pki.caCertificate()).clock(clock).build();
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} stops the server and its threads.
 */
public final class TestTsa implements AutoCloseable {

  /** The policy OID of the tokens, unless a request asks for another (in the example arc). */
  public static final String POLICY = "2.999.7.1";

  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  /** Ways to misbehave. */
  public enum Fault {
    /** Answer correctly. */
    NONE,
    /** Answer with a token whose nonce differs from the request's. */
    WRONG_NONCE,
    /** Answer HTTP 500 without a TimeStampResp. */
    HTTP_500
  }

  private final LoopbackServer server;
  private final SignerKey key;
  private final Clock clock;
  private final Fault fault;
  private final Duration answerDelay;
  private final TsaTokens tokens;
  private final AtomicLong serial = new AtomicLong();
  private final AtomicInteger requests = new AtomicInteger();

  private TestTsa(Builder builder, SignerKey key) throws IOException {
    this.key = key;
    this.clock = builder.clock;
    this.fault = builder.fault;
    this.answerDelay = builder.answerDelay;
    this.tokens = new TsaTokens(key, POLICY, builder.rsaPadding);
    this.server = LoopbackServer.start("test-tsa", Map.of("/", this::handle));
  }

  /**
   * Returns a builder: system UTC clock, no fault, no delay; {@link Builder#key} is required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the URL to post TimeStampReqs to, e.g. {@code http://127.0.0.1:41234/tsa}.
   *
   * @return the URL
   */
  public URI url() {
    return server.base().resolve("/tsa");
  }

  /**
   * Returns the certificate the tokens are signed with.
   *
   * @return the TSA certificate
   */
  public X509Certificate certificate() {
    return key.certificate();
  }

  /**
   * Returns how many requests reached the server so far.
   *
   * @return the number of requests
   */
  public int requestCount() {
    return requests.get();
  }

  /** Stops the server at once, interrupting answers that are still being delayed. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "TestTsa[" + url() + ", fault=" + fault + ", answerDelay=" + answerDelay + "]";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      if (!answerDelay.isZero()) {
        try {
          Thread.sleep(answerDelay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return; // closing: drop the exchange
        }
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        LoopbackServer.sendText(exchange, 405, "POST a TimeStampReq");
        return;
      }
      if (fault == Fault.HTTP_500) {
        LoopbackServer.sendText(exchange, 500, "test TSA: internal error (on purpose)");
        return;
      }
      byte[] body = LoopbackServer.body(exchange, MAX_REQUEST_BYTES);
      byte[] answer;
      try {
        answer = answer(body).getEncoded();
      } catch (IOException | RuntimeException e) {
        // A bug in the test TSA: say so in the answer rather than drop the connection.
        LoopbackServer.sendText(exchange, 500, "test TSA failed: " + e);
        return;
      }
      LoopbackServer.send(exchange, 200, "application/timestamp-reply", answer);
    }
  }

  private TimeStampResponse answer(byte[] body) throws IOException {
    try {
      TimeStampRequest request;
      try {
        request = new TimeStampRequest(body);
      } catch (IOException | RuntimeException e) {
        return TsaTokens.badRequest("not a TimeStampReq: " + e.getMessage());
      }
      return tokens.answer(
          request,
          BigInteger.valueOf(serial.incrementAndGet()),
          clock.instant(),
          fault == Fault.WRONG_NONCE);
    } catch (TSPException e) {
      throw new IOException("the test TSA cannot answer: " + e.getMessage(), e);
    }
  }

  /** Builds and starts a {@link TestTsa}; not thread-safe. */
  public static final class Builder {
    private @Nullable SignerKey key;
    private Clock clock = Clock.systemUTC();
    private Fault fault = Fault.NONE;
    private Duration answerDelay = Duration.ZERO;
    private RsaPadding rsaPadding = RsaPadding.PKCS1_V1_5;

    private Builder() {}

    /**
     * Sets the padding of the tokens' RSA signatures; the default is {@link RsaPadding#PKCS1_V1_5}.
     * {@link RsaPadding#PSS} signs with RSASSA-PSS over SHA-256; ignored for an EC key.
     *
     * @param padding the padding
     * @return this builder
     */
    public Builder rsaPadding(RsaPadding padding) {
      this.rsaPadding = requireNonNull(padding, "padding");
      return this;
    }

    /**
     * Sets the key the tokens are signed with (required), usually from {@link TestPki#issueTsaKey}.
     *
     * @param key an RSA or EC key
     * @return this builder
     */
    public Builder key(SignerKey key) {
      this.key = requireNonNull(key, "key");
      return this;
    }

    /**
     * Sets the clock that gives the tokens' time ({@code genTime}).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how the TSA misbehaves; the default is {@link Fault#NONE}.
     *
     * @param fault the fault
     * @return this builder
     */
    public Builder fault(Fault fault) {
      this.fault = requireNonNull(fault, "fault");
      return this;
    }

    /**
     * Makes every answer wait this long, to test timeouts; the default is none.
     *
     * @param delay zero or a positive duration
     * @return this builder
     */
    public Builder answerDelay(Duration delay) {
      requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("answerDelay must not be negative, but was " + delay);
      }
      this.answerDelay = delay;
      return this;
    }

    /**
     * Starts the server on 127.0.0.1 and a free port.
     *
     * @return the running TSA; close it when done
     * @throws IllegalStateException if no key was set
     * @throws SigningException {@code OF-SIGN-501} if the server cannot start
     */
    public TestTsa start() {
      SignerKey chosen = key;
      if (chosen == null) {
        throw new IllegalStateException("key is required; call key(pki.issueTsaKey(...))");
      }
      try {
        return new TestTsa(this, chosen);
      } catch (IOException e) {
        throw new SigningException(
            SigningException.TEST_PKI_FAILED,
            String.format(Locale.ROOT, "the test TSA could not start on 127.0.0.1: %s", e),
            e);
      }
    }
  }
}
