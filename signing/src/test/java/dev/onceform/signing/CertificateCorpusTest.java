package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.spi.SignatureAlgorithm;
import dev.onceform.signing.spi.SignerKey;
import dev.onceform.signing.testing.FakeSignerKey;
import dev.onceform.signing.testing.SignerKeyContentSigner;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * The certificate cases of the verifier, end to end on signed PDFs: expired, not yet valid, signed
 * before the certificate was valid, wrong key usage, untrusted root, a root in the file, a missing
 * intermediate. (Revocation by CRL and OCSP is in {@link PadesLongTermTest}.)
 *
 * <p>{@link PadesSigner} refuses to sign with some of these certificates, so those files are made
 * here with PDFBox and BouncyCastle directly, the way another product would make them.
 */
class CertificateCorpusTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:30:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static SignatureVerifier verifier(X509Certificate anchor, Clock clock) {
    return SignatureVerifier.builder().trustAnchor(anchor).clock(clock).build();
  }

  private static SignatureReport only(VerificationReport report) {
    assertThat(report.signatures()).hasSize(1);
    return report.signatures().get(0);
  }

  @Test
  void expiredAtValidation_signedWhileValid_indeterminateOutOfBoundsNoPoe() throws Exception {
    TestPki expired =
        TestPki.builder().clock(CLOCK).signerValidity(TestPki.SignerValidity.EXPIRED).build();
    byte[] signed = sign(expired.signerKey(), NOW.minus(Duration.ofDays(548)));

    SignatureReport report = only(verifier(expired.caCertificate(), CLOCK).verify(signed));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.OUT_OF_BOUNDS_NO_POE);
    assertThat(report.reason().key()).isEqualTo("cert.expired");
  }

  @Test
  void notYetValidAtValidation_indeterminateNotYetValid() throws Exception {
    TestPki future =
        TestPki.builder().clock(CLOCK).signerValidity(TestPki.SignerValidity.NOT_YET_VALID).build();
    // Signed (claimed) two days from now, when the certificate is valid; checked today.
    byte[] signed = sign(future.signerKey(), NOW.plus(Duration.ofDays(2)));

    SignatureReport report = only(verifier(future.caCertificate(), CLOCK).verify(signed));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.NOT_YET_VALID);
    assertThat(report.reason().key()).isEqualTo("cert.notYetValid");
  }

  @Test
  void signedBeforeCertificateValid_totalFailedNotYetValid() throws Exception {
    TestPki future =
        TestPki.builder().clock(CLOCK).signerValidity(TestPki.SignerValidity.NOT_YET_VALID).build();
    // Claimed signing time today, before the certificate's notBefore (tomorrow); checked in a week.
    byte[] signed = sign(future.signerKey(), NOW);

    SignatureReport report =
        only(
            verifier(future.caCertificate(), Clock.offset(CLOCK, Duration.ofDays(7)))
                .verify(signed));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_FAILED);
    assertThat(report.subIndication()).contains(SubIndication.NOT_YET_VALID);
    assertThat(report.reason().key()).isEqualTo("cert.signedBeforeValid");
  }

  @Test
  void keyEnciphermentOnlyCertificate_indeterminateChainConstraintsFailure() throws Exception {
    TestPki encipherment =
        TestPki.builder()
            .clock(CLOCK)
            .signerKeyUsage(TestPki.SignerKeyUsage.KEY_ENCIPHERMENT_ONLY)
            .build();
    byte[] signed = sign(encipherment.signerKey(), NOW);

    SignatureReport report = only(verifier(encipherment.caCertificate(), CLOCK).verify(signed));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
    assertThat(report.reason().key()).isEqualTo("cert.keyUsage");
  }

  @Test
  void signerOfAnotherCa_indeterminateNoCertificateChainFound() throws Exception {
    TestPki ours = TestPki.builder().clock(CLOCK).build();
    TestPki theirs = TestPki.builder().clock(CLOCK).build();
    byte[] signed = PadesSigner.builder().key(theirs.signerKey()).clock(CLOCK).build().sign(pdf());

    SignatureReport report = only(verifier(ours.caCertificate(), CLOCK).verify(signed));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
  }

  @Test
  void rootCarriedInTheFile_isNotTrusted_indeterminateNoCertificateChainFound() throws Exception {
    TestPki ours = TestPki.builder().clock(CLOCK).build();
    TestPki theirs = TestPki.builder().clock(CLOCK).build();
    SignerKey withRoot =
        FakeSignerKey.claimingChain(
            theirs.signerKey(), List.of(theirs.signerCertificate(), theirs.caCertificate()));
    byte[] signed = sign(withRoot, NOW);

    SignatureReport report = only(verifier(ours.caCertificate(), CLOCK).verify(signed));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
  }

  @Test
  void intermediateMissingFromTheFile_indeterminateNoCertificateChainFound() throws Exception {
    TestPki pki =
        TestPki.builder().clock(CLOCK).hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE).build();
    SignerKey withoutIntermediate =
        FakeSignerKey.claimingChain(
            pki.signerKey(), List.of(pki.signerCertificate(), pki.caCertificate()));
    byte[] signed = sign(withoutIntermediate, NOW);

    SignatureReport report = only(verifier(pki.caCertificate(), CLOCK).verify(signed));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
    assertThat(report.subIndication()).contains(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
  }

  @Test
  void intermediateInTheFile_totalPassed() throws Exception {
    TestPki pki =
        TestPki.builder().clock(CLOCK).hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE).build();
    assertThat(pki.signerKey().certificateChain())
        .contains(pki.intermediateCertificate().orElseThrow());
    byte[] signed = sign(pki.signerKey(), NOW);

    SignatureReport report = only(verifier(pki.caCertificate(), CLOCK).verify(signed));

    assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
  }

  private static byte[] pdf() throws IOException {
    return TestPdfs.onePage("Certificate corpus");
  }

  /**
   * Signs without any of {@link PadesSigner}'s checks: PDFBox's incremental save and a plain
   * BouncyCastle CMS (no signing-certificate-v2), the claimed time in {@code /M}.
   */
  private static byte[] sign(SignerKey key, Instant claimed) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf());
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      Calendar time = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      time.setTimeInMillis(claimed.toEpochMilli());
      signature.setSignDate(time);
      options.setPreferredSignatureSize(16_384);
      document.addSignature(signature, content -> cms(key, content), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }

  private static byte[] cms(SignerKey key, InputStream content) throws IOException {
    try {
      SignatureAlgorithm algorithm =
          SignatureAlgorithm.of(
                  key.certificate().getPublicKey().getAlgorithm(), DigestAlgorithm.SHA256)
              .orElseThrow();
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(new SignerKeyContentSigner(key, algorithm), key.certificate()));
      generator.addCertificates(new JcaCertStore(key.certificateChain()));
      return generator
          .generate(new CMSProcessableByteArray(content.readAllBytes()), false)
          .getEncoded();
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
