package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.result.PdfRenderer;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.signing.PadesSigner;
import dev.onceform.signing.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir static Path shared;
  private static Path signedPdf;
  private static Path caPem;
  private static Path otherCaPem;

  @TempDir Path dir;

  /** What one run of the tool did. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void signSample() throws Exception {
    TestPki pki = TestPki.builder().build();
    byte[] pdf =
        PdfRenderer.builder()
            .build()
            .renderSubmission(
                Fixtures.birthRegistration(),
                Fixtures.validSubmission(),
                Locale.forLanguageTag("vi"));
    signedPdf =
        Files.write(
            shared.resolve("signed.pdf"),
            PadesSigner.builder().key(pki.signerKey()).build().sign(pdf));
    caPem = Files.writeString(shared.resolve("ca.pem"), pki.caCertificatePem());
    otherCaPem =
        Files.writeString(
            shared.resolve("other-ca.pem"), TestPki.builder().build().caCertificatePem());
  }

  private Path write(String name, String content) throws Exception {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private Path validSubmission() throws Exception {
    return write("submission.json", Fixtures.validSubmission().toString());
  }

  private static void assertOneLineError(Run run, String... fragments) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.err()).contains(fragments);
  }

  @Test
  void validate_validSubmission_exit0() throws Exception {
    Run run = run("validate", "--form", "birth-registration@0.1.0", validSubmission().toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("birth-registration@0.1.0: hợp lệ\n");
  }

  @Test
  void validate_invalidSubmission_exit1_listsProblemsInVietnamese() throws Exception {
    ObjectNode submission = Fixtures.validSubmission();
    ((ObjectNode) submission.get("mother")).put("personalId", "123");
    Path file = write("bad.json", submission.toString());

    Run run = run("validate", "--form", "birth-registration@0.1.0", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("1 lỗi")
        .contains(
            "/mother/personalId (Số định danh cá nhân)  [format.vn-personal-id]  Số định danh cá"
                + " nhân phải gồm 12 chữ số");
  }

  @Test
  void validate_english_printsEnglishMessages() throws Exception {
    ObjectNode submission = Fixtures.validSubmission();
    ((ObjectNode) submission.get("child")).remove("fullName");

    Run run =
        run(
            "validate",
            "--lang",
            "en",
            "--form",
            "birth-registration@0.1.0",
            write("s.json", submission.toString()).toString());

    assertThat(run.out()).contains("1 problem").contains("“Full name” is required.");
  }

  @Test
  void validate_json_printsTheReportAsJson() throws Exception {
    ObjectNode submission = Fixtures.validSubmission();
    ((ObjectNode) submission.get("child")).put("sex", "x");

    Run run =
        run(
            "validate",
            "--json",
            "--form",
            "birth-registration@0.1.0",
            write("s.json", submission.toString()).toString());

    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.at("/problems/0/pointer").asText()).isEqualTo("/child/sex");
    assertThat(report.at("/problems/0/code").asText()).isEqualTo("enum");
    assertThat(report.at("/problems/0/message/vi").asText()).contains("Giới tính");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void validate_formFromFile_works() throws Exception {
    Path form;
    try (var in =
        MainTest.class.getResourceAsStream(
            "/dev/onceform/schema/forms/birth-registration-0.1.0.json")) {
      form = Files.write(dir.resolve("form.json"), in.readAllBytes());
    }

    assertThat(run("validate", "--form", form.toString(), validSubmission().toString()).exitCode())
        .isZero();
  }

  @Test
  void validate_missingFile_exit2() {
    assertOneLineError(
        run("validate", "--form", "birth-registration@0.1.0", dir.resolve("nope.json").toString()),
        "nope.json: file not found");
  }

  @Test
  void validate_notJson_exit2_saysWhere() throws Exception {
    Path file = write("broken.json", "{\n  \"child\": {,\n}");

    assertOneLineError(
        run("validate", "--form", "birth-registration@0.1.0", file.toString()),
        "OF-JSON-101",
        "broken.json:2:");
  }

  @Test
  void validate_emptyFile_exit2() throws Exception {
    assertOneLineError(
        run("validate", "--form", "birth-registration@0.1.0", write("empty.json", "").toString()),
        "the file is empty");
  }

  @Test
  void validate_unknownForm_exit2() throws Exception {
    assertOneLineError(
        run("validate", "--form", "no-such-form", validSubmission().toString()),
        "neither a file nor a bundled form");
  }

  @Test
  void validate_formFileNotAForm_exit2() throws Exception {
    Path notAForm = write("not-a-form.json", "{\"type\": \"object\"}");

    assertOneLineError(
        run("validate", "--form", notAForm.toString(), validSubmission().toString()),
        "OF-FORM-102");
  }

  @Test
  void validate_withoutForm_exit2() throws Exception {
    assertOneLineError(
        run("validate", validSubmission().toString()), "Missing required option", "--help");
  }

  @Test
  void verify_signedByTrustedTestCa_exit0() {
    Run run = run("verify", "--trust", caPem.toString(), signedPdf.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("TOTAL_PASSED").contains("B_B");
  }

  @Test
  void verify_json_printsIndicationPerSignature() throws Exception {
    Run run = run("verify", "--json", "--trust", caPem.toString(), signedPdf.toString());

    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("indication").asText()).isEqualTo("TOTAL_PASSED");
    assertThat(report.at("/signatures/0/coversWholeDocument").asBoolean()).isTrue();
  }

  @Test
  void verify_oneByteChanged_exit1() throws Exception {
    byte[] pdf = Files.readAllBytes(signedPdf);
    pdf[200] ^= 0x01;
    Path tampered = Files.write(dir.resolve("tampered.pdf"), pdf);

    Run run = run("verify", "--trust", caPem.toString(), tampered.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("TOTAL_FAILED");
  }

  @Test
  void verify_untrustedCa_exit3() {
    Run run = run("verify", "--trust", otherCaPem.toString(), signedPdf.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("INDETERMINATE").contains("NO_CERTIFICATE_CHAIN_FOUND");
  }

  @Test
  void verify_notAPdf_exit2() throws Exception {
    assertOneLineError(
        run("verify", "--trust", caPem.toString(), write("x.pdf", "hello").toString()),
        "not a PDF");
  }

  @Test
  void verify_emptyPdf_exit2() throws Exception {
    assertOneLineError(
        run("verify", "--trust", caPem.toString(), write("e.pdf", "").toString()),
        "the file is empty");
  }

  @Test
  void verify_missingPdf_exit2() {
    assertOneLineError(
        run("verify", "--trust", caPem.toString(), dir.resolve("none.pdf").toString()),
        "file not found");
  }

  @Test
  void verify_trustFileNotPem_exit2() throws Exception {
    assertOneLineError(
        run(
            "verify",
            "--trust",
            write("ca.pem", "not a certificate").toString(),
            signedPdf.toString()),
        "OF-SIGN");
  }

  @Test
  void noSubcommand_exit2() {
    assertOneLineError(run(), "a subcommand is required");
  }

  @Test
  void demo_writesAVerifiedSignedPdf() {
    Path out = dir.resolve("out");

    Run run = run("demo", "--out", out.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(out.resolve("birth-registration-signed.pdf")).isRegularFile();
    assertThat(out.resolve("test-ca.pem")).isRegularFile();
    assertThat(run.out()).contains("TOTAL_PASSED").contains("Done.");
    assertThat(out.resolve("birth-certificate.pdf")).isRegularFile();
    assertThat(out.resolve("birth-certificate.result.json")).isRegularFile();
    assertThat(run.out()).contains("Issued the result TRÍCH LỤC KHAI SINH", "QR code MATCH");
    // Step 10 ran 'onceform prefill' on the sources file the demo wrote, with the same result.
    assertThat(out.resolve("sources.json")).isRegularFile();
    assertThat(out.resolve("population-db").resolve("population.mv.db")).isRegularFile();
    assertThat(out.resolve("birth-registration-1.0.0-prefill.json")).isRegularFile();
    assertThat(run.out()).contains("onceform prefill --form birth-registration@1.0.0");
    assertThat(run.out()).contains("(the same fields as step 9)");
  }
}
