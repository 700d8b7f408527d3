package dev.onceform.signing.testing;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import dev.onceform.signing.SigningException;
import java.io.IOException;
import java.net.URI;
import java.security.cert.CRLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.jspecify.annotations.Nullable;

/**
 * An OCSP responder and CRL server <strong>for tests and demos only</strong>: an HTTP server on the
 * loopback interface (127.0.0.1, a free port) that answers RFC 6960 OCSP requests (POST of {@code
 * application/ocsp-request} to {@link #ocspUrl()}) for the certificates of one {@link TestPki}, and
 * serves each CA's CRL, issued at the server's clock time, at {@code /crl/<ca>.crl}.
 *
 * <p>Start it first, then build the PKI with {@link TestPki.Builder#revocationServer}: the PKI's
 * certificates then point here, and the server answers for that PKI. Until then it answers {@code
 * unauthorized}.
 *
 * <pre>{@code
 * try (TestOcsp ocsp = TestOcsp.builder().clock(clock).start()) {
 *   TestPki pki = TestPki.builder().clock(clock).revocationServer(ocsp).build();
 *   ...
 * }
 * }</pre>
 *
 * <p>Answers are signed by a delegated responder certificate of the certificate's CA (extended key
 * usage id-kp-OCSPSigning, id-pkix-ocsp-nocheck), or as {@link Builder#signer} says. Status is
 * <em>revoked</em> for a certificate revoked at or before the clock's time, <em>unknown</em> when
 * the request names a CA other than the responder's, else <em>good</em>; thisUpdate is the clock's
 * time and nextUpdate one day later; a request nonce is echoed.
 *
 * <p>Thread-safe; {@link #close()} stops the server and its threads.
 */
public final class TestOcsp implements AutoCloseable {

  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  /** Who signs the OCSP answers. */
  public enum Signer {
    /** A delegated responder certificate issued by the CA, with id-kp-OCSPSigning (default). */
    DELEGATED,
    /** The CA's own key. */
    CA,
    /**
     * A responder certificate issued by the CA <em>without</em> id-kp-OCSPSigning: a key not
     * authorised to sign OCSP answers, whose answers verifiers must reject.
     */
    UNAUTHORIZED,
    /**
     * A responder certificate with id-kp-OCSPSigning but <em>without</em> id-pkix-ocsp-nocheck: its
     * own revocation would need checking, so OnceForm's verifier does not accept its answers.
     */
    DELEGATED_WITHOUT_NOCHECK
  }

  private final LoopbackServer server;
  private final Clock clock;
  private final Signer signer;
  private final AtomicReference<@Nullable TestPki> pki = new AtomicReference<>();
  private final AtomicInteger requests = new AtomicInteger();

  private TestOcsp(Builder builder) throws IOException {
    this.clock = builder.clock;
    this.signer = builder.signer;
    this.server =
        LoopbackServer.start(
            "test-ocsp", Map.of("/ocsp", this::handleOcsp, "/crl/", this::handleCrl));
  }

  /**
   * Returns a builder: system UTC clock, answers signed by a delegated responder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the URL OCSP requests are posted to, e.g. {@code http://127.0.0.1:41234/ocsp}.
   *
   * @return the URL
   */
  public URI ocspUrl() {
    return server.base().resolve("/ocsp");
  }

  /** The URL of the CRL of the CA named {@code caName} ({@code root} or {@code intermediate}). */
  URI crlUrl(String caName) {
    return server.base().resolve("/crl/" + caName + ".crl");
  }

  /**
   * Returns how many requests (OCSP and CRL) reached the server so far.
   *
   * @return the number of requests
   */
  public int requestCount() {
    return requests.get();
  }

  void serve(TestPki served) {
    if (!pki.compareAndSet(null, served)) {
      throw new IllegalStateException(
          "this TestOcsp already serves " + pki.get() + "; start one server per TestPki");
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "TestOcsp[" + ocspUrl() + ", signer=" + signer + "]";
  }

  private void handleOcsp(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      if (!"POST".equals(exchange.getRequestMethod())) {
        LoopbackServer.sendText(exchange, 405, "POST an OCSPRequest");
        return;
      }
      byte[] body = LoopbackServer.body(exchange, MAX_REQUEST_BYTES);
      TestPki served = pki.get();
      byte[] answer;
      try {
        answer =
            served == null
                ? OcspAnswers.status(OCSPRespBuilder.UNAUTHORIZED)
                : new OcspAnswers(served.authorities(), signer).answer(body, clock.instant());
      } catch (IOException | RuntimeException e) {
        LoopbackServer.sendText(exchange, 500, "test OCSP responder failed: " + e);
        return;
      }
      LoopbackServer.send(exchange, 200, "application/ocsp-response", answer);
    }
  }

  private void handleCrl(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      TestPki served = pki.get();
      String path = exchange.getRequestURI().getPath();
      if (served != null) {
        for (TestPki.Authority authority : served.authorities()) {
          if (path.equals("/crl/" + authority.name() + ".crl")) {
            try {
              byte[] crl = served.crlOf(authority, clock.instant()).getEncoded();
              LoopbackServer.send(exchange, 200, "application/pkix-crl", crl);
            } catch (CRLException | RuntimeException e) {
              LoopbackServer.sendText(exchange, 500, "test CRL server failed: " + e);
            }
            return;
          }
        }
      }
      LoopbackServer.sendText(exchange, 404, "no CRL at " + path);
    }
  }

  /** Builds and starts a {@link TestOcsp}; not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Signer signer = Signer.DELEGATED;

    private Builder() {}

    /**
     * Sets the clock that gives the answers' time (producedAt, thisUpdate) and the CRLs'.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets who signs the OCSP answers; the default is {@link Signer#DELEGATED}.
     *
     * @param signer the signer
     * @return this builder
     */
    public Builder signer(Signer signer) {
      this.signer = requireNonNull(signer, "signer");
      return this;
    }

    /**
     * Starts the server on 127.0.0.1 and a free port.
     *
     * @return the running server; close it when done
     * @throws SigningException {@code OF-SIGN-501} if the server cannot start
     */
    public TestOcsp start() {
      try {
        return new TestOcsp(this);
      } catch (IOException e) {
        throw new SigningException(
            SigningException.TEST_PKI_FAILED,
            String.format(Locale.ROOT, "the test OCSP server could not start on 127.0.0.1: %s", e),
            e);
      }
    }
  }
}
