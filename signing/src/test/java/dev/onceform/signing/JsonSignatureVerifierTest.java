package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.spi.SignerKey;
import dev.onceform.signing.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsonSignatureVerifierTest {

  private static final Instant NOW = Instant.parse("2026-12-03T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TestPki RSA = TestPki.builder().clock(CLOCK).build();
  private static final TestPki EC =
      TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();

  /** A result.json as the renderer writes it: indented, members in form order. */
  private static final String RESULT =
      """
      {
        "registrationNumber": "126/2026",
        "child": {"fullName": "Trần Gia Huy", "personalId": "066226001358", "birthDate": "2026-11-02"},
        "fee": 0,
        "copies": 2,
        "weightKg": 3.25
      }
      """;

  /** The same data: other member order, other whitespace, other number notation. */
  private static final String RESULT_REORDERED =
      "{\"weightKg\":325e-2,\"copies\":2.0,\"fee\":0,\"child\":{\"birthDate\":\"2026-11-02\","
          + "\"personalId\":\"066226001358\",\"fullName\":\"Trần Gia Huy\"},"
          + "\"registrationNumber\":\"126/2026\"}";

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonSignatureVerifier verifier(TestPki pki) {
    return JsonSignatureVerifier.builder().trustAnchor(pki.caCertificate()).clock(CLOCK).build();
  }

  private static String sign(TestPki pki, JwsAlgorithm algorithm) {
    return JsonSigner.builder()
        .key(pki.signerKey())
        .algorithm(algorithm)
        .clock(CLOCK)
        .build()
        .sign(utf8(RESULT));
  }

  private static TestPki pkiFor(JwsAlgorithm algorithm) {
    return algorithm == JwsAlgorithm.ES256 ? EC : RSA;
  }

  @ParameterizedTest
  @EnumSource(names = {"RS256", "PS256", "ES256"})
  void verify_signedWithTrustedCa_totalPassed(JwsAlgorithm algorithm) {
    TestPki pki = pkiFor(algorithm);

    JsonSignatureReport report = verifier(pki).verify(utf8(RESULT), sign(pki, algorithm));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.subIndication()).isEmpty();
    assertThat(report.reason().key()).isEqualTo("jws.valid");
    assertThat(report.reason().vi()).startsWith("Chữ ký hợp lệ");
    assertThat(report.algorithm()).contains(algorithm);
    assertThat(report.claimedSigningTime()).contains(NOW);
    assertThat(report.signerCertificate()).contains(pki.signerCertificate());
  }

  @Test
  void sign_header_isJadesBaselineBWithDetachedUnencodedPayload() throws Exception {
    String jws = sign(RSA, JwsAlgorithm.RS256);
    String[] parts = jws.split("\\.", -1);

    assertThat(parts).hasSize(3);
    assertThat(parts[1]).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> header =
        (Map<String, Object>)
            new Jcs().parse(Base64.getUrlDecoder().decode(parts[0]), Jcs.Numbers.EXACT);
    X509Certificate signer = RSA.signerCertificate();
    assertThat(header)
        .containsEntry("alg", "RS256")
        .containsEntry("typ", "jose")
        .containsEntry("b64", false)
        .containsEntry("crit", List.of("b64", "sigT"))
        .containsEntry("sigT", "2026-12-03T08:30:00Z")
        .containsEntry(
            "x5t#S256",
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(JsonSigner.sha256(signer.getEncoded())))
        .containsEntry(
            "x5c", RSA.signerKey().certificateChain().stream().map(c -> base64(c)).toList())
        .containsKey("kid")
        .doesNotContainKey("cty");
    // The ECDSA value is R || S (64 bytes for P-256), not DER.
    String ecdsa = sign(EC, JwsAlgorithm.ES256).split("\\.", -1)[2];
    assertThat(Base64.getUrlDecoder().decode(ecdsa)).hasSize(64);
  }

  @Test
  void verify_reorderedMembersAndOtherNotation_stillPasses() {
    JsonSignatureReport report =
        verifier(RSA).verify(utf8(RESULT_REORDERED), sign(RSA, JwsAlgorithm.RS256));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @ParameterizedTest
  @EnumSource(names = {"RS256", "PS256", "ES256"})
  void verify_oneDigitChanged_totalFailedSigCrypto(JwsAlgorithm algorithm) {
    TestPki pki = pkiFor(algorithm);
    String tampered = RESULT.replace("066226001358", "066226001359");

    JsonSignatureReport report = verifier(pki).verify(utf8(tampered), sign(pki, algorithm));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.SIG_CRYPTO_FAILURE);
    assertThat(report.reason().key()).isEqualTo("jws.signatureInvalid");
    assertThat(report.signerCertificate()).contains(pki.signerCertificate());
  }

  @Test
  void verify_memberAddedOrNumberChanged_totalFailed() {
    String jws = sign(RSA, JwsAlgorithm.RS256);
    JsonSignatureVerifier verifier = verifier(RSA);

    assertThat(verifier.verify(utf8(RESULT.replace("\"copies\": 2", "\"copies\": 3")), jws))
        .extracting(JsonSignatureReport::indication)
        .isEqualTo(Indication.TOTAL_FAILED);
    assertThat(
            verifier.verify(
                utf8(RESULT.replace("\"fee\": 0,", "\"fee\": 0, \"extra\": null,")), jws))
        .extracting(JsonSignatureReport::indication)
        .isEqualTo(Indication.TOTAL_FAILED);
  }

  @Test
  void verify_headerAlgChangedToNone_totalFailed() {
    String[] parts = sign(RSA, JwsAlgorithm.RS256).split("\\.", -1);
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    String none = encode(header.replace("\"alg\":\"RS256\"", "\"alg\":\"none\""));

    JsonSignatureReport withSignature = verifier(RSA).verify(utf8(RESULT), none + ".." + parts[2]);
    JsonSignatureReport withoutSignature = verifier(RSA).verify(utf8(RESULT), none + "..");

    for (JsonSignatureReport report : List.of(withSignature, withoutSignature)) {
      assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
      assertThat(report.subIndication()).contains(SubIndication.SIG_CRYPTO_FAILURE);
      assertThat(report.reason().key()).isEqualTo("jws.algorithmForbidden");
      assertThat(report.reason().en()).contains("'none'");
    }
  }

  @Test
  void verify_hmacSignedWithPublicKeyBytes_totalFailed() throws Exception {
    // The classic confusion attack: HS256 keyed with the (public) certificate bytes.
    String header =
        "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"],\"x5c\":[\"" + x5c(RSA) + "\"]}";
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(RSA.signerCertificate().getEncoded(), "HmacSHA256"));
    String encoded = encode(header);
    byte[] tag = mac.doFinal(JsonSigner.signingInput(encoded, canonical(RESULT)));

    JsonSignatureReport report =
        verifier(RSA).verify(utf8(RESULT), encoded + ".." + base64url(tag));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.SIG_CRYPTO_FAILURE);
  }

  @Test
  void verify_untrustedRoot_indeterminateNoCertificateChainFound() {
    TestPki other = TestPki.builder().clock(CLOCK).build();

    JsonSignatureReport report =
        verifier(other).verify(utf8(RESULT), sign(RSA, JwsAlgorithm.RS256));

    assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
    assertThat(report.reason().key()).isEqualTo("chain.notFound");
  }

  @Test
  void verify_selfSignedRootInX5cButNotConfigured_indeterminate() {
    // A chain that ends in a root carried by the signature itself is not trusted.
    SignerKey key = RSA.signerKey();
    String header =
        "{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"],\"x5c\":[\""
            + x5c(RSA)
            + "\",\""
            + base64(RSA.caCertificate())
            + "\"]}";
    String jws = craft(key, JwsAlgorithm.RS256, header, RESULT);

    JsonSignatureReport trusted = verifier(RSA).verify(utf8(RESULT), jws);
    JsonSignatureReport untrusted =
        JsonSignatureVerifier.builder().clock(CLOCK).build().verify(utf8(RESULT), jws);

    assertThat(trusted.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(trusted.claimedSigningTime()).isEmpty();
    assertThat(untrusted.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
  }

  @Test
  void verify_expiredAtValidationTime_indeterminateOutOfBounds() {
    JsonSignatureVerifier later =
        verifier(RSA).toBuilder().clock(Clock.offset(CLOCK, Duration.ofDays(800))).build();

    JsonSignatureReport report = later.verify(utf8(RESULT), sign(RSA, JwsAlgorithm.RS256));

    assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
  }

  @Test
  void verify_unknownCriticalParameter_formatFailure() {
    String header =
        "{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\",\"exp\"],\"exp\":1,\"x5c\":[\""
            + x5c(RSA)
            + "\"]}";

    JsonSignatureReport report =
        verifier(RSA)
            .verify(utf8(RESULT), craft(RSA.signerKey(), JwsAlgorithm.RS256, header, RESULT));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().key()).isEqualTo("jws.critUnsupported");
  }

  @Test
  void verify_b64MissingOrTrue_formatFailure() {
    for (String b64 : List.of("", "\"b64\":true,")) {
      String header =
          "{\"alg\":\"RS256\"," + b64 + "\"crit\":[\"b64\"],\"x5c\":[\"" + x5c(RSA) + "\"]}";

      JsonSignatureReport report =
          verifier(RSA)
              .verify(utf8(RESULT), craft(RSA.signerKey(), JwsAlgorithm.RS256, header, RESULT));

      assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
      assertThat(report.reason().key()).isEqualTo("jws.headerInvalid");
    }
  }

  @Test
  void verify_thumbprintOfAnotherCertificate_indeterminateNoSigningCertificate() throws Exception {
    String header =
        "{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"],\"x5t#S256\":\""
            + base64url(JsonSigner.sha256(RSA.caCertificate().getEncoded()))
            + "\",\"x5c\":[\""
            + x5c(RSA)
            + "\"]}";

    JsonSignatureReport report =
        verifier(RSA)
            .verify(utf8(RESULT), craft(RSA.signerKey(), JwsAlgorithm.RS256, header, RESULT));

    assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.NO_SIGNING_CERTIFICATE_FOUND);
  }

  @Test
  void verify_ecdsaAllZeroSignature_totalFailed() {
    String[] parts = sign(EC, JwsAlgorithm.ES256).split("\\.", -1);

    JsonSignatureReport report =
        verifier(EC).verify(utf8(RESULT), parts[0] + ".." + base64url(new byte[64]));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.SIG_CRYPTO_FAILURE);
  }

  @Test
  void verify_algorithmOfOtherKeyType_totalFailed() {
    String header =
        "{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"],\"x5c\":[\"" + x5c(RSA) + "\"]}";
    String[] parts = sign(RSA, JwsAlgorithm.RS256).split("\\.", -1);

    JsonSignatureReport report =
        verifier(RSA).verify(utf8(RESULT), encode(header) + ".." + parts[2]);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.reason().key()).isEqualTo("jws.algorithmKeyMismatch");
  }

  @Test
  void verify_unsupportedAlgorithm_indeterminateCryptoConstraints() {
    String header =
        "{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"],\"x5c\":[\"" + x5c(RSA) + "\"]}";

    JsonSignatureReport report = verifier(RSA).verify(utf8(RESULT), encode(header) + "..AAAA");

    assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
  }

  @Test
  void verify_garbage_reportNotException() {
    JsonSignatureVerifier verifier = verifier(RSA);
    String good = sign(RSA, JwsAlgorithm.RS256);

    for (String jws :
        List.of(
            "", "...", "a.b.c", "e30..", "%%%..AAAA", good.replace("..", ".e30."), "x".repeat(9))) {
      JsonSignatureReport report = verifier.verify(utf8(RESULT), jws);
      assertThat(report.indication()).as(jws).isEqualTo(Indication.TOTAL_FAILED);
      assertThat(report.subIndication()).as(jws).contains(SubIndication.FORMAT_FAILURE);
    }
    JsonSignatureReport notJson = verifier.verify(utf8("{\"a\":1,\"a\":1}"), good);
    assertThat(notJson.reason().key()).isEqualTo("jws.payloadInvalid");
    assertThat(notJson.reason().en()).contains("occurs twice");
  }

  @Test
  void sign_numberADoubleCannotHold_refusedWithCode() {
    JsonSigner signer = JsonSigner.builder().key(RSA.signerKey()).clock(CLOCK).build();

    assertThatThrownBy(() -> signer.sign(utf8("{\"id\": 12345678901234567890}")))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-502")
        .hasMessageContaining("write it as a JSON string");
  }

  @Test
  void build_algorithmForOtherKeyType_refusedWithCode() {
    assertThatThrownBy(
            () -> JsonSigner.builder().key(RSA.signerKey()).algorithm(JwsAlgorithm.ES256).build())
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("OF-SIGN-503");
    assertThatThrownBy(
            () -> JsonSigner.builder().key(EC.signerKey()).algorithm(JwsAlgorithm.ES384).build())
        .hasMessageContaining("OF-SIGN-503")
        .hasMessageContaining("EC P-256");
  }

  @Test
  void build_defaultAlgorithm_followsKey() {
    assertThat(JsonSigner.builder().key(RSA.signerKey()).build().algorithm())
        .isEqualTo(JwsAlgorithm.RS256);
    assertThat(JsonSigner.builder().key(EC.signerKey()).build().algorithm())
        .isEqualTo(JwsAlgorithm.ES256);
  }

  @Test
  void sign_certificateNotForSignatures_refusedWithCode() {
    TestPki wrongUsage =
        TestPki.builder()
            .clock(CLOCK)
            .signerKeyUsage(TestPki.SignerKeyUsage.KEY_ENCIPHERMENT_ONLY)
            .build();
    JsonSigner signer = JsonSigner.builder().key(wrongUsage.signerKey()).clock(CLOCK).build();

    assertThatThrownBy(() -> signer.sign(utf8(RESULT))).hasMessageContaining("OF-SIGN-303");
  }

  @Test
  void sign_sameInputAndClock_sameJwsForDeterministicAlgorithms() {
    assertThat(sign(RSA, JwsAlgorithm.RS256)).isEqualTo(sign(RSA, JwsAlgorithm.RS256));
  }

  /** Signs {@code json} under an arbitrary header, as an attacker or another signer could. */
  private static String craft(SignerKey key, JwsAlgorithm algorithm, String header, String json) {
    String encoded = encode(header);
    byte[] value =
        key.sign(JsonSigner.signingInput(encoded, canonical(json)), algorithm.signatureAlgorithm());
    if (algorithm.curveBits() != 0) {
      value = JwsKeys.derToJose(value, algorithm.ecdsaIntegerLength());
    }
    return encoded + ".." + base64url(value);
  }

  private static byte[] canonical(String json) {
    try {
      return new Jcs().canonicalize(utf8(json), Jcs.Numbers.EXACT);
    } catch (MalformedJsonException e) {
      throw new AssertionError(e);
    }
  }

  private static String encode(String header) {
    return base64url(utf8(header));
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String base64(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private static String x5c(TestPki pki) {
    return base64(pki.signerCertificate());
  }
}
