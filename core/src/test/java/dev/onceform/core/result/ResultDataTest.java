package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LocalizedText;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SampleForms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // 19:30 UTC on 23 November is 02:30 on 24 November in Vietnam.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T19:30:15.250Z"), ZoneOffset.UTC);

  /** Every valid sample submission of the 1.0.0 forms, with its form. */
  static Stream<Arguments> validSamples() throws IOException {
    Path samples = projectRoot().resolve("forms-schema/src/test/resources/samples");
    List<Arguments> all = new java.util.ArrayList<>();
    for (FormDefinition form : SampleForms.all()) {
      if (!form.version().equals("1.0.0")) {
        continue;
      }
      try (Stream<Path> files = Files.list(samples.resolve(form.id()).resolve("1.0.0"))) {
        files
            .filter(f -> f.getFileName().toString().startsWith("valid-"))
            .sorted()
            .forEach(f -> all.add(Arguments.of(form.id() + "/" + f.getFileName(), form, f)));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSamples")
  void build_everyValidSample_validatesAgainstTheResultSchemaAndRoundTrips(
      String name, FormDefinition form, Path file) throws IOException {
    ResultTemplate template = templateOf(form);
    JsonNode submission = JSON.readTree(file.toFile());

    ResultData result =
        withOfficerInputs(ResultData.builder(template, form), template)
            .submission(submission)
            .receiptNumber("H27.39-261124-0001")
            .clock(CLOCK)
            .build();

    byte[] json = result.toJson();
    assertThat(ResultSchemas.validateResult(JSON.readTree(json))).isEmpty();
    assertThat(ResultData.parse(json)).isEqualTo(result);
    assertThat(ResultData.parse(json).toJson()).isEqualTo(json);
    assertThat(result.procedureCode()).isEqualTo(form.procedureCode());
    assertThat(result.subject()).isNotBlank();
    assertThat(result.data()).isNotEmpty();
  }

  @Test
  void build_birthSample_givesTheDocumentedResultJson() throws IOException {
    FormDefinition form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
    ResultTemplate template = ResultTemplates.builtIn("birth-certificate").orElseThrow();

    ResultData result =
        ResultData.builder(template, form)
            .submission(sample("birth-registration", "valid-both-parents.json"))
            .officerInput("registrationNumber", "125/2026")
            .officerInput("childPersonalId", "066226001234")
            .officerInput("signerName", "Lê Văn Nam")
            .receiptNumber("H27.39-261124-0001")
            .clock(CLOCK)
            .issuer(
                new ResultTemplate.Agency(
                    LocalizedText.of("Ủy ban nhân dân xã Hòa Phú"), "000.39.27.H27"))
            .provenance(Map.of("/mother/fullName", "population"))
            .build();

    assertThat(result.issueDate()).hasToString("2026-11-24");
    assertThat(result.subject()).isEqualTo("066226001234");
    assertThat(result.data()).doesNotContainKey("registrationBook");
    assertThat(result.provenance())
        .containsEntry("motherFullName", "population")
        .containsEntry("childFullName", "applicant")
        .containsEntry("childPersonalId", "officer");
    String json = new String(result.toJson(), StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith(
            "{\"$schema\":\"https://onceform.dev/schema/result/1.0\",\"data\":{\"applicantFullName\":"
                + "\"Nguyễn Thị Hường\",\"applicantRelationship\":\"mother\",\"childDateOfBirth\":"
                + "\"2026-10-05\",")
        .contains(
            "\"form\":{\"id\":\"birth-registration\",\"version\":\"1.0.0\"},"
                + "\"issueDate\":\"2026-11-24\",\"issuedAt\":\"2026-11-24T02:30:15+07:00\","
                + "\"issuer\":{\"code\":\"000.39.27.H27\",\"name\":{\"vi\":\"Ủy ban nhân dân xã"
                + " Hòa Phú\"}},\"procedureCode\":\"1.001193\"")
        .contains("\"receiptNumber\":\"H27.39-261124-0001\",\"subject\":\"066226001234\"")
        .endsWith(
            "\"template\":{\"id\":\"birth-certificate\",\"version\":\"1.0.0\"},"
                + "\"title\":{\"en\":\"Birth registration extract\",\"vi\":\"TRÍCH LỤC KHAI SINH\"}}");
  }

  @Test
  void build_tablesAndComputedValues_comeFromTheSubmission() throws IOException {
    FormDefinition form =
        SampleForms.get("permanent-residence-registration", "1.0.0").orElseThrow();
    ResultTemplate template =
        ResultTemplates.builtIn("residence-registration-notice").orElseThrow();
    JsonNode submission =
        sample("permanent-residence-registration", "valid-rented-home-with-family.json");

    ResultData result =
        withOfficerInputs(ResultData.builder(template, form), template)
            .submission(submission)
            .receiptNumber("R-1")
            .clock(CLOCK)
            .build();

    assertThat(result.value("members").orElseThrow()).hasSize(submission.path("members").size());
    assertThat(result.value("members").orElseThrow().get(0).path("fullName").asText())
        .isEqualTo(submission.at("/members/0/fullName").asText());
    assertThat(result.value("outcome").orElseThrow().asText())
        .isEqualTo("Đã đăng ký thường trú tại " + submission.at("/newResidence/address").asText());
    assertThat(result.provenance()).isEmpty();
  }

  @Test
  void toJson_sameInputsAndClock_sameBytes() throws IOException {
    FormDefinition form = SampleForms.get("death-registration", "1.0.0").orElseThrow();
    ResultTemplate template = ResultTemplates.builtIn("death-extract").orElseThrow();
    JsonNode submission = sample("death-registration", "valid-with-funeral-allowance.json");

    byte[] first = build(form, template, submission).toJson();
    byte[] second = build(form, template, submission.deepCopy()).toJson();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void build_templateOfAnotherForm_isWrongForm() throws IOException {
    FormDefinition form = SampleForms.get("death-registration", "1.0.0").orElseThrow();
    ResultTemplate template = ResultTemplates.builtIn("birth-certificate").orElseThrow();

    assertThatThrownBy(
            () ->
                build(
                    form,
                    template,
                    sample("death-registration", "valid-with-funeral-allowance.json")))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-111")
        .hasMessageContaining(
            "template birth-certificate is for form 'birth-registration', not 'death-registration'");
  }

  @Test
  void build_missingAndUnknownOfficerInputs_areNamed() throws IOException {
    FormDefinition form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
    ResultTemplate template = ResultTemplates.builtIn("birth-certificate").orElseThrow();

    assertThatThrownBy(
            () ->
                ResultData.builder(template, form)
                    .submission(sample("birth-registration", "valid-mother-only.json"))
                    .officerInput("registrationNumber", "1")
                    .officerInput("decisionNumber", "2")
                    .receiptNumber("R-1")
                    .clock(CLOCK)
                    .build())
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-112")
        .hasMessageContaining(
            "template birth-certificate needs the officer inputs [childPersonalId, signerName] and"
                + " has no officer inputs [decisionNumber]");
  }

  @Test
  void build_subjectWithoutValue_isNoSubject() throws IOException {
    FormDefinition form = SampleForms.get("marital-status-confirmation", "1.0.0").orElseThrow();
    ResultTemplate template = ResultTemplates.builtIn("marital-status-certificate").orElseThrow();
    ObjectNode submission =
        (ObjectNode) sample("marital-status-confirmation", "valid-divorced-for-a-loan.json");
    ((ObjectNode) submission.path("applicant")).remove("personalId");

    assertThatThrownBy(() -> build(form, template, submission))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-113")
        .hasMessageContaining("the subject field 'personalId' has no value");
  }

  @Test
  void build_withoutReceiptNumberAndClock_isIncomplete() throws IOException {
    FormDefinition form = SampleForms.get("birth-registration", "1.0.0").orElseThrow();
    ResultTemplate template = ResultTemplates.builtIn("birth-certificate").orElseThrow();

    assertThatThrownBy(
            () ->
                ResultData.builder(template, form)
                    .submission(sample("birth-registration", "valid-mother-only.json"))
                    .build())
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-115")
        .hasMessageContaining("missing: receiptNumber, clock");
  }

  @Test
  void parse_notAResult_isInvalidResult() {
    assertThatThrownBy(() -> ResultData.parse("{\"data\":{}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-116")
        .hasMessageContaining("result.json breaks https://onceform.dev/schema/result/1.0");
    assertThatThrownBy(() -> ResultData.parse("{".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-116");
  }

  private static ResultData build(
      FormDefinition form, ResultTemplate template, JsonNode submission) {
    return withOfficerInputs(ResultData.builder(template, form), template)
        .submission(submission)
        .receiptNumber("H27.39-261124-0001")
        .clock(CLOCK)
        .build();
  }

  /** Gives every officer input of a template a plausible value. */
  static ResultData.Builder withOfficerInputs(ResultData.Builder builder, ResultTemplate template) {
    for (ResultTemplate.ResultField field : template.officerInputs()) {
      String value =
          switch (field.format()) {
            case DATE -> "2026-11-24";
            default ->
                field.id().equals("childPersonalId") ? "066226001234" : "Giá trị " + field.id();
          };
      builder.officerInput(((FieldSource.Officer) field.source()).name(), value);
    }
    return builder;
  }

  static ResultTemplate templateOf(FormDefinition form) {
    return ResultTemplates.builtIn(form.schema().path("x-form").path("result").asText())
        .orElseThrow();
  }

  static JsonNode sample(String formId, String name) throws IOException {
    return JSON.readTree(
        projectRoot()
            .resolve("forms-schema/src/test/resources/samples")
            .resolve(formId)
            .resolve("1.0.0")
            .resolve(name)
            .toFile());
  }

  static Path projectRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("forms-schema"))) {
        return d;
      }
    }
    throw new IllegalStateException(
        "no OnceForm project root above " + Path.of("").toAbsolutePath());
  }
}
