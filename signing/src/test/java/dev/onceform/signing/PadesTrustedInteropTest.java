package dev.onceform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.signing.spi.RevocationSource;
import dev.onceform.signing.testing.ExternalTool;
import dev.onceform.signing.testing.NssDatabase;
import dev.onceform.signing.testing.OpensslCms;
import dev.onceform.signing.testing.SignedPdfParts;
import dev.onceform.signing.testing.TestPdfs;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every level we sign, checked by poppler's {@code pdfsig} with the test root CA imported into an
 * NSS database: pdfsig must say both "Signature is Valid." and "Certificate is Trusted.", and must
 * not trust the same file without the CA.
 *
 * <p>What poppler 22.12 (Debian 12) does, and how the tests deal with it ({@link PdfsigQuirksTest}
 * shows each of these on its own, and more):
 *
 * <ul>
 *   <li>It checks certificates at the wall-clock time, not at the signing or timestamp time, so the
 *       test PKI is made on the system clock (a fixed clock in the past would expire).
 *   <li>It exits 0 whatever it thinks of the signature or the certificate, so the tests read its
 *       lines; they assert the exit code only to pin that.
 *   <li>It lists a document timestamp (B-LTA, {@code /ETSI.RFC3161}) as one more signature, of type
 *       "unknown", and does not validate it ("Signature has not yet been verified."); the tests
 *       check the signature it covers and pin what pdfsig says about the timestamp.
 *   <li>It asks the OCSP responder named in a certificate and ignores the DSS, so these PKIs have
 *       no revocation pointers ({@link PdfsigQuirksTest} covers certificates that have them).
 * </ul>
 */
class PadesTrustedInteropTest {

  /** Timestamps and CRLs two minutes in the past, so that every time is before pdfsig's now. */
  private static final Instant STAMPED =
      Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

  private static final Clock SIGNING_CLOCK = Clock.fixed(STAMPED, ZoneOffset.UTC);
  private static final Map<TestPki.KeyType, TestPki> PKIS = new EnumMap<>(TestPki.KeyType.class);
  private static final Map<TestPki.KeyType, TestTsa> TSAS = new EnumMap<>(TestPki.KeyType.class);

  @TempDir Path directory;

  @BeforeAll
  static void pkis() {
    for (TestPki.KeyType type : TestPki.KeyType.values()) {
      TestPki pki =
          TestPki.builder()
              .keyType(type)
              .hierarchy(TestPki.Hierarchy.ROOT_AND_INTERMEDIATE)
              .build();
      PKIS.put(type, pki);
      TSAS.put(
          type,
          TestTsa.builder()
              .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
              .clock(SIGNING_CLOCK)
              .start());
    }
  }

  @AfterAll
  static void stopTsas() {
    TSAS.values().forEach(TestTsa::close);
  }

  private static TestPki pki(TestPki.KeyType type) {
    return Objects.requireNonNull(PKIS.get(type), "made in @BeforeAll");
  }

  private static TestTsa tsa(TestPki.KeyType type) {
    return Objects.requireNonNull(TSAS.get(type), "started in @BeforeAll");
  }

  static Stream<Arguments> levelsAndKeys() {
    return Stream.of(PadesLevel.B_B, PadesLevel.B_T, PadesLevel.B_LT, PadesLevel.B_LTA)
        .flatMap(level -> Stream.of(TestPki.KeyType.values()).map(key -> Arguments.of(level, key)));
  }

  private static PadesSigner.Builder signer(TestPki.KeyType type, PadesLevel level) {
    TestPki pki = pki(type);
    PadesSigner.Builder builder =
        PadesSigner.builder().key(pki.signerKey()).clock(SIGNING_CLOCK).level(level);
    if (level != PadesLevel.B_B) {
      builder.timestampClient(
          TimestampClient.builder()
              .url(tsa(type).url())
              .trustAnchor(pki.caCertificate())
              .clock(SIGNING_CLOCK)
              .build());
    }
    if (level == PadesLevel.B_LT || level == PadesLevel.B_LTA) {
      builder.revocationSource(RevocationSource.of(pki.crls(STAMPED.plusSeconds(30)), List.of()));
    }
    return builder;
  }

  private NssDatabase trusting(TestPki.KeyType type) throws Exception {
    return NssDatabase.create(Files.createDirectory(directory.resolve("nssdb")))
        .trust("OnceForm test root", pki(type).caCertificate());
  }

  private Path write(String name, byte[] pdf) throws Exception {
    return Files.write(directory.resolve(name), pdf);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("levelsAndKeys")
  void everyLevel_rootInNss_pdfsigSaysValidAndTrusted(PadesLevel level, TestPki.KeyType type)
      throws Exception {
    Path pdf = write("signed.pdf", signer(type, level).build().sign(TestPdfs.onePage("Trusted")));

    NssDatabase.Verdict verdict = trusting(type).pdfsig(pdf);

    NssDatabase.Signature signature = verdict.signatures().get(0);
    assertThat(signature.validAndTrusted()).as(verdict.output()).isTrue();
    assertThat(signature.type()).contains("ETSI.CAdES.detached");
    assertThat(signature.fieldName()).contains("Signature1");
    // The signature dictionary's /M, from PadesSigner's clock (pdfsig runs with TZ=UTC).
    assertThat(signature.signingTime()).as(verdict.output()).contains(STAMPED);
    String subject = pki(type).signerCertificate().getSubjectX500Principal().getName();
    assertThat(signature.commonName())
        .hasValueSatisfying(name -> assertThat(subject).contains("CN=" + name));
    // B-LT adds the DSS in an update after the signature, so the signature no longer covers the
    // whole file; a document timestamp (B-LTA) then covers everything.
    boolean updatedAfter = level == PadesLevel.B_LT || level == PadesLevel.B_LTA;
    assertThat(signature.wholeDocument()).as(verdict.output()).isEqualTo(!updatedAfter);
    if (level == PadesLevel.B_LTA) {
      assertThat(verdict.signatures()).as(verdict.output()).hasSize(2);
      // The document timestamp: poppler 22.12 lists it, signed by the TSA, with type "unknown" and
      // "Signature has not yet been verified." and no certificate line (it does not check
      // /ETSI.RFC3161 at all; stderr says "Unable to validate this type of signature"), and a
      // signing time of the epoch (a document timestamp has no /M). If a newer poppler validates
      // document timestamps, assert validAndTrusted() here and update docs/signing.md.
      NssDatabase.Signature timestamp = verdict.signatures().get(1);
      assertThat(timestamp.commonName()).contains("OnceForm Test TSA (TEST)");
      assertThat(timestamp.wholeDocument()).isTrue();
      assertThat(timestamp.type()).as(verdict.output()).contains("unknown");
      assertThat(timestamp.validation())
          .as(verdict.output())
          .contains("Signature has not yet been verified.");
      assertThat(timestamp.certificate()).as(verdict.output()).isEmpty();
      assertThat(timestamp.signingTime()).contains(Instant.EPOCH);
    } else {
      assertThat(verdict.signatures()).as(verdict.output()).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("levelsAndKeys")
  void everyLevel_rootNotInNss_pdfsigDoesNotTrust(PadesLevel level, TestPki.KeyType type)
      throws Exception {
    Path pdf = write("signed.pdf", signer(type, level).build().sign(TestPdfs.onePage("Untrusted")));
    NssDatabase empty = NssDatabase.create(Files.createDirectory(directory.resolve("empty-nssdb")));

    NssDatabase.Verdict verdict = empty.pdfsig(pdf);

    NssDatabase.Signature signature = verdict.signatures().get(0);
    assertThat(signature.validation()).as(verdict.output()).contains("Signature is Valid.");
    assertThat(signature.certificate())
        .as(verdict.output())
        .contains("Certificate issuer isn't Trusted.");
    assertThat(signature.validAndTrusted()).isFalse();
    // pdfsig 22.12 exits 0 for an untrusted certificate too: its lines are the verdict.
    assertThat(verdict.exitCode()).isZero();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("levelsAndKeys")
  void everyLevel_cmsCheckedByOpensslCmsAgainstTheRoot(PadesLevel level, TestPki.KeyType type)
      throws Exception {
    SignedPdfParts parts =
        SignedPdfParts.firstSignature(signer(type, level).build().sign(pdf("openssl")));

    // The chain is checked: the root from -CAfile, the intermediate from the CMS.
    ExternalTool.Result result =
        OpensslCms.verify(directory, parts, pki(type).caCertificatePem(), null);

    assertThat(result.output()).contains("Verification successful");
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void anotherRootInNss_pdfsigDoesNotTrust() throws Exception {
    Path pdf =
        write(
            "signed.pdf",
            signer(TestPki.KeyType.RSA_2048, PadesLevel.B_B).build().sign(TestPdfs.onePage("X")));
    NssDatabase other =
        NssDatabase.create(Files.createDirectory(directory.resolve("other-nssdb")))
            .trust("another root", pki(TestPki.KeyType.EC_P256).caCertificate());

    NssDatabase.Verdict verdict = other.pdfsig(pdf);

    assertThat(verdict.signatures().get(0).certificate())
        .as(verdict.output())
        .contains("Certificate issuer isn't Trusted.");
  }

  @Test
  void cmsCheckedByOpensslCmsAgainstAnotherRoot_verificationFails() throws Exception {
    SignedPdfParts parts =
        SignedPdfParts.firstSignature(
            signer(TestPki.KeyType.EC_P256, PadesLevel.B_T).build().sign(pdf("other root")));

    ExternalTool.Result result =
        OpensslCms.verify(directory, parts, pki(TestPki.KeyType.RSA_2048).caCertificatePem(), null);

    // So the passing openssl tests above really check the chain, not only the signature value. The
    // CMS carries the whole chain up to its own root, which openssl does not take as an anchor.
    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output())
        .contains("Verify error: self-signed certificate in certificate chain");
  }

  @Test
  void twoSignaturesOfTwoAgencies_bothRootsInNss_bothValidAndTrusted() throws Exception {
    byte[] once = signer(TestPki.KeyType.RSA_2048, PadesLevel.B_B).build().sign(pdf("Two"));
    byte[] twice = signer(TestPki.KeyType.EC_P256, PadesLevel.B_T).build().sign(once);
    NssDatabase both =
        trusting(TestPki.KeyType.RSA_2048)
            .trust("second root", pki(TestPki.KeyType.EC_P256).caCertificate());

    NssDatabase.Verdict verdict = both.pdfsig(write("two.pdf", twice));

    assertThat(verdict.signatures()).as(verdict.output()).hasSize(2);
    assertThat(verdict.signatures())
        .as(verdict.output())
        .allMatch(NssDatabase.Signature::validAndTrusted);
    assertThat(verdict.signatures())
        .extracting(signature -> signature.fieldName().orElseThrow())
        .containsExactly("Signature1", "Signature2");
    assertThat(verdict.signatures().get(0).wholeDocument()).isFalse();
    assertThat(verdict.signatures().get(1).wholeDocument()).isTrue();
  }

  @Test
  void certificationThenApproval_bothValidAndTrusted() throws Exception {
    byte[] certified =
        signer(TestPki.KeyType.RSA_2048, PadesLevel.B_B)
            .certify(DocMdp.FORM_FILLING)
            .build()
            .sign(pdf("Certified"));
    byte[] approved = signer(TestPki.KeyType.EC_P384, PadesLevel.B_B).build().sign(certified);
    NssDatabase both =
        trusting(TestPki.KeyType.RSA_2048)
            .trust("second root", pki(TestPki.KeyType.EC_P384).caCertificate());

    NssDatabase.Verdict verdict = both.pdfsig(write("certified-approved.pdf", approved));

    assertThat(verdict.signatures()).as(verdict.output()).hasSize(2);
    assertThat(verdict.signatures())
        .as(verdict.output())
        .allMatch(NssDatabase.Signature::validAndTrusted);
  }

  @Test
  void visibleSignatureAtBlt_validAndTrusted() throws Exception {
    SignatureAppearance appearance =
        SignatureAppearance.builder()
            .page(0)
            .rectangle(330, 60, 220, 60)
            .font(SignatureAppearanceTest.FONT)
            .build();
    byte[] signed =
        signer(TestPki.KeyType.RSA_2048, PadesLevel.B_LT)
            .appearance(appearance)
            .build()
            .sign(pdf("Visible"));

    NssDatabase.Verdict verdict =
        trusting(TestPki.KeyType.RSA_2048).pdfsig(write("visible.pdf", signed));

    assertThat(verdict.signatures()).as(verdict.output()).hasSize(1);
    assertThat(verdict.signatures().get(0).validAndTrusted()).as(verdict.output()).isTrue();
  }

  @Test
  void bltaWithRenewedArchiveTimestamp_signatureStillValidAndTrusted() throws Exception {
    TestPki.KeyType type = TestPki.KeyType.EC_P256;
    byte[] signed = signer(type, PadesLevel.B_LTA).build().sign(pdf("Renewed"));
    byte[] renewed =
        ArchiveTimestamper.builder()
            .timestampClient(
                TimestampClient.builder()
                    .url(tsa(type).url())
                    .trustAnchor(pki(type).caCertificate())
                    .clock(SIGNING_CLOCK)
                    .build())
            .revocationSource(
                RevocationSource.of(pki(type).crls(STAMPED.plusSeconds(30)), List.of()))
            .build()
            .renew(signed);

    NssDatabase.Verdict verdict = trusting(type).pdfsig(write("renewed.pdf", renewed));

    // The signature, then two document timestamps that pdfsig lists but does not validate.
    assertThat(verdict.signatures()).as(verdict.output()).hasSize(3);
    assertThat(verdict.signatures().get(0).validAndTrusted()).as(verdict.output()).isTrue();
  }

  private static byte[] pdf(String text) throws IOException {
    return TestPdfs.onePage(text);
  }
}
