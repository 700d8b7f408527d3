package dev.onceform.signing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.onceform.signing.spi.SignerKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.jspecify.annotations.Nullable;

/**
 * Signs JSON (a {@code result.json}) with a JWS whose payload is detached and unencoded (RFC 7515
 * appendix F, RFC 7797 {@code "b64": false}) and is the JCS canonical form (RFC 8785) of the input:
 * whitespace, member order and number notation do not matter, any change of a value does.
 *
 * <p>The result is the compact serialisation {@code HEADER..SIGNATURE}: keep it beside the JSON
 * (e.g. {@code result.json.jws}). The protected header carries the JAdES baseline B fields (ETSI TS
 * 119 182-1) that apply to a detached signature: {@code alg}, {@code typ} {@code "jose"}, {@code
 * kid} (the signer's issuer and serial number, as JAdES says), {@code x5t#S256}, {@code x5c} (the
 * key's chain), {@code sigT} (the signing time, UTC, to the second), {@code b64} and {@code crit}
 * {@code ["b64", "sigT"]}. The signing input is {@code ASCII(BASE64URL(header)) || '.' || canonical
 * JSON}; the signature comes from the {@link SignerKey}, so the private key need not be in the JVM.
 *
 * <p>The JSON must be I-JSON and every number must be exactly what a double holds as written (no
 * integers beyond 2^53, no more than 17 significant digits), so that a signature never covers two
 * different values; long identifiers belong in strings.
 *
 * <p>Immutable and thread-safe: build once and share.
 *
 * <pre>{@code
 * JsonSigner signer = JsonSigner.builder().key(SignerKeys.pkcs12(p12, password)).build();
 * String jws = signer.sign(Files.readAllBytes(Path.of("result.json")));
 * Files.writeString(Path.of("result.json.jws"), jws);
 * }</pre>
 */
public final class JsonSigner {

  /** The JAdES claimed signing time format: RFC 3339, UTC, whole seconds. */
  private static final DateTimeFormatter SIGNING_TIME = DateTimeFormatter.ISO_INSTANT;

  private final SignerKey key;
  private final JwsAlgorithm algorithm;
  private final Clock clock;
  private final Jcs jcs = new Jcs();
  private final JsonFactory factory = new JsonFactory();

  private JsonSigner(Builder builder, SignerKey key) {
    this.key = key;
    this.clock = builder.clock;
    this.algorithm = chooseAlgorithm(key, builder.algorithm);
  }

  /**
   * Returns a new builder; {@link Builder#key(SignerKey)} is required.
   *
   * @return a builder with the system UTC clock and the key's default algorithm
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with this signer's settings, to derive a variant.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    return new Builder().key(key).algorithm(algorithm).clock(clock);
  }

  /**
   * Returns the JWS algorithm this signer uses.
   *
   * @return the algorithm
   */
  public JwsAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * Signs JSON.
   *
   * @param json the UTF-8 bytes of the JSON to sign; not modified and not embedded in the result
   * @return the detached JWS in compact serialisation, {@code HEADER..SIGNATURE}
   * @throws SigningException {@code OF-SIGN-502} if the input is not I-JSON or holds a number a
   *     double cannot hold as written, {@code OF-SIGN-301}/{@code 302} if the certificate is
   *     expired or not yet valid at the clock's time, {@code OF-SIGN-303} if it is not for
   *     signatures, {@code OF-SIGN-305}/{@code 306} if the key fails or does not match its
   *     certificate, {@code OF-SIGN-504} if the key returns a malformed ECDSA signature
   */
  public String sign(byte[] json) {
    requireNonNull(json, "json");
    byte[] payload;
    try {
      payload = jcs.canonicalize(json, Jcs.Numbers.EXACT);
    } catch (MalformedJsonException e) {
      throw SigningException.of(
          SigningException.JSON_INVALID,
          "the JSON to sign cannot be canonicalised (RFC 8785): %s; fix the data and sign again",
          e.detail());
    }
    Instant signingTime = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    SignerCertificatePolicy.requireUsable(key, signingTime);
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString(header(signingTime));
    byte[] signingInput = signingInput(header, payload);
    byte[] signature = signatureValue(signingInput);
    if (!JwsKeys.verify(algorithm, key.certificate().getPublicKey(), signingInput, signature)) {
      throw SigningException.of(
          SigningException.SIGNATURE_MISMATCH,
          "the %s signature from key '%s' does not verify with certificate '%s'; the key and the"
              + " certificate do not belong together",
          algorithm,
          key.id(),
          key.certificate().getSubjectX500Principal().getName());
    }
    return header + ".." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /** {@code ASCII(BASE64URL(header)) || '.' || payload} (RFC 7797, section 3). */
  static byte[] signingInput(String encodedHeader, byte[] payload) {
    byte[] head = encodedHeader.getBytes(StandardCharsets.US_ASCII);
    byte[] input = new byte[head.length + 1 + payload.length];
    System.arraycopy(head, 0, input, 0, head.length);
    input[head.length] = '.';
    System.arraycopy(payload, 0, input, head.length + 1, payload.length);
    return input;
  }

  private byte[] signatureValue(byte[] signingInput) {
    byte[] value;
    try {
      value = key.sign(signingInput, algorithm.signatureAlgorithm());
    } catch (SigningException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SigningException.of(
          e,
          SigningException.SIGNER_KEY_FAILED,
          "signer key '%s' (%s) failed: %s",
          key.id(),
          key.getClass().getName(),
          e.toString());
    }
    if (algorithm.curveBits() == 0) {
      return value;
    }
    try {
      return JwsKeys.derToJose(value, algorithm.ecdsaIntegerLength());
    } catch (IllegalArgumentException e) {
      throw SigningException.of(
          e,
          SigningException.JWS_SIGNATURE_ENCODING,
          "signer key '%s' returned an ECDSA signature that is not DER-encoded (%s); a SignerKey"
              + " must return SEQUENCE {r, s} as the JCA does",
          key.id(),
          e.getMessage());
    }
  }

  private byte[] header(Instant signingTime) {
    X509Certificate signer = key.certificate();
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("alg", algorithm.name());
      json.writeStringField("typ", "jose");
      json.writeStringField("kid", issuerSerial(signer));
      json.writeStringField(
          "x5t#S256",
          Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(encoded(signer))));
      json.writeArrayFieldStart("x5c");
      for (X509Certificate certificate : key.certificateChain()) {
        json.writeString(Base64.getEncoder().encodeToString(encoded(certificate)));
      }
      json.writeEndArray();
      json.writeStringField("sigT", SIGNING_TIME.format(signingTime));
      json.writeBooleanField("b64", false);
      json.writeArrayFieldStart("crit");
      json.writeString("b64");
      json.writeString("sigT");
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }

  /** The JAdES {@code kid}: base64 of the DER {@code IssuerSerial} (RFC 5035) of the signer. */
  private String issuerSerial(X509Certificate signer) {
    X500Name issuer = X500Name.getInstance(signer.getIssuerX500Principal().getEncoded());
    BigInteger serial = signer.getSerialNumber();
    try {
      return Base64.getEncoder()
          .encodeToString(new IssuerSerial(issuer, serial).getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory failed", e);
    }
  }

  private byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw SigningException.of(
          e,
          SigningException.CERTIFICATE_CHAIN_INVALID,
          "certificate '%s' of key '%s' cannot be encoded: %s",
          certificate.getSubjectX500Principal().getName(),
          key.id(),
          e.getMessage());
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private static JwsAlgorithm chooseAlgorithm(SignerKey key, @Nullable JwsAlgorithm requested) {
    PublicKey publicKey = key.certificate().getPublicKey();
    if (publicKey instanceof RSAPublicKey rsa
        && rsa.getModulus().bitLength() < SignerCertificatePolicy.MIN_RSA_BITS) {
      throw SigningException.of(
          SigningException.KEY_ALGORITHM_UNSUPPORTED,
          "key '%s' is a %d-bit RSA key; use an RSA key of at least %d bits or an ECDSA key",
          key.id(),
          rsa.getModulus().bitLength(),
          SignerCertificatePolicy.MIN_RSA_BITS);
    }
    if (requested == null) {
      return JwsKeys.defaultFor(publicKey)
          .orElseThrow(
              () ->
                  SigningException.of(
                      SigningException.KEY_ALGORITHM_UNSUPPORTED,
                      "key '%s' is a %s key; JWS signing supports RSA keys and ECDSA keys on"
                          + " P-256, P-384 or P-521",
                      key.id(),
                      JwsKeys.describe(publicKey)));
    }
    if (!JwsKeys.fits(requested, publicKey)) {
      throw SigningException.of(
          SigningException.JWS_ALGORITHM_UNSUITABLE,
          "algorithm %s does not fit key '%s', a %s key; choose %s or leave the algorithm unset",
          requested,
          key.id(),
          JwsKeys.describe(publicKey),
          publicKey instanceof RSAPublicKey
              ? "RS256/PS256 (or 384/512)"
              : "ES256/384/512 by curve");
    }
    return requested;
  }

  @Override
  public String toString() {
    return "JsonSigner[key=" + key.id() + ", " + algorithm + "]";
  }

  /** Builds a {@link JsonSigner}; not thread-safe. */
  public static final class Builder {
    private @Nullable SignerKey key;
    private @Nullable JwsAlgorithm algorithm;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the signer key (required).
     *
     * @param key the key; its certificate chain must not be empty
     * @return this builder
     */
    public Builder key(SignerKey key) {
      requireNonNull(key, "key");
      if (key.certificateChain().isEmpty()) {
        throw new IllegalArgumentException(
            "key must have a certificate chain, but key '" + key.id() + "' has none");
      }
      this.key = key;
      return this;
    }

    /**
     * Sets the JWS algorithm. The default follows the key: {@link JwsAlgorithm#RS256} for RSA,
     * {@link JwsAlgorithm#ES256}/{@code ES384}/{@code ES512} for P-256/P-384/P-521.
     *
     * @param algorithm the algorithm; checked against the key in {@link #build()}
     * @return this builder
     */
    public Builder algorithm(JwsAlgorithm algorithm) {
      this.algorithm = requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Sets the clock that gives the signing time ({@code sigT}); the default is {@link
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
     * Builds the signer.
     *
     * @return an immutable, thread-safe signer
     * @throws IllegalStateException if no key was set
     * @throws SigningException {@code OF-SIGN-304} if the key is neither RSA (2048 bits or more)
     *     nor EC on a NIST curve, {@code OF-SIGN-503} if the chosen algorithm does not fit the key
     */
    public JsonSigner build() {
      SignerKey chosen = key;
      if (chosen == null) {
        throw new IllegalStateException("key is required; call key(SignerKey) before build()");
      }
      return new JsonSigner(this, chosen);
    }
  }
}
