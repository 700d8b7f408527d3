package dev.onceform.signing;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.jspecify.annotations.Nullable;

/**
 * Checks a TSA's answer to one request for {@link TimestampClient}: a granted TimeStampResp whose
 * token has the request's nonce, imprint and policy, then the token itself ({@link
 * TimestampTokenCheck}). Every failure becomes a {@link SigningException} that names the TSA and
 * says what to do. Immutable and thread-safe.
 */
final class TimestampAnswerCheck {

  /** Which code and advice a failed token check gets, by message key. */
  private static final Map<String, String> CODES =
      Map.of(
          "timestamp.keyUsage", SigningException.TSA_CERTIFICATE_USAGE,
          "timestamp.signatureInvalid", SigningException.TSA_SIGNATURE_INVALID,
          "timestamp.certificateMissing", SigningException.TSA_CERTIFICATE_UNTRUSTED,
          "timestamp.outsideValidity", SigningException.TSA_CERTIFICATE_UNTRUSTED,
          "timestamp.chainNotFound", SigningException.TSA_CERTIFICATE_UNTRUSTED,
          "timestamp.chainInvalid", SigningException.TSA_CERTIFICATE_UNTRUSTED,
          "timestamp.digestNotAccepted", SigningException.TSA_RESPONSE_MISMATCH);

  private static final Map<String, String> ADVICE =
      Map.of(
          SigningException.TSA_CERTIFICATE_USAGE,
          "use a TSA whose certificate is issued for time-stamping (RFC 3161, section 2.3)",
          SigningException.TSA_SIGNATURE_INVALID,
          "the answer is damaged or forged; try again and check the URL",
          SigningException.TSA_CERTIFICATE_UNTRUSTED,
          "pass the TSA's certificate or its CA to TimestampClient.builder().trustAnchor(...)",
          SigningException.TSA_RESPONSE_MISMATCH,
          "the TSA must answer with a SHA-2 digest of this request; check the URL");

  private final URI url;
  private final @Nullable String policy;
  private final TimestampTokenCheck check;
  private final Messages messages;

  TimestampAnswerCheck(
      URI url, @Nullable String policy, TimestampTokenCheck check, Messages messages) {
    this.url = url;
    this.policy = policy;
    this.check = check;
    this.messages = messages;
  }

  /** Returns the checked token in {@code body}, the TSA's answer to {@code request}. */
  TimestampToken check(TimeStampRequest request, byte[] body, DigestAlgorithm digest, Instant now) {
    TimeStampResponse response = parse(body);
    TimeStampToken token = grantedToken(response);
    TimeStampTokenInfo info = token.getTimeStampInfo();
    requireAnswers(request, response, info);
    X509Certificate tsaCertificate;
    try {
      tsaCertificate = check.check(token, List.of(), now).get(0);
    } catch (VerificationFailure failure) {
      throw unusable(failure.finding());
    }
    return new TimestampToken(
        encode(token),
        info.getGenTime().toInstant(),
        info.getSerialNumber(),
        info.getPolicy().getId(),
        digest,
        tsaCertificate);
  }

  private TimeStampResponse parse(byte[] body) {
    try {
      return new TimeStampResponse(body);
    } catch (TSPException | IOException | RuntimeException e) {
      // BouncyCastle reports malformed ASN.1 with unchecked exceptions too.
      throw SigningException.of(
          e,
          SigningException.TSA_RESPONSE_MALFORMED,
          "the TSA at %s did not answer with an RFC 3161 TimeStampResp (%d bytes: %s); check that"
              + " the URL is a TSA endpoint",
          url,
          body.length,
          PdfSignatureReader.describe(e));
    }
  }

  private TimeStampToken grantedToken(TimeStampResponse response) {
    int status = response.getStatus();
    if (status != 0 && status != 1) {
      throw SigningException.of(
          SigningException.TSA_REJECTED,
          "the TSA at %s refused the request: PKIStatus %d, %s, failure info %s; check the policy"
              + " and digest algorithm it accepts",
          url,
          status,
          String.valueOf(response.getStatusString()),
          response.getFailInfo() == null ? "none" : response.getFailInfo().intValue());
    }
    TimeStampToken token = response.getTimeStampToken();
    if (token == null) {
      throw SigningException.of(
          SigningException.TSA_RESPONSE_MALFORMED,
          "the TSA at %s granted the request but sent no token; ask the TSA's operator",
          url);
    }
    return token;
  }

  private void requireAnswers(
      TimeStampRequest request, TimeStampResponse response, TimeStampTokenInfo info) {
    if (!request.getNonce().equals(info.getNonce())) {
      throw SigningException.of(
          SigningException.TSA_RESPONSE_MISMATCH,
          "nonce mismatch: the response is not an answer to this request (sent %s, received %s);"
              + " the TSA at %s or something between is replaying answers",
          request.getNonce(),
          String.valueOf(info.getNonce()),
          url);
    }
    if (!request.getMessageImprintAlgOID().equals(info.getMessageImprintAlgOID())
        || !MessageDigest.isEqual(
            request.getMessageImprintDigest(), info.getMessageImprintDigest())) {
      throw SigningException.of(
          SigningException.TSA_RESPONSE_MISMATCH,
          "message imprint mismatch: the token from the TSA at %s timestamps other data;"
              + " do not use this TSA",
          url);
    }
    if (policy != null && !policy.equals(info.getPolicy().getId())) {
      throw SigningException.of(
          SigningException.TSA_RESPONSE_MISMATCH,
          "policy mismatch: asked the TSA at %s for policy %s, got %s; ask for a policy it serves",
          url,
          policy,
          info.getPolicy().getId());
    }
    try {
      response.validate(request);
    } catch (TSPException e) {
      throw SigningException.of(
          e,
          SigningException.TSA_RESPONSE_MISMATCH,
          "the token from the TSA at %s does not answer this request: %s",
          url,
          e.getMessage());
    }
  }

  private SigningException unusable(Finding finding) {
    String code = CODES.getOrDefault(finding.key(), SigningException.TSA_RESPONSE_MALFORMED);
    String reason = messages.reason(finding.key(), finding.args()).en();
    return SigningException.of(
        code,
        "the token from the TSA at %s is not usable: %s Fix: %s",
        url,
        reason,
        ADVICE.getOrDefault(code, "check that the URL is a TSA endpoint"));
  }

  private byte[] encode(TimeStampToken token) {
    try {
      return token.getEncoded();
    } catch (IOException e) {
      throw SigningException.of(
          e,
          SigningException.TSA_RESPONSE_MALFORMED,
          "the token from the TSA at %s cannot be encoded: %s",
          url,
          e.getMessage());
    }
  }
}
