package dev.onceform.signing;

import static dev.onceform.signing.Indication.INDETERMINATE;
import static dev.onceform.signing.Indication.TOTAL_FAILED;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Validates one detached JWS over JSON. Checks run in order and the first failure decides: compact
 * form, header (algorithm, {@code b64}, {@code crit}, {@code sigT}), signer certificate ({@code
 * x5c}, {@code x5t#S256}), key, canonical payload, signature value, certificate chain. Immutable
 * and thread-safe.
 */
final class JwsCheck {

  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

  /** The critical header parameters this verifier understands (RFC 7797, ETSI TS 119 182-1). */
  private static final Set<String> UNDERSTOOD_CRITICAL = Set.of("b64", "sigT");

  private final Jcs jcs = new Jcs();
  private final CertificateChainCheck chains;
  private final Messages messages;

  JwsCheck(CertificateChainCheck chains, Messages messages) {
    this.chains = chains;
    this.messages = messages;
  }

  /** What is learnt while checking, so that a report at any failure still names the signer. */
  private static final class Draft {
    private @Nullable X509Certificate signer;
    private @Nullable Instant claimedSigningTime;
    private @Nullable JwsAlgorithm algorithm;
  }

  JsonSignatureReport check(byte[] json, String jws, Instant now) {
    Draft draft = new Draft();
    Finding finding;
    try {
      finding = evaluate(json, jws, now, draft);
    } catch (VerificationFailure failure) {
      finding = failure.finding();
    } catch (RuntimeException e) {
      // Hostile input can trip parsers in ways not foreseen; it must end in a report.
      finding =
          Finding.of(
              TOTAL_FAILED,
              SubIndication.FORMAT_FAILURE,
              "signature.unreadable",
              PdfSignatureReader.describe(e));
    }
    return new JsonSignatureReport(
        finding.indication(),
        finding.subIndication(),
        messages.reason(finding.key(), finding.args()),
        Optional.ofNullable(draft.signer),
        Optional.ofNullable(draft.claimedSigningTime),
        Optional.ofNullable(draft.algorithm));
  }

  private Finding evaluate(byte[] json, String jws, Instant now, Draft draft)
      throws VerificationFailure {
    String[] parts = jws.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw VerificationFailure.format("jws.malformed", parts.length + " parts instead of 3");
    }
    if (!parts[1].isEmpty()) {
      throw VerificationFailure.format("jws.malformed", "the payload is not detached");
    }
    Map<String, Object> header = header(parts[0]);
    JwsAlgorithm algorithm = algorithm(header);
    draft.algorithm = algorithm;
    checkCritical(header);
    draft.claimedSigningTime = signingTime(header).orElse(null);
    List<X509Certificate> chain = certificates(header);
    X509Certificate signer = chain.get(0);
    draft.signer = signer;
    checkThumbprint(header, signer);
    checkKey(algorithm, signer.getPublicKey());
    byte[] payload;
    try {
      payload = jcs.canonicalize(json, Jcs.Numbers.EXACT);
    } catch (MalformedJsonException e) {
      throw VerificationFailure.format("jws.payloadInvalid", e.detail());
    }
    byte[] signingInput = JsonSigner.signingInput(parts[0], payload);
    if (!JwsKeys.verify(algorithm, signer.getPublicKey(), signingInput, decode(parts[2]))) {
      throw new VerificationFailure(
          TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE, "jws.signatureInvalid");
    }
    Instant claimed = draft.claimedSigningTime == null ? now : draft.claimedSigningTime;
    chains.check(signer, chain.subList(1, chain.size()), claimed, now);
    return Finding.passed("jws.valid");
  }

  private Map<String, Object> header(String encoded) throws VerificationFailure {
    Object parsed;
    try {
      parsed = jcs.parse(decode(encoded), Jcs.Numbers.NEAREST_DOUBLE);
    } catch (MalformedJsonException e) {
      throw VerificationFailure.format("jws.headerInvalid", e.detail());
    }
    if (!(parsed instanceof Map<?, ?> map)) {
      throw VerificationFailure.format("jws.headerInvalid", "it is not a JSON object");
    }
    @SuppressWarnings("unchecked") // Jcs.parse makes objects with String keys
    Map<String, Object> header = (Map<String, Object>) map;
    return header;
  }

  private static byte[] decode(String base64url) throws VerificationFailure {
    if (!BASE64URL.matcher(base64url).matches() || base64url.length() % 4 == 1) {
      throw VerificationFailure.format("jws.malformed", "a part is not base64url");
    }
    return Base64.getUrlDecoder().decode(base64url);
  }

  private static JwsAlgorithm algorithm(Map<String, Object> header) throws VerificationFailure {
    if (!(header.get("alg") instanceof String name)) {
      throw VerificationFailure.format("jws.headerInvalid", "alg is missing or not a string");
    }
    if (name.equalsIgnoreCase("none") || name.startsWith("HS")) {
      throw new VerificationFailure(
          TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE, "jws.algorithmForbidden", name);
    }
    return JwsAlgorithm.fromName(name)
        .orElseThrow(
            () ->
                new VerificationFailure(
                    INDETERMINATE,
                    SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                    "jws.algorithmNotAccepted",
                    name));
  }

  private static void checkCritical(Map<String, Object> header) throws VerificationFailure {
    if (!Boolean.FALSE.equals(header.get("b64"))) {
      throw VerificationFailure.format(
          "jws.headerInvalid", "b64 must be false (the payload is the JSON itself)");
    }
    if (!(header.get("crit") instanceof List<?> critical) || critical.isEmpty()) {
      throw VerificationFailure.format("jws.headerInvalid", "crit must be a non-empty array");
    }
    Set<Object> seen = new HashSet<>();
    for (Object name : critical) {
      if (!(name instanceof String parameter) || !seen.add(parameter)) {
        throw VerificationFailure.format(
            "jws.headerInvalid", "crit must list distinct parameter names");
      }
      if (!UNDERSTOOD_CRITICAL.contains(parameter)) {
        throw VerificationFailure.format("jws.critUnsupported", parameter);
      }
      if (!header.containsKey(parameter)) {
        throw VerificationFailure.format(
            "jws.headerInvalid", "crit lists " + parameter + ", which the header lacks");
      }
    }
    if (!seen.contains("b64")) {
      throw VerificationFailure.format("jws.headerInvalid", "crit must list b64");
    }
  }

  private static Optional<Instant> signingTime(Map<String, Object> header)
      throws VerificationFailure {
    Object value = header.get("sigT");
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw VerificationFailure.format("jws.headerInvalid", "sigT is not a string");
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw VerificationFailure.format("jws.headerInvalid", "sigT is not an RFC 3339 UTC time");
    }
  }

  private static List<X509Certificate> certificates(Map<String, Object> header)
      throws VerificationFailure {
    if (!(header.get("x5c") instanceof List<?> encoded) || encoded.isEmpty()) {
      throw new VerificationFailure(
          INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND, "cert.signerMissing");
    }
    List<X509Certificate> chain = new ArrayList<>(encoded.size());
    for (Object entry : encoded) {
      chain.add(certificate(entry));
    }
    return chain;
  }

  private static X509Certificate certificate(Object entry) throws VerificationFailure {
    if (!(entry instanceof String base64)) {
      throw VerificationFailure.format("jws.certificateInvalid", "an x5c entry is not a string");
    }
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      if (!Arrays.equals(certificate.getEncoded(), der)) {
        throw VerificationFailure.format("jws.certificateInvalid", "data follows a certificate");
      }
      return certificate;
    } catch (IllegalArgumentException | CertificateException e) {
      throw VerificationFailure.format("jws.certificateInvalid", PdfSignatureReader.describe(e));
    }
  }

  private static void checkThumbprint(Map<String, Object> header, X509Certificate signer)
      throws VerificationFailure {
    Object thumbprint = header.get("x5t#S256");
    if (thumbprint == null) {
      return;
    }
    byte[] expected;
    try {
      expected = JsonSigner.sha256(signer.getEncoded());
    } catch (CertificateEncodingException e) {
      throw VerificationFailure.format("jws.certificateInvalid", PdfSignatureReader.describe(e));
    }
    if (!(thumbprint instanceof String text)
        || !BASE64URL.matcher(text).matches()
        || !MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(text))) {
      throw new VerificationFailure(
          INDETERMINATE,
          SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
          "jws.certificateDigestMismatch");
    }
  }

  private static void checkKey(JwsAlgorithm algorithm, PublicKey key) throws VerificationFailure {
    if (key instanceof RSAPublicKey rsa
        && rsa.getModulus().bitLength() < SignerCertificatePolicy.MIN_RSA_BITS) {
      throw new VerificationFailure(
          INDETERMINATE,
          SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
          "crypto.keyTooSmall",
          Integer.toString(rsa.getModulus().bitLength()),
          Integer.toString(SignerCertificatePolicy.MIN_RSA_BITS));
    }
    if (!JwsKeys.fits(algorithm, key)) {
      throw new VerificationFailure(
          TOTAL_FAILED,
          SubIndication.SIG_CRYPTO_FAILURE,
          "jws.algorithmKeyMismatch",
          algorithm.name(),
          JwsKeys.describe(key));
    }
  }
}
