package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies a detached JWS over JSON as {@link JsonSigner} makes it, and reports an {@link
 * Indication} in the EU DSS vocabulary with a reason in Vietnamese and English.
 *
 * <p>It checks: the compact form with an empty (detached) payload part; the header's {@code alg}
 * ({@code none} and the {@code HS*} MACs are {@link Indication#TOTAL_FAILED}, algorithms other than
 * {@link JwsAlgorithm} are {@link SubIndication#CRYPTO_CONSTRAINTS_FAILURE}); {@code "b64": false}
 * and a {@code crit} that lists {@code b64} and nothing this verifier does not understand; {@code
 * sigT}; the {@code x5c} certificates and, if present, {@code x5t#S256}; the key (RSA of 2048 bits
 * or more, or the curve the algorithm names); the JCS canonical form (RFC 8785) of the JSON, with
 * the same rules for numbers as the signer; the signature value over {@code
 * ASCII(BASE64URL(header)) || '.' || canonical JSON}; and, as {@link SignatureVerifier} does, a
 * chain from the signer to a configured trust anchor (certificates in {@code x5c} are only
 * candidates for intermediate links), validity at {@code sigT} and at the clock's time, and the key
 * usage. <strong>Revocation is not checked yet.</strong>
 *
 * <p>Because of JCS, the JSON may be re-serialised (whitespace, member order, {@code 4.50} for
 * {@code 4.5}) without breaking the signature; any change of a name or value breaks it.
 *
 * <p>Bad input never makes {@link #verify} throw. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * JsonSignatureVerifier verifier = JsonSignatureVerifier.builder()
 *     .trustAnchors(Pem.readCertificates(Path.of("ca.pem")))
 *     .build();
 * JsonSignatureReport report =
 *     verifier.verify(Files.readAllBytes(json), Files.readString(jwsFile));
 * }</pre>
 */
public final class JsonSignatureVerifier {

  private final List<X509Certificate> trustAnchors;
  private final Clock clock;
  private final JwsCheck check;

  private JsonSignatureVerifier(Builder builder) {
    this.trustAnchors = List.copyOf(builder.trustAnchors);
    this.clock = builder.clock;
    this.check =
        new JwsCheck(
            new CertificateChainCheck(trustAnchors, new BouncyCastleProvider()), Messages.load());
  }

  /**
   * Returns a new builder: no trust anchors, the system UTC clock.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with this verifier's settings, to derive a variant.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder().trustAnchors(trustAnchors).clock(clock);
  }

  /**
   * Verifies a detached JWS over JSON.
   *
   * @param json the UTF-8 bytes of the signed JSON, in any serialisation
   * @param jws the compact JWS, {@code HEADER..SIGNATURE}; surrounding whitespace is ignored
   * @return the report; never throws for bad input
   */
  public JsonSignatureReport verify(byte[] json, String jws) {
    requireNonNull(json, "json");
    requireNonNull(jws, "jws");
    return check.check(json, jws, clock.instant());
  }

  /**
   * Verifies a detached JWS over JSON given as bytes (e.g. the content of {@code result.json.jws}).
   *
   * @param json the UTF-8 bytes of the signed JSON
   * @param jws the compact JWS as ASCII bytes
   * @return the report; never throws for bad input
   */
  public JsonSignatureReport verify(byte[] json, byte[] jws) {
    requireNonNull(jws, "jws");
    return verify(json, new String(jws, StandardCharsets.ISO_8859_1));
  }

  @Override
  public String toString() {
    return "JsonSignatureVerifier[trustAnchors=" + trustAnchors.size() + ", clock=" + clock + "]";
  }

  /** Builds a {@link JsonSignatureVerifier}; not thread-safe. */
  public static final class Builder {
    private final Set<X509Certificate> trustAnchors = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds a trusted root (or intermediate) certificate. Without any, no signature can be {@link
     * Indication#TOTAL_PASSED}: every chain is {@link SubIndication#NO_CERTIFICATE_CHAIN_FOUND}.
     *
     * @param anchor the certificate to trust
     * @return this builder
     */
    public Builder trustAnchor(X509Certificate anchor) {
      trustAnchors.add(requireNonNull(anchor, "anchor"));
      return this;
    }

    /**
     * Adds trusted certificates.
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
     * Sets the clock that gives the validation time; the default is {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return an immutable, thread-safe verifier
     */
    public JsonSignatureVerifier build() {
      return new JsonSignatureVerifier(this);
    }
  }
}
