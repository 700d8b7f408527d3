package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final TestPki PKI = TestPki.builder().clock(CLOCK).build();
  private static final SignatureVerifier VERIFIER =
      SignatureVerifier.builder().trustAnchor(PKI.caCertificate()).clock(CLOCK).build();

  private static byte[] signed(TestPki pki, Clock clock) throws Exception {
    return PadesSigner.builder()
        .key(pki.signerKey())
        .clock(clock)
        .reason("Xác nhận hồ sơ")
        .location("Hòa Phú")
        .build()
        .sign(TestPdfs.onePage("Signed by OnceForm"));
  }

  private static byte[] signed() throws Exception {
    return signed(PKI, CLOCK);
  }

  @Test
  void verify_signedWithTrustedCa_totalPassedBaselineB() throws Exception {
    VerificationReport report = VERIFIER.verify(signed());

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.subIndication()).isEmpty();
    assertThat(report.signatures()).hasSize(1);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(signature.level()).isEqualTo(PadesLevel.B_B);
    assertThat(signature.fieldName()).isEqualTo("Signature1");
    assertThat(signature.signerSubject())
        .contains(PKI.signerCertificate().getSubjectX500Principal().getName());
    assertThat(signature.signerSubject().orElseThrow())
        .contains("CN=Ủy ban nhân dân xã Hòa Phú (TEST)");
    assertThat(signature.claimedSigningTime()).contains(NOW);
    assertThat(signature.coversWholeDocument()).isTrue();
    assertThat(signature.reason().key()).isEqualTo("signature.valid");
    assertThat(signature.reason().en()).contains("Revocation (CRL/OCSP) was not checked");
    assertThat(signature.reason().vi()).contains("Chữ ký hợp lệ");
  }

  @Test
  void verify_ecdsaP256Key_totalPassed() throws Exception {
    TestPki ec = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
    SignatureVerifier verifier = VERIFIER.toBuilder().trustAnchor(ec.caCertificate()).build();

    VerificationReport report = verifier.verify(signed(ec, CLOCK));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(
            report
                .signatures()
                .get(0)
                .signerCertificate()
                .orElseThrow()
                .getPublicKey()
                .getAlgorithm())
        .isEqualTo("EC");
  }

  @Test
  void verify_sha512Digest_totalPassed() throws Exception {
    byte[] pdf =
        PadesSigner.builder()
            .key(PKI.signerKey())
            .digest(DigestAlgorithm.SHA512)
            .clock(CLOCK)
            .build()
            .sign(TestPdfs.onePage("SHA-512"));

    assertThat(VERIFIER.verify(pdf).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void verify_tamperedSignedRange_totalFailedHashFailure() throws Exception {
    byte[] pdf = signed();
    byte[] tampered = replaceFirst(pdf, "Signed by OnceForm", "Signed by Somebody");

    VerificationReport report = VERIFIER.verify(tampered);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.HASH_FAILURE);
    assertThat(report.reason().key()).isEqualTo("hash.mismatch");
  }

  @Test
  void verify_byteFlippedInSignatureValue_totalFailedSigCryptoFailure() throws Exception {
    byte[] pdf = signed();
    SignedPdfParts parts = SignedPdfParts.lastSignature(pdf);
    // The RSA signature value closes the DER CMS; flip a hex digit inside it.
    int position = parts.gapStart() + 1 + 2 * parts.cms().length - 20;

    VerificationReport report = VERIFIER.verify(flipHexDigit(pdf, position));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.SIG_CRYPTO_FAILURE);
  }

  @Test
  void verify_byteFlippedAtStartOfContents_totalFailedFormatFailure() throws Exception {
    byte[] pdf = signed();
    SignedPdfParts parts = SignedPdfParts.lastSignature(pdf);

    VerificationReport report = VERIFIER.verify(flipHexDigit(pdf, parts.gapStart() + 1));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
  }

  @Test
  void verify_unrelatedTrustAnchor_indeterminateNoCertificateChainFound() throws Exception {
    TestPki unrelated = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
    SignatureVerifier verifier =
        SignatureVerifier.builder().trustAnchor(unrelated.caCertificate()).clock(CLOCK).build();

    VerificationReport report = verifier.verify(signed());

    // The CA certificate is inside the CMS, but a root found in the file is never trusted.
    assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
    assertThat(report.signatures().get(0).signerSubject()).isPresent();
  }

  @Test
  void verify_noTrustAnchors_indeterminateNoCertificateChainFound() throws Exception {
    SignatureVerifier verifier = SignatureVerifier.builder().clock(CLOCK).build();

    assertThat(verifier.verify(signed()).subIndication())
        .contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
  }

  @Test
  void verify_pageAddedAfterSigning_totalFailedFormatFailure() throws Exception {
    byte[] pdf = signed();
    byte[] edited = TestPdfs.withPageAppended(pdf);

    VerificationReport report = VERIFIER.verify(edited);

    assertThat(TestPdfs.pageCount(edited)).isEqualTo(2);
    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    SignatureReport signature = report.signatures().get(0);
    assertThat(signature.coversWholeDocument()).isFalse();
    assertThat(signature.reason().key()).isEqualTo("changes.pages");
    assertThat(signature.reason().en())
        .isEqualTo(
            "Pages were added, removed or reordered after this signature: the signed version has"
                + " 1 pages, the document now has 2.");
  }

  @Test
  void verify_garbageAppended_totalFailedTrailingData() throws Exception {
    byte[] pdf = signed();
    byte[] appended = Arrays.copyOf(pdf, pdf.length + 7);
    System.arraycopy("GARBAGE".getBytes(StandardCharsets.US_ASCII), 0, appended, pdf.length, 7);

    VerificationReport report = VERIFIER.verify(appended);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().key()).isEqualTo("changes.trailingData");
    assertThat(report.reason().en()).startsWith("7 bytes were appended after this signature");
    assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
  }

  @Test
  void verify_twoSignatures_bothPassedFirstCoversItsRevisionOnly() throws Exception {
    TestPki second = TestPki.builder().clock(CLOCK).keyType(TestPki.KeyType.EC_P256).build();
    byte[] once = signed();
    byte[] twice = PadesSigner.builder().key(second.signerKey()).clock(CLOCK).build().sign(once);
    SignatureVerifier verifier = VERIFIER.toBuilder().trustAnchor(second.caCertificate()).build();

    VerificationReport report = verifier.verify(twice);

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(report.signatures()).hasSize(2);
    assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
    assertThat(report.signatures().get(0).reason().key()).isEqualTo("signature.validRevision");
    assertThat(report.signatures().get(1).coversWholeDocument()).isTrue();
    assertThat(report.signatures().get(1).fieldName()).isNotEqualTo("Signature1");
    assertThat(report.signatures().get(1).reason().key()).isEqualTo("signature.valid");
  }

  @Test
  void verify_expiredSignerCertificate_indeterminateOutOfBoundsNoPoe() throws Exception {
    TestPki expired =
        TestPki.builder().clock(CLOCK).signerValidity(TestPki.SignerValidity.EXPIRED).build();
    // Signed while the certificate was valid (18 months ago); verified today, after it expired.
    Clock then = Clock.offset(CLOCK, Duration.ofDays(-548));
    SignatureVerifier verifier =
        SignatureVerifier.builder().trustAnchor(expired.caCertificate()).clock(CLOCK).build();

    VerificationReport report = verifier.verify(signed(expired, then));

    assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    assertThat(report.reason().key()).isEqualTo("cert.expired");
  }

  @Test
  void verify_validationTimeAfterExpiry_indeterminateOutOfBoundsNoPoe() throws Exception {
    SignatureVerifier later =
        VERIFIER.toBuilder().clock(Clock.offset(CLOCK, Duration.ofDays(400))).build();

    assertThat(later.verify(signed()).subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
  }

  @Test
  void verify_unsignedPdf_totalFailedFormatFailureNoSignature() throws Exception {
    VerificationReport report = VERIFIER.verify(TestPdfs.onePage("unsigned"));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.hasSignatures()).isFalse();
    assertThat(report.reason().key()).isEqualTo("document.noSignature");
    assertThat(report.reason().text(Locale.forLanguageTag("vi")))
        .isEqualTo("Tài liệu không có chữ ký số.");
  }

  @Test
  void verify_notPdf_totalFailedFormatFailure() {
    VerificationReport report = VERIFIER.verify("hello".getBytes(StandardCharsets.US_ASCII));

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.reason().key()).isEqualTo("document.unreadable");
    assertThat(report.signatures()).isEmpty();
  }

  @Test
  void verify_emptyBytes_totalFailedFormatFailure() {
    VerificationReport report = VERIFIER.verify(new byte[0]);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
  }

  @Test
  void verify_truncatedSignedPdf_reportsWithoutThrowing() throws Exception {
    byte[] pdf = signed();

    for (int length : new int[] {10, pdf.length / 3, pdf.length / 2, pdf.length - 40}) {
      VerificationReport report = VERIFIER.verify(Arrays.copyOf(pdf, length));
      assertThat(report.indication()).as("length %d", length).isNotEqualTo(Indication.TOTAL_PASSED);
    }
  }

  @Test
  void verify_byteRangeMadeToSkipContent_totalFailedFormatFailure() throws Exception {
    byte[] pdf = signed();
    SignedPdfParts parts = SignedPdfParts.lastSignature(pdf);
    String original = "/ByteRange [0 " + parts.gapStart() + " ";
    // Same width, so no offsets move: claim that the gap starts one byte earlier.
    String shifted = "/ByteRange [0 " + (parts.gapStart() - 1) + " ";
    byte[] tampered = replaceFirst(pdf, original, shifted);

    VerificationReport report = VERIFIER.verify(tampered);

    assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.FORMAT_FAILURE);
    assertThat(report.signatures().get(0).reason().key()).isEqualTo("byteRange.contentsMismatch");
  }

  @Test
  @SuppressWarnings("NullAway") // passing null on purpose
  void verify_nullPdf_throwsNullPointer() {
    assertThatThrownBy(() -> VERIFIER.verify(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void verify_unreadableCms_reportsClaimedTimeButNoSigner() throws Exception {
    byte[] pdf = signed();
    SignedPdfParts parts = SignedPdfParts.lastSignature(pdf);

    SignatureReport report =
        VERIFIER.verify(flipHexDigit(pdf, parts.gapStart() + 1)).signatures().get(0);

    assertThat(report.signerCertificate()).isEqualTo(Optional.empty());
    assertThat(report.claimedSigningTime()).contains(NOW);
    assertThat(report.level()).isEqualTo(PadesLevel.NONE);
  }

  private static byte[] replaceFirst(byte[] pdf, String from, String to) {
    assertThat(to).hasSameSizeAs(from);
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(from);
    assertThat(at).as("'%s' in the PDF", from).isNotNegative();
    byte[] copy = pdf.clone();
    System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, copy, at, to.length());
    return copy;
  }

  private static byte[] flipHexDigit(byte[] pdf, int position) {
    byte[] copy = pdf.clone();
    copy[position] = (byte) (copy[position] == '0' ? '1' : '0');
    return copy;
  }
}
