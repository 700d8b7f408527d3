package dev.onceform.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.testing.TestForms;
import dev.onceform.schema.LocalizedText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FormEngine ENGINE =
      FormEngine.builder()
          .form(
              TestForms.form(
                  "report-test",
                  "\"name\": {\"type\": \"string\", \"x-label\": {\"vi\": \"Họ và tên\", \"en\":"
                      + " \"Full name\"}}, \"copies\": {\"type\": \"integer\", \"minimum\": 1,"
                      + " \"x-label\": {\"vi\": \"Số bản\", \"en\": \"Copies\"}}"))
          .build();

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  @Test
  void toJson_invalidSubmission_listsEveryProblemWithoutTheValue() throws IOException {
    ValidationReport report = ENGINE.validate("report-test", json("{\"name\": 42, \"copies\": 0}"));

    ObjectNode out = report.toJson();

    assertThat(out)
        .isEqualTo(
            json(
                """
                {"$schema": "https://onceform.dev/schema/validation-report/1.0",
                 "valid": false, "form": "report-test@1.0.0",
                 "problems": [
                  {"pointer": "/name", "code": "type", "valueType": "number",
                   "message": {"vi": "“Họ và tên” có kiểu giá trị không đúng.",
                               "en": "“Full name” has the wrong kind of value."}},
                  {"pointer": "/copies", "code": "minimum", "valueType": "number",
                   "message": {"vi": "“Số bản” không được nhỏ hơn 1.",
                               "en": "“Copies” must be at least 1."}}]}
                """));
    assertThat(out.toString()).doesNotContain("42");
    assertThat(ReportSchema.errors(out)).isEmpty();
  }

  @Test
  void toJson_validSubmission_hasNoProblemsAndNoSubmission() throws IOException {
    ValidationReport report =
        ENGINE.validate("report-test", json("{\"name\": \"Nguyễn Văn An\", \"copies\": 2}"));

    ObjectNode out = report.toJson();

    assertThat(out)
        .isEqualTo(
            json(
                """
                {"$schema": "https://onceform.dev/schema/validation-report/1.0",
                 "valid": true, "form": "report-test@1.0.0", "problems": []}
                """));
    assertThat(out.toString()).doesNotContain("Nguyễn");
    assertThat(ReportSchema.errors(out)).isEmpty();
  }

  @Test
  void jsonSchema_hasThePublishedId() throws IOException {
    JsonNode schema = json(ValidationReport.jsonSchema());

    assertThat(schema.path("$id").asText()).isEqualTo(ValidationReport.JSON_SCHEMA_ID);
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void jsonSchema_rejectsAReportThatSaysValidButHasProblems() throws IOException {
    JsonNode lie =
        json(
            """
            {"valid": true, "form": "report-test@1.0.0",
             "problems": [{"pointer": "", "code": "required", "valueType": "missing",
                           "message": {"vi": "x", "en": "x"}}]}
            """);

    assertThat(ReportSchema.errors(lie)).isNotEmpty();
  }

  @Test
  void jsonSchema_rejectsAProblemCarryingTheValue() throws IOException {
    JsonNode leak =
        json(
            """
            {"valid": false, "form": "report-test@1.0.0",
             "problems": [{"pointer": "/name", "code": "type", "valueType": "number",
                           "value": 42, "message": {"vi": "x", "en": "x"}}]}
            """);

    assertThat(ReportSchema.errors(leak)).isNotEmpty();
  }

  @Test
  void constructor_submissionChangedAfterwards_reportKeepsItsCopy() throws IOException {
    ObjectNode given = (ObjectNode) json("{\"name\": \"Nguyễn Văn An\"}");
    List<Problem> problems = new ArrayList<>();

    ValidationReport report = new ValidationReport("report-test@1.0.0", problems, given);
    given.put("name", "changed");
    problems.add(new Problem("/name", "type", "string", LocalizedText.of("x")));

    assertThat(report.submission()).isEqualTo(json("{\"name\": \"Nguyễn Văn An\"}"));
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void validate_bytes_reportHoldsTheParsedSubmissionAndCopiesItOnAccess() throws IOException {
    ValidationReport report =
        ENGINE.validate(
            "report-test",
            "{\"name\": \"Nguyễn Văn An\", \"copies\": 0}".getBytes(StandardCharsets.UTF_8));

    ((ObjectNode) report.submission()).put("name", "changed");

    assertThat(report.submission()).isEqualTo(json("{\"name\": \"Nguyễn Văn An\", \"copies\": 0}"));
    assertThat(report.problems()).extracting(Problem::code).containsExactly("minimum");
    assertThat(report)
        .isEqualTo(
            ENGINE.validate("report-test", json("{\"name\": \"Nguyễn Văn An\", \"copies\": 0}")));
  }

  @Test
  void validate_jsonNodeChangedAfterwards_reportKeepsTheSubmissionAsChecked() throws IOException {
    ObjectNode given = (ObjectNode) json("{\"name\": \"Nguyễn Văn An\", \"copies\": 2}");

    ValidationReport report = ENGINE.validate("report-test", given);
    given.put("name", "changed");
    given.remove("copies");

    assertThat(report.submission()).isEqualTo(json("{\"name\": \"Nguyễn Văn An\", \"copies\": 2}"));
  }
}
