package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.signing.DigestAlgorithm;
import dev.onceform.signing.Pem;
import dev.onceform.signing.testing.TestPki;
import dev.onceform.signing.testing.TestTsa;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code onceform sign}, then {@code onceform verify} on what it wrote. */
class SignCommandTest {
  private static final String PASSWORD = "correct-horse-7";
  private static final Map<String, String> ENV = Map.of("ONCEFORM_KEY_PASSWORD", PASSWORD);

  @TempDir static Path shared;
  private static TestPki pki;
  private static TestTsa tsa;

  /**
   * A TSA two minutes behind, so that a CRL can be issued after its timestamp and before the
   * verification (which runs on the system clock).
   */
  private static TestTsa pastTsa;

  private static Path crlPem;
  private static Path otherCrlPem;
  private static Path p12;
  private static Path caPem;
  private static Path otherCaPem;
  private static Path unsigned;

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void keysAndPdf() throws Exception {
    pki = TestPki.builder().build();
    p12 = shared.resolve("signer.p12");
    pki.writePkcs12(p12, PASSWORD.toCharArray());
    caPem = Files.writeString(shared.resolve("ca.pem"), pki.caCertificatePem());
    otherCaPem =
        Files.writeString(
            shared.resolve("other-ca.pem"), TestPki.builder().build().caCertificatePem());
    tsa = TestTsa.builder().key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING)).start();
    Instant stamped = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    pastTsa =
        TestTsa.builder()
            .key(pki.issueTsaKey(TestPki.TsaKeyUsage.TIME_STAMPING))
            .clock(Clock.fixed(stamped, ZoneOffset.UTC))
            .start();
    Instant crlTime = stamped.plusSeconds(30);
    crlPem = Files.writeString(shared.resolve("ca.crl.pem"), Pem.encode(pki.crl(crlTime)));
    otherCrlPem =
        Files.writeString(
            shared.resolve("other-ca.crl.pem"), Pem.encode(TestPki.builder().build().crl(crlTime)));
    byte[] pdf =
        PdfRenderer.builder()
            .build()
            .renderSubmission(
                Fixtures.birthRegistration(),
                Fixtures.validSubmission(),
                Locale.forLanguageTag("vi"));
    unsigned = Files.write(shared.resolve("declaration.pdf"), pdf);
  }

  @AfterAll
  static void stopTsa() {
    tsa.close();
    pastTsa.close();
  }

  /** Runs {@code onceform sign} with the test key, the given options, IN.pdf and -o. */
  private static Run sign(Path output, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("sign", "--key", p12.toString(), "--password-env", "ONCEFORM_KEY_PASSWORD"));
    args.addAll(List.of(options));
    args.addAll(List.of(unsigned.toString(), "-o", output.toString()));
    return run(ENV, args.toArray(String[]::new));
  }

  private static JsonNode verifyJson(Path pdf) throws Exception {
    Run run = run(Map.of(), "verify", "--json", "--trust", caPem.toString(), pdf.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  private static void assertOneLineError(Run run, String... fragments) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.err()).contains(fragments);
  }

  @Test
  void sign_defaultLevel_writesBbThatVerifies() throws Exception {
    Path signed = dir.resolve("out/signed.pdf");

    Run run = sign(signed, "--reason", "Xác nhận hồ sơ", "--location", "Hòa Phú, Việt Nam");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(1);
    assertThat(run.out())
        .startsWith(signed + ": PAdES B-B, signed by ")
        .contains(pki.signerCertificate().getSubjectX500Principal().getName())
        .contains(String.format(Locale.ROOT, "(%,d bytes)", Files.size(signed)));
    assertThat(Files.readAllBytes(signed)).startsWith(Files.readAllBytes(unsigned));
    JsonNode report = verifyJson(signed);
    assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
    assertThat(report.at("/signatures/0/level").asText()).isEqualTo("B_B");
    assertThat(report.at("/signatures/0/timestampedSigningTime").isMissingNode()).isTrue();
    assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void sign_levelBt_writesBtWithTimestampedSigningTime() throws Exception {
    Path signed = dir.resolve("signed-bt.pdf");

    Run run = sign(signed, "--level", "B-T", "--tsa", tsa.url().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(signed + ": PAdES B-T, signed by ");
    JsonNode report = verifyJson(signed);
    assertThat(report.at("/signatures/0/indication").asText()).isEqualTo("TOTAL_PASSED");
    assertThat(report.at("/signatures/0/level").asText()).isEqualTo("B_T");
    assertThat(report.at("/signatures/0/timestampedSigningTime").asText()).isNotEmpty();
    Run text =
        run(Map.of(), "verify", "--lang", "en", "--trust", caPem.toString(), signed.toString());
    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains("TOTAL_PASSED")
        .contains("B_T")
        .contains("Signing time (claimed): ")
        .contains("Signing time (timestamped): ");
  }

  @Test
  void sign_levelBtWithTsaTrust_lowerCaseLevel_verifies() throws Exception {
    Path signed = dir.resolve("signed-bt.pdf");

    Run run =
        sign(
            signed,
            "--level",
            "b-t",
            "--tsa",
            tsa.url().toString(),
            "--tsa-trust",
            caPem.toString(),
            "--alias",
            TestPki.PKCS12_ALIAS);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(verifyJson(signed).at("/signatures/0/level").asText()).isEqualTo("B_T");
  }

  @Test
  void sign_tsaNotChainingToTsaTrust_exit2NothingWritten() {
    Path signed = dir.resolve("signed.pdf");

    Run run =
        sign(
            signed,
            "--level",
            "B-T",
            "--tsa",
            tsa.url().toString(),
            "--tsa-trust",
            otherCaPem.toString());

    assertOneLineError(run, "OF-SIGN-609");
    assertThat(signed).doesNotExist();
  }

  @Test
  void sign_levelBtWithoutTsa_exit2() {
    assertOneLineError(
        sign(dir.resolve("signed.pdf"), "--level", "B-T"),
        "--level B-T needs a timestamp",
        "--tsa");
  }

  @Test
  void sign_tsaAtLevelBb_exit2() {
    assertOneLineError(
        sign(dir.resolve("signed.pdf"), "--tsa", tsa.url().toString()), "add --level B-T");
  }

  @Test
  void sign_rsaPaddingPssDigestSha384_writesPssSignatureThatVerifies() throws Exception {
    Path signed = dir.resolve("signed-pss.pdf");

    Run run = sign(signed, "--rsa-padding", "PSS", "--digest", "SHA384");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(verifyJson(signed).get("indication").asText()).isEqualTo("TOTAL_PASSED");
    byte[] pdf = Files.readAllBytes(signed);
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    int start = text.lastIndexOf("/Contents <") + "/Contents <".length();
    // /Contents holds the DER CMS followed by zero padding: read the first object only.
    byte[] cms = HexFormat.of().parseHex(text.substring(start, text.indexOf('>', start)));
    SignerInformation signer =
        new CMSSignedData(ContentInfo.getInstance(new ASN1InputStream(cms).readObject()))
            .getSignerInfos()
            .getSigners()
            .iterator()
            .next();
    assertThat(signer.getEncryptionAlgOID()).isEqualTo(PKCSObjectIdentifiers.id_RSASSA_PSS.getId());
    assertThat(signer.getDigestAlgOID()).isEqualTo(DigestAlgorithm.SHA384.oid());
  }

  @Test
  void sign_visible_drawsTheSignatureInTheRectangleWithTheGivenLines() throws Exception {
    Path signed = dir.resolve("visible.pdf");

    Run run =
        sign(
            signed,
            "--visible",
            "1:330,60,220,60",
            "--line",
            "Lê Văn Nam",
            "--line",
            "Ủy ban nhân dân xã Hòa Phú");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(verifyJson(signed).get("indication").asText()).isEqualTo("TOTAL_PASSED");
    try (PDDocument document = Loader.loadPDF(signed.toFile())) {
      PDAnnotationWidget widget = document.getSignatureFields().get(0).getWidgets().get(0);
      PDRectangle rect = widget.getRectangle();
      assertThat(
              List.of(
                  rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getWidth(), rect.getHeight()))
          .containsExactly(330f, 60f, 220f, 60f);
      assertThat(document.getPages().indexOf(widget.getPage())).isZero();
      String appearance =
          new String(
              widget
                  .getAppearance()
                  .getNormalAppearance()
                  .getAppearanceStream()
                  .getContentStream()
                  .toByteArray(),
              StandardCharsets.ISO_8859_1);
      assertThat(appearance).contains("Tj");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "1:330,60;is not PAGE:X,Y,W,H",
        "0:330,60,220,60;page must be 0 or more",
        "1:330,60,-5,60;width and height must be positive",
        "9:330,60,220,60;OF-SIGN-208"
      })
  void sign_badVisible_exit2OneLineNothingWritten(String visible, String fragment) {
    Path signed = dir.resolve("bad-visible.pdf");

    Run run = sign(signed, "--visible", visible);

    assertOneLineError(run, fragment);
    assertThat(signed).doesNotExist();
  }

  @Test
  void sign_lineWithoutVisible_exit2() {
    assertOneLineError(
        sign(dir.resolve("signed.pdf"), "--line", "x"), "--font and --line apply only");
  }

  @Test
  void sign_unknownRsaPadding_exit2ListingThePaddings() {
    assertOneLineError(
        sign(dir.resolve("signed.pdf"), "--rsa-padding", "OAEP"), "--rsa-padding", "PSS");
  }

  @Test
  void sign_unknownLevel_exit2ListingTheLevels() {
    assertOneLineError(
        sign(dir.resolve("signed.pdf"), "--level", "B-LTB"),
        "'B-LTB' is not a signing level; use one of B-B, B-T, B-LT, B-LTA");
  }

  @ParameterizedTest
  @CsvSource({"B-LT, B_LT, signature.validRevocationChecked", "B-LTA, B_LTA, signature.valid"})
  void sign_longTermLevelWithCrls_writesFileThatVerifiesAtThatLevel(
      String level, String reported, String reason) throws Exception {
    Path signed = dir.resolve("signed-" + level + ".pdf");

    Run run =
        sign(
            signed,
            "--level",
            level,
            "--tsa",
            pastTsa.url().toString(),
            "--crl",
            otherCrlPem.toString(),
            "--crl",
            crlPem.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith(signed + ": PAdES " + level + ", signed by ");
    JsonNode report = verifyJson(signed);
    assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
    assertThat(report.at("/signatures/0/indication").asText()).isEqualTo("TOTAL_PASSED");
    assertThat(report.at("/signatures/0/level").asText()).isEqualTo(reported);
    assertThat(report.at("/signatures/0/reason/code").asText()).startsWith(reason);
    if (level.equals("B-LTA")) {
      assertThat(report.at("/documentTimestamps/0/indication").asText()).isEqualTo("TOTAL_PASSED");
      assertThat(report.at("/documentTimestamps/0/tsa").asText()).contains("OnceForm Test TSA");
      assertThat(report.at("/documentTimestamps/0/reason/code").asText())
          .isEqualTo("documentTimestamp.valid");
    } else {
      assertThat(report.has("documentTimestamps")).isFalse();
    }
  }

  @Test
  void sign_levelBltWithoutTsa_exit2() {
    assertOneLineError(
        sign(dir.resolve("signed.pdf"), "--level", "B-LT", "--crl", crlPem.toString()),
        "--level B-LT needs a timestamp",
        "--tsa");
  }

  @Test
  void sign_crlAtLevelBt_exit2() {
    assertOneLineError(
        sign(
            dir.resolve("signed.pdf"),
            "--level",
            "B-T",
            "--tsa",
            tsa.url().toString(),
            "--crl",
            crlPem.toString()),
        "--crl applies only to --level B-LT");
  }

  @Test
  void sign_crlFileWithoutCrl_exit2NothingWritten() {
    Path signed = dir.resolve("signed.pdf");

    Run run =
        sign(
            signed,
            "--level",
            "B-LT",
            "--tsa",
            pastTsa.url().toString(),
            "--crl",
            caPem.toString());

    assertOneLineError(run, "OF-SIGN-405", caPem.toString());
    assertThat(signed).doesNotExist();
  }

  @Test
  void sign_crlFileMissing_exit2() {
    Path missing = dir.resolve("none.crl.pem");

    assertOneLineError(
        sign(
            dir.resolve("signed.pdf"),
            "--level",
            "B-LT",
            "--tsa",
            pastTsa.url().toString(),
            "--crl",
            missing.toString()),
        missing + ": file not found");
  }

  @Test
  void sign_levelBltCrlOfAnotherCa_exit2NothingWritten() {
    Path signed = dir.resolve("signed.pdf");

    Run run =
        sign(
            signed,
            "--level",
            "B-LT",
            "--tsa",
            pastTsa.url().toString(),
            "--crl",
            otherCrlPem.toString());

    assertOneLineError(run, "OF-SIGN-704", "revocation source 'offline'");
    assertThat(signed).doesNotExist();
  }

  @Test
  void sign_levelBltWithoutCrl_asksTheCertificatesUrlsOnline() {
    // The test certificates name no OCSP responder or CRL: the online source finds nothing.
    Path signed = dir.resolve("signed.pdf");

    Run run = sign(signed, "--level", "B-LT", "--tsa", pastTsa.url().toString());

    assertOneLineError(run, "OF-SIGN-704", "revocation source 'ocsp,crl'");
    assertThat(signed).doesNotExist();
  }

  @Test
  void sign_tsaNotHttp_exit2() {
    assertOneLineError(
        sign(dir.resolve("signed.pdf"), "--level", "B-T", "--tsa", "ftp://tsa.example.vn/"),
        "--tsa: ",
        "http or https");
  }

  @Test
  void sign_passwordVariableUnset_exit2NamingIt() {
    Path signed = dir.resolve("signed.pdf");

    Run run =
        run(
            Map.of(),
            "sign",
            "--key",
            p12.toString(),
            "--password-env",
            "ONCEFORM_KEY_PASSWORD",
            unsigned.toString(),
            "-o",
            signed.toString());

    assertOneLineError(run, "environment variable ONCEFORM_KEY_PASSWORD", "is not set");
    assertThat(signed).doesNotExist();
  }

  @Test
  void sign_wrongPassword_exit2WithoutStackTrace() {
    Path signed = dir.resolve("signed.pdf");

    Run run =
        run(
            Map.of("P", "wrong-password"),
            "sign",
            "--key",
            p12.toString(),
            "--password-env",
            "P",
            unsigned.toString(),
            "-o",
            signed.toString());

    assertOneLineError(run, "OF-SIGN-102", "password", "is wrong");
    assertThat(run.err()).doesNotContain("wrong-password");
    assertThat(signed).doesNotExist();
  }

  @Test
  void sign_passwordInsteadOfVariableName_exit2WithoutEchoingIt() {
    Run run =
        run(
            ENV,
            "sign",
            "--key",
            p12.toString(),
            "--password-env",
            "hunter2!",
            unsigned.toString(),
            "-o",
            dir.resolve("signed.pdf").toString());

    assertOneLineError(run, "--password-env takes the name of an environment variable");
    assertThat(run.err()).doesNotContain("hunter2");
  }

  @Test
  void sign_missingKeyFile_exit2() {
    Run run =
        run(
            ENV,
            "sign",
            "--key",
            dir.resolve("none.p12").toString(),
            "--password-env",
            "ONCEFORM_KEY_PASSWORD",
            unsigned.toString(),
            "-o",
            dir.resolve("signed.pdf").toString());

    assertOneLineError(run, "OF-SIGN-101", "none.p12");
  }

  @Test
  void sign_notAPdf_exit2() throws Exception {
    Path text = Files.writeString(dir.resolve("x.pdf"), "hello");

    Run run =
        run(
            ENV,
            "sign",
            "--key",
            p12.toString(),
            "--password-env",
            "ONCEFORM_KEY_PASSWORD",
            text.toString(),
            "-o",
            dir.resolve("signed.pdf").toString());

    assertOneLineError(run, "OF-SIGN-201");
  }

  @Test
  void sign_withoutPasswordEnv_exit2() {
    assertOneLineError(
        run(
            ENV,
            "sign",
            "--key",
            p12.toString(),
            unsigned.toString(),
            "-o",
            dir.resolve("signed.pdf").toString()),
        "Missing required option",
        "--password-env");
  }
}
