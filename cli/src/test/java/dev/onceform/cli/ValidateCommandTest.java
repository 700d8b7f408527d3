package dev.onceform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Submissions;
import dev.onceform.core.validation.ValidationReport;
import dev.onceform.schema.SampleForms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code onceform validate}: readable output with labels, the published JSON, exit codes. */
class ValidateCommandTest {
  private static final String FORM = "birth-registration@1.0.0";

  /** What one run of the tool did. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private static Path sample(String name) {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path dir = d.resolve("forms-schema/src/test/resources/samples/birth-registration/1.0.0");
      if (Files.isDirectory(dir)) {
        return dir.resolve(name);
      }
    }
    throw new IllegalStateException("no samples above " + Path.of("").toAbsolutePath());
  }

  @Test
  void validate_missingField_printsPointerLabelCodeAndVietnameseMessage() {
    Run run = run("validate", "--form", FORM, sample("invalid-missing-child-name.json").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            "birth-registration@1.0.0: 1 lỗi\n"
                + "  /child/fullName (Họ, chữ đệm và tên)  [required]  Chưa nhập “Họ, chữ đệm và"
                + " tên”.\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validate_english_printsEnglishLabelAndMessage() {
    Run run =
        run(
            "validate",
            "--lang",
            "en",
            "--form",
            FORM,
            sample("invalid-missing-child-name.json").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            "birth-registration@1.0.0: 1 problem\n"
                + "  /child/fullName (Full name)  [required]  “Full name” is required.\n");
  }

  @Test
  void validate_fieldTheFormDoesNotHave_printsNoLabel() {
    Run run =
        run(
            "validate",
            "--lang",
            "en",
            "--form",
            FORM,
            sample("invalid-extra-property.json").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            "birth-registration@1.0.0: 1 problem\n"
                + "  /child/nickname  [additionalProperties]  The form has no field “nickname”;"
                + " remove it.\n");
  }

  @Test
  void validate_valid_exit0() {
    Run run = run("validate", "--form", FORM, sample("valid-both-parents.json").toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("birth-registration@1.0.0: hợp lệ\n");
  }

  @Test
  void validate_json_printsExactlyThePublishedReport() throws Exception {
    Path file = sample("invalid-mother-personal-id-too-short.json");

    Run run = run("validate", "--json", "--form", FORM, file.toString());

    JsonNode printed = new ObjectMapper().readTree(run.out());
    ValidationReport report =
        FormEngine.builder()
            .form(SampleForms.get("birth-registration", "1.0.0").orElseThrow())
            .build()
            .validate(FORM, Submissions.parse(Files.readString(file), "s"));
    assertThat(printed).isEqualTo(report.toJson());
    assertThat(printed.at("/problems/0/code").asText()).isEqualTo("format.vn-personal-id");
    assertThat(printed.at("/problems/0/pointer").asText()).isEqualTo("/mother/personalId");
    assertThat(printed.has("submission")).isFalse();
    assertThat(schemaErrors(printed)).isEmpty();
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void validate_jsonOfValidSubmission_exit0() throws Exception {
    Run run =
        run("validate", "--json", "--form", FORM, sample("valid-mother-only.json").toString());

    JsonNode printed = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isZero();
    assertThat(printed.get("valid").asBoolean()).isTrue();
    assertThat(printed.get("problems")).isEmpty();
    assertThat(schemaErrors(printed)).isEmpty();
  }

  @Test
  void validate_unknownOption_exit2() {
    Run run = run("validate", "--form", FORM, "--colour", "s.json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--colour");
  }

  @Test
  void validate_unknownLanguage_exit2() {
    Run run =
        run(
            "validate",
            "--lang",
            "fr",
            "--form",
            FORM,
            sample("valid-mother-only.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
  }

  private static java.util.List<String> schemaErrors(JsonNode report) throws Exception {
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                SchemaLocation.of(ValidationReport.JSON_SCHEMA_ID),
                new ObjectMapper().readTree(ValidationReport.jsonSchema()));
    return schema.validate(report).stream().map(Object::toString).toList();
  }
}
