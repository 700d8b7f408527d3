package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.NssDatabase;
import dev.onceform.signing.testing.TestOcsp;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What poppler's {@code pdfsig} 22.12 (Debian 12) says about our signatures beyond "valid and
 * trusted" ({@link PadesTrustedInteropTest} checks that), as docs/signing.md "Checking signed PDFs
 * with other tools" tells readers of its output. Each test pins one behaviour found by trying it;
 * with another poppler a failure here means those docs need a look, not that our signatures are
 * wrong.
 */
class PdfsigQuirksTest {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  /** The signature is made before the OCSP responder's time and pdfsig's wall clock. */
  private static final Instant SIGNED = NOW.minus(2, ChronoUnit.MINUTES);

  @TempDir Path directory;

  private NssDatabase trusting(TestPki pki) throws Exception {
    return NssDatabase.create(Files.createDirectory(directory.resolve("nssdb")))
        .trust("root", pki.caCertificate());
  }

  private Path write(byte[] pdf) throws Exception {
    return Files.write(directory.resolve("signed.pdf"), pdf);
  }

  /** Signs a one-page PDF at {@code level} on a clock fixed at {@code at}, with pki's own TSA. */
  private static byte[] sign(TestPki pki, Instant at, PadesLevel level) throws Exception {
    return sign(pki, pki, at, level);
  }

  /**
   * Signs a one-page PDF at {@code level} on a clock fixed at {@code at}, with a TSA of {@code
   * tsaPki} for B-T and B-LT, and {@code pki}'s CRLs in the DSS at B-LT.
   */
  private static byte[] sign(TestPki pki, TestPki tsaPki, Instant at, PadesLevel level)
      throws Exception {
    Clock clock = Clock.fixed(at, ZoneOffset.UTC);
    try (TestTsa tsa =
        TestTsa.builder()
            .key(tsaPki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(clock)
            .start()) {
      PadesSigner.Builder signer =
          PadesSigner.builder().key(pki.signerKey()).clock(clock).level(level);
      if (level != PadesLevel.B_B) {
        signer.timestampClient(
            TimestampClient.builder()
                .url(tsa.url())
                .trustAnchor(tsaPki.caCertificate())
                .clock(clock)
                .build());
      }
      if (level == PadesLevel.B_LT) {
        signer.revocationSource(RevocationSource.of(pki.crls(at.plusSeconds(30)), List.of()));
      }
      return signer.build().sign(TestPdfs.onePage("pdfsig"));
    }
  }

  @Test
  void certificateExpiredSinceTimestampedSigning_pdfsigSaysExpired() throws Exception {
    // TestPki's certificates are valid for 365 days from a day before its clock. The signer's
    // expired two days ago; the TSA's (another PKI) was valid when it stamped the signature and
    // still is, for six hours: the timestamp proves the signature was made in time.
    Instant then = NOW.minus(Duration.ofDays(366));
    TestPki pki = TestPki.builder().clock(Clock.fixed(then, ZoneOffset.UTC)).build();
    Instant tsaPkiTime = then.plus(Duration.ofDays(2)).plus(Duration.ofHours(6));
    TestPki tsaPki = TestPki.builder().clock(Clock.fixed(tsaPkiTime, ZoneOffset.UTC)).build();
    Instant signedAt = then.plus(Duration.ofDays(1)).plus(Duration.ofHours(7));
    byte[] signed = sign(pki, tsaPki, signedAt, PadesLevel.B_T);

    NssDatabase.Verdict verdict =
        trusting(pki).trust("TSA root", tsaPki.caCertificate()).pdfsig(write(signed));

    // pdfsig checks the chain at its wall-clock time and ignores the timestamp. (Our verifier says
    // INDETERMINATE / OUT_OF_BOUNDS_NO_POE here too, for now: docs/signing.md, "Timestamps".)
    NssDatabase.Signature signature = verdict.signatures().get(0);
    assertThat(signature.validation()).as(verdict.output()).contains("Signature is Valid.");
    assertThat(signature.signingTime()).contains(signedAt);
    assertThat(signature.certificate()).as(verdict.output()).contains("Certificate has Expired");
  }

  @Test
  void certificateNotYetValid_pdfsigSaysExpired() throws Exception {
    // The signer certificate becomes valid in nine days (PadesSigner signs at the PKI's time).
    Instant later = NOW.plus(Duration.ofDays(10));
    TestPki pki = TestPki.builder().clock(Clock.fixed(later, ZoneOffset.UTC)).build();

    NssDatabase.Verdict verdict = trusting(pki).pdfsig(write(sign(pki, later, PadesLevel.B_B)));

    // NSS has one error for both ends of the validity period. (It tolerates a notBefore up to a
    // day ahead: a certificate valid from twelve hours later is still "Trusted".)
    assertThat(verdict.signatures().get(0).certificate())
        .as(verdict.output())
        .contains("Certificate has Expired");
  }

  @Test
  void signedBytesChanged_pdfsigSaysDigestMismatch_noCertificateLine_exitsZero() throws Exception {
    TestPki pki = TestPki.builder().build();
    byte[] tampered = sign(pki, SIGNED, PadesLevel.B_B);
    tampered[200] ^= 1; // inside the first signed range, which ends at /Contents

    NssDatabase.Verdict verdict = trusting(pki).pdfsig(write(tampered));

    NssDatabase.Signature signature = verdict.signatures().get(0);
    assertThat(signature.validation()).as(verdict.output()).contains("Digest Mismatch.");
    assertThat(signature.certificate()).as(verdict.output()).isEmpty();
    assertThat(verdict.exitCode()).isZero();
  }

  @Test
  void unsignedFile_pdfsigExitsTwo() throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");

    ExternalTool.Result result =
        pdfsig.run(Duration.ofSeconds(60), write(TestPdfs.onePage("unsigned")).toString());

    assertThat(result.output()).contains("does not contain any signatures");
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void nssdirWithoutDatabase_pdfsigSaysUnknownValidationFailure_exitsZero() throws Exception {
    ExternalTool pdfsig = ExternalTool.require("pdfsig", "install poppler-utils");
    Path pdf = write(sign(TestPki.builder().build(), SIGNED, PadesLevel.B_B));
    Path empty = Files.createDirectory(directory.resolve("not-an-nssdb"));

    ExternalTool.Result result =
        pdfsig.run(Duration.ofSeconds(60), "-nssdir", "sql:" + empty, pdf.toString());

    // NSS does not start, and pdfsig says nothing about it: the signature looks broken.
    assertThat(result.output())
        .contains("Signer Certificate Common Name: \n")
        .contains("Signature Validation: Unknown Validation Failure.");
    assertThat(result.exitCode()).isZero();
  }

  /**
   * poppler checks signer certificates for the NSS usage "email signer", so only the second
   * (S/MIME) field of {@code certutil -t} makes the root an anchor for pdfsig.
   */
  @ParameterizedTest(name = "-t \"{0}\" trusted: {1}")
  @CsvSource({"'CT,C,C', true", "',C,', true", "'C,,', false", "',,C', false"})
  void trustFlags_onlyTheSmimeFieldCounts(String flags, boolean trusted) throws Exception {
    TestPki pki = TestPki.builder().build();
    Path pdf = write(sign(pki, SIGNED, PadesLevel.B_B));
    NssDatabase database =
        NssDatabase.create(Files.createDirectory(directory.resolve("nssdb")))
            .add("root", pki.caCertificate(), flags);

    NssDatabase.Verdict verdict = database.pdfsig(pdf);

    assertThat(verdict.signatures().get(0).validAndTrusted())
        .as(verdict.output())
        .isEqualTo(trusted);
  }

  @Test
  void ocspResponderAnswersGood_bltTrusted_pdfsigAskedTheResponder() throws Exception {
    try (TestOcsp ocsp = TestOcsp.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
      TestPki pki = TestPki.builder().revocationServer(ocsp).build();
      Path pdf = write(sign(pki, SIGNED, PadesLevel.B_LT));
      int before = ocsp.requestCount();

      NssDatabase.Verdict verdict = trusting(pki).pdfsig(pdf);

      assertThat(verdict.signatures().get(0).validAndTrusted()).as(verdict.output()).isTrue();
      assertThat(ocsp.requestCount()).isGreaterThan(before);
    }
  }

  @Test
  void signerRevokedAfterTimestamp_pdfsigSaysRevoked_weSayPassed() throws Exception {
    try (TestOcsp ocsp = TestOcsp.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
      TestPki pki =
          TestPki.builder()
              .revocationServer(ocsp)
              .signerRevokedAt(NOW.minus(1, ChronoUnit.MINUTES))
              .build();
      // Timestamped a minute before the revocation.
      byte[] signed = sign(pki, SIGNED, PadesLevel.B_T);

      NssDatabase.Verdict verdict = trusting(pki).pdfsig(write(signed));
      VerificationReport report =
          SignatureVerifier.builder()
              .trustAnchor(pki.caCertificate())
              .revocationSource(RevocationSource.of(pki.crls(NOW), List.of()))
              .build()
              .verify(signed);

      // pdfsig asks the responder about now; the timestamp before the revocation does not count.
      // Our verifier sees the same revocation in the CRL and passes: the signature is older.
      assertThat(verdict.signatures().get(0).certificate())
          .as(verdict.output())
          .contains("Certificate has been Revoked.");
      assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(report.signatures().get(0).timestampedSigningTime()).contains(SIGNED);
    }
  }

  /**
   * A certificate with an OCSP URL and a CRL distribution point, and no answer from either (the
   * responder has stopped, or {@code -no-ocsp}): pdfsig 22.12 says "Unknown issue", although the
   * B-LT file carries the CRLs in its DSS (pdfsig never reads the DSS). NSS's check itself passes
   * with the soft-fail policy poppler asks for; poppler 22.12 reads NSS's last error code without
   * looking at whether the check failed, and finds the failed fetch. So our test PKIs for pdfsig
   * have no revocation pointers, and real agency certificates need reachable responders.
   */
  @ParameterizedTest(name = "pdfsig {0}")
  @CsvSource({"''", "-no-ocsp"})
  void revocationPointersWithoutAnswer_pdfsigSaysUnknownIssue(String option) throws Exception {
    TestPki pki;
    byte[] signed;
    try (TestOcsp ocsp = TestOcsp.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
      pki = TestPki.builder().revocationServer(ocsp).build();
      signed = sign(pki, SIGNED, PadesLevel.B_LT);
    }
    String[] options = option.isEmpty() ? new String[0] : new String[] {option};

    NssDatabase.Verdict verdict = trusting(pki).pdfsig(write(signed), options);

    NssDatabase.Signature signature = verdict.signatures().get(0);
    assertThat(signature.validation()).as(verdict.output()).contains("Signature is Valid.");
    assertThat(signature.certificate())
        .as(verdict.output())
        .contains("Unknown issue with Certificate or corrupted data.");
  }
}
