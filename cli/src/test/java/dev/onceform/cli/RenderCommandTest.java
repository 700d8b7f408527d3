package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.result.EmbeddedData;
import dev.onceform.core.result.QrVerification;
import dev.onceform.core.result.ResultData;
import dev.onceform.core.result.ResultDocuments;
import dev.onceform.core.result.ResultSchemas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onceform render}: submission and result PDFs, result.json, and one-line errors. */
class RenderCommandTest {
  private static final String FORM = "birth-registration@1.0.0";
  private static final String CHILD_ID = "066226001357";

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static Path sample(String name) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path samples = d.resolve("forms-schema/src/test/resources/samples/birth-registration/1.0.0");
      if (Files.isDirectory(samples)) {
        return samples.resolve(name);
      }
    }
    throw new IllegalStateException("no samples above " + Path.of("").toAbsolutePath());
  }

  /** Renders the birth certificate of a valid sample with every required officer input. */
  private Run renderCertificate(Path pdf, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "render",
                "--form",
                FORM,
                "--template",
                "birth-certificate",
                "--officer",
                "registrationNumber=125/2026",
                "--officer",
                "childPersonalId=" + CHILD_ID,
                "--officer",
                "signerName=Lê Văn Nam",
                "--receipt",
                "H27.39-261203-0042"));
    args.addAll(List.of(extra));
    args.addAll(List.of(sample("valid-both-parents.json").toString(), "-o", pdf.toString()));
    return run(args.toArray(String[]::new));
  }

  private static String text(Path pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void render_submission_writesPdfEmbeddingTheSubmission() throws Exception {
    Path pdf = dir.resolve("declaration.pdf");

    Run run =
        run(
            "render",
            "--form",
            FORM,
            sample("valid-both-parents.json").toString(),
            "-o",
            pdf.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith(pdf + ": birth-registration@1.0.0, Tờ khai đăng ký khai sinh");
    EmbeddedData embedded = ResultDocuments.extract(Files.readAllBytes(pdf));
    assertThat(embedded.fileName()).isEqualTo("submission.json");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(embedded.json()))
        .isEqualTo(json.readTree(sample("valid-both-parents.json").toFile()));
    assertThat(text(pdf)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Trần Gia Huy");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .containsExactly("declaration.pdf");
  }

  @Test
  void render_submissionInEnglish_printsEnglishHeader() throws Exception {
    Path pdf = dir.resolve("declaration-en.pdf");

    Run run =
        run(
            "render",
            "--lang",
            "en",
            "--form",
            FORM,
            sample("valid-both-parents.json").toString(),
            "-o",
            pdf.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(text(pdf)).contains("SOCIALIST REPUBLIC OF VIET NAM", "Trần Gia Huy");
  }

  @Test
  void render_resultFromSubmission_embedsOfficerInputsAndMatchingQr() throws Exception {
    Path pdf = dir.resolve("certificate.pdf");

    Run run = renderCertificate(pdf);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    Path json = dir.resolve("certificate.result.json");
    assertThat(run.out())
        .contains(pdf.toString(), "TRÍCH LỤC KHAI SINH", "H27.39-261203-0042", json.toString());
    byte[] bytes = Files.readAllBytes(pdf);
    EmbeddedData embedded = ResultDocuments.extract(bytes);
    assertThat(embedded.fileName()).isEqualTo("result.json");
    JsonNode result = new ObjectMapper().readTree(embedded.json());
    assertThat(result.path("$schema").asText()).isEqualTo(ResultSchemas.RESULT);
    assertThat(result.at("/data/registrationNumber").asText()).isEqualTo("125/2026");
    assertThat(result.at("/data/childPersonalId").asText()).isEqualTo(CHILD_ID);
    assertThat(result.at("/data/signerName").asText()).isEqualTo("Lê Văn Nam");
    assertThat(result.at("/data/childFullName").asText()).isEqualTo("Trần Gia Huy");
    assertThat(result.path("receiptNumber").asText()).isEqualTo("H27.39-261203-0042");
    assertThat(result.path("subject").asText()).isEqualTo(CHILD_ID);
    assertThat(ResultDocuments.verifyQr(bytes).status()).isEqualTo(QrVerification.Status.MATCH);
    assertThat(Files.readString(json)).isEqualTo(embedded.json());
    assertThat(text(pdf)).contains("TRÍCH LỤC KHAI SINH", "Lê Văn Nam");
  }

  @Test
  void render_resultWithoutReceipt_numbersItForTheTemplateAgency() throws Exception {
    Path pdf = dir.resolve("c.pdf");
    List<String> args =
        List.of(
            "render",
            "--form",
            FORM,
            "--template",
            "birth-certificate",
            "--officer",
            "registrationNumber=125/2026",
            "--officer",
            "childPersonalId=" + CHILD_ID,
            "--officer",
            "signerName=Lê Văn Nam",
            "--json",
            dir.resolve("data/c.json").toString(),
            sample("valid-both-parents.json").toString(),
            "-o",
            pdf.toString());

    Run run = run(args.toArray(String[]::new));

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    ResultData result = ResultData.parse(Files.readAllBytes(dir.resolve("data/c.json")));
    assertThat(result.receiptNumber()).matches("H27\\.39-[0-9]{6}-0001");
    assertThat(dir.resolve("c.result.json")).doesNotExist();
  }

  @Test
  void render_resultInEnglish_usesEnglishTitle() throws Exception {
    Path pdf = dir.resolve("certificate-en.pdf");

    Run run = renderCertificate(pdf, "--lang", "en");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Birth registration extract", "receipt H27.39-261203-0042");
    assertThat(text(pdf)).contains("Birth registration extract".toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void render_fromResultJson_embedsTheSameResult() throws Exception {
    Path first = dir.resolve("first.pdf");
    assertThat(renderCertificate(first).exitCode()).isZero();
    Path json = dir.resolve("first.result.json");
    Path again = dir.resolve("again.pdf");

    Run run =
        run(
            "render",
            "--form",
            FORM,
            "--template",
            "birth-certificate",
            json.toString(),
            "-o",
            again.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    byte[] bytes = Files.readAllBytes(again);
    assertThat(ResultDocuments.extract(bytes).json()).isEqualTo(Files.readString(json));
    assertThat(ResultDocuments.verifyQr(bytes).status()).isEqualTo(QrVerification.Status.MATCH);
    assertThat(Files.readAllBytes(dir.resolve("again.result.json")))
        .isEqualTo(Files.readAllBytes(json));
  }

  @Test
  void render_missingOfficerInputs_namesEachWithItsLabelAndWritesNothing() throws Exception {
    Path pdf = dir.resolve("certificate.pdf");
    Files.writeString(pdf, "the previous file");

    Run run =
        run(
            "render",
            "--form",
            FORM,
            "--template",
            "birth-certificate",
            "--officer",
            "signerName=Lê Văn Nam",
            "--officer",
            "childPersonalId=",
            sample("valid-both-parents.json").toString(),
            "-o",
            pdf.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "onceform render: template birth-certificate needs the officer inputs"
                + " registrationNumber (Số), childPersonalId (Số định danh cá nhân); give each as"
                + " --officer name=value, e.g. --officer registrationNumber=...\n");
    assertThat(Files.readString(pdf)).isEqualTo("the previous file");
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .containsExactly("certificate.pdf");
  }

  @Test
  void render_unknownOfficerInput_listsTheTemplatesInputs() {
    Run run = renderCertificate(dir.resolve("c.pdf"), "--officer", "decisionNumber=7");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .startsWith(
            "onceform render: template birth-certificate has no officer input decisionNumber;"
                + " its officer inputs are registrationNumber (Số), registrationBook (Quyển số,"
                + " optional),");
    assertThat(dir.resolve("c.pdf")).doesNotExist();
  }

  @Test
  void render_unknownTemplate_listsTheBuiltInTemplates() {
    Run run =
        run(
            "render",
            "--form",
            FORM,
            "--template",
            "birth-cert",
            sample("valid-both-parents.json").toString(),
            "-o",
            dir.resolve("c.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("onceform render: template 'birth-cert' is neither a file nor a built-in")
        .contains("birth-certificate, business-household-certificate, death-extract");
  }

  @Test
  void render_templateOfAnotherForm_namesTheRightTemplate() {
    Run run =
        run(
            "render",
            "--form",
            FORM,
            "--template",
            "death-extract",
            sample("valid-both-parents.json").toString(),
            "-o",
            dir.resolve("c.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "onceform render: template death-extract is for form 'death-registration', not"
                + " 'birth-registration'; the built-in template of birth-registration is"
                + " birth-certificate\n");
  }

  @Test
  void render_templateFileThatIsNotJson_exit2WithTheFile() throws Exception {
    Path template = Files.writeString(dir.resolve("template.json"), "{ not json");

    Run run =
        run(
            "render",
            "--form",
            FORM,
            "--template",
            template.toString(),
            sample("valid-both-parents.json").toString(),
            "-o",
            dir.resolve("c.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("onceform render: ")
        .contains("OF-RESULT-103", "template.json");
  }

  @Test
  void render_invalidSubmission_printsProblemsExit1AndWritesNothing() {
    Path pdf = dir.resolve("declaration.pdf");

    Run run =
        run(
            "render",
            "--form",
            FORM,
            sample("invalid-missing-child-name.json").toString(),
            "-o",
            pdf.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
    assertThat(run.out()).contains("/child/fullName (Họ, chữ đệm và tên)  [required]");
    assertThat(run.err()).endsWith("is not a valid submission of " + FORM + "; nothing written\n");
    assertThat(pdf).doesNotExist();
  }

  @Test
  void render_missingDataFile_exit2() {
    Path missing = dir.resolve("missing.json");

    Run run =
        run("render", "--form", FORM, missing.toString(), "-o", dir.resolve("x.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).isEqualTo("onceform render: " + missing + ": file not found\n");
  }

  @Test
  void render_dataNotJson_exit2() throws Exception {
    Path file = Files.writeString(dir.resolve("data.json"), "<xml/>");

    Run run = run("render", "--form", FORM, file.toString(), "-o", dir.resolve("x.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("onceform render: OF-JSON-");
  }

  @Test
  void render_unknownForm_exit2() {
    Run run =
        run(
            "render",
            "--form",
            "birth-registration@9.9.9",
            sample("valid-both-parents.json").toString(),
            "-o",
            dir.resolve("x.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .startsWith(
            "onceform render: form 'birth-registration@9.9.9' is neither a file nor a bundled"
                + " form");
  }

  @Test
  void render_officerWithoutTemplate_exit2() {
    Run run =
        run(
            "render",
            "--form",
            FORM,
            "--officer",
            "signerName=Lê Văn Nam",
            sample("valid-both-parents.json").toString(),
            "-o",
            dir.resolve("x.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "onceform render: --officer, --receipt and --json apply only to a result; add"
                + " --template\n");
  }

  @Test
  void render_resultJsonWithoutTemplate_exit2() throws Exception {
    Path file =
        Files.writeString(dir.resolve("r.json"), "{\"$schema\":\"" + ResultSchemas.RESULT + "\"}");

    Run run = run("render", "--form", FORM, file.toString(), "-o", dir.resolve("x.pdf").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "onceform render: "
                + file
                + ": is a result.json; render it with --template (the template it names)\n");
  }

  @Test
  void jsonBeside_replacesPdfExtension() {
    assertThat(RenderCommand.jsonBeside(Path.of("out", "c.pdf")))
        .isEqualTo(Path.of("out", "c.result.json"));
    assertThat(RenderCommand.jsonBeside(Path.of("c.PDF"))).isEqualTo(Path.of("c.result.json"));
    assertThat(RenderCommand.jsonBeside(Path.of("c"))).isEqualTo(Path.of("c.result.json"));
  }
}
