package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LintFinding;
import dev.onceform.schema.LintReport;
import dev.onceform.schema.SampleForms;
import dev.onceform.schema.Severity;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResultTemplateLinterTest {
  private final ResultTemplateLinter linter = ResultTemplateLinter.create();

  static Stream<FormDefinition> sampleForms() {
    return SampleForms.all().stream().filter(f -> f.version().equals("1.0.0"));
  }

  @ParameterizedTest
  @MethodSource("sampleForms")
  void lint_builtInTemplateOfEachSampleForm_isClean(FormDefinition form) {
    String id = form.schema().path("x-form").path("result").asText();

    LintReport report = linter.lint(ResultTemplates.builtInText(id), id + ".json", form);

    assertThat(report.findings()).isEmpty();
  }

  @Test
  void lint_unknownSubmissionPointer_isReportedAtTheValue() {
    String json = birth().replace("\"/child/hometown\"", "\"/child/homeTown\"");

    LintFinding finding = only(lint(json, "birth-registration"), "result.unknown-pointer");

    assertThat(position(finding)).isEqualTo(at(json, "\"/child/homeTown\""));
    assertThat(finding.pointer()).isEqualTo("/fields/8/source/submission");
    assertThat(finding.message())
        .isEqualTo("form birth-registration@1.0.0 has no field /child/homeTown");
  }

  @Test
  void lint_tableColumnNotInTheRows_isUnknownPointer() {
    String json =
        text("residence-registration-notice")
            .replace("\"pointer\": \"/relationshipToHead\"", "\"pointer\": \"/relation\"");

    LintFinding finding =
        only(lint(json, "permanent-residence-registration"), "result.unknown-pointer");

    assertThat(finding.pointer()).isEqualTo("/layout/2/table/columns/3/pointer");
    assertThat(finding.message()).isEqualTo("the elements of /members have no member /relation");
    assertThat(position(finding)).isEqualTo(at(json, "\"/relation\""));
  }

  @Test
  void lint_unknownJsonLogicOperator_isRuleInvalid() {
    String json = text("marital-status-certificate").replaceFirst("\"cat\"", "\"concat\"");

    LintFinding finding = only(lint(json, "marital-status-confirmation"), "result.rule-invalid");

    assertThat(finding.pointer()).startsWith("/fields/10/source/computed");
    assertThat(finding.message()).contains("concat");
  }

  @Test
  void lint_varOfUnknownField_isRuleUnknownField() {
    String json =
        text("residence-registration-notice")
            .replace("\"newResidence.address\"", "\"newResidence.adress\"");

    LintFinding finding =
        only(lint(json, "permanent-residence-registration"), "result.rule-unknown-field");

    assertThat(finding.message())
        .isEqualTo(
            "computed value reads 'newResidence.adress', but form permanent-residence-registration"
                + " has no such field");
    assertThat(position(finding)).isEqualTo(at(json, "\"newResidence.adress\""));
  }

  @Test
  void lint_againstAnotherForm_isFormMismatch() {
    LintReport report = lint(birth(), "death-registration");

    LintFinding finding = only(report, "result.form-mismatch");
    assertThat(finding.pointer()).isEqualTo("/form");
    assertThat(finding.message())
        .isEqualTo(
            "the template is for form 'birth-registration', but was checked against"
                + " 'death-registration'");
  }

  @Test
  void lint_officerInputUsedTwice_isOfficerDuplicate() {
    String json =
        birth().replace("\"officer\": \"signerName\"", "\"officer\": \"registrationNumber\"");

    LintFinding finding = only(lint(json, "birth-registration"), "result.officer-duplicate");

    assertThat(finding.message())
        .isEqualTo("officer input 'registrationNumber' is already the source of /fields/0");
  }

  @Test
  void lint_formatThatDoesNotFitTheField_isFormatMismatch() {
    String json =
        text("business-household-certificate")
            .replace("\"format\": \"number\"", "\"format\": \"yes-no\"");

    LintFinding finding =
        only(lint(json, "business-household-registration"), "result.format-mismatch");

    assertThat(finding.message())
        .isEqualTo("format 'yes-no' does not fit /business/capital, which is not a boolean");
  }

  @Test
  void lint_blankVietnamese_isMissingVi() {
    String json = birth().replace("\"vi\": \"Quê quán\"", "\"vi\": \" \"");

    LintFinding finding = only(lint(json, "birth-registration"), "result.missing-vi");

    assertThat(finding.pointer()).isEqualTo("/fields/8/label/vi");
    assertThat(position(finding)).isEqualTo(at(json, "\" \""));
  }

  @Test
  void lint_decomposedText_warnsNotNfc() {
    String json =
        birth().replace("Quê quán", Normalizer.normalize("Quê quán", Normalizer.Form.NFD));

    LintFinding finding = only(lint(json, "birth-registration"), "result.not-nfc");

    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.pointer()).isEqualTo("/fields/8/label/vi");
  }

  @Test
  void lint_fieldNoBlockShows_warnsUnused() {
    String json = birth().replaceAll("(?m)^\\s+\"childHometown\",\n", "");

    LintFinding finding = only(lint(json, "birth-registration"), "result.unused-field");

    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.pointer()).isEqualTo("/fields/8/id");
  }

  @Test
  void lint_sectionNamesUnknownField_isUnknownField() {
    String json = birth().replaceAll("(?m)^(\\s+)\"childHometown\",$", "$1\"childHomeTown\",");

    LintReport report = lint(json, "birth-registration");

    LintFinding finding = only(report, "result.unknown-field");
    assertThat(finding.message())
        .startsWith("'childHomeTown' is not the id of a field of this template");
  }

  @Test
  void lint_unknownMember_isSchemaFinding() {
    String json = birth().replaceFirst("\"version\"", "\"versoin\": \"1\",\n  \"version\"");

    LintReport report = lint(json, "birth-registration");

    assertThat(report.findings()).extracting(LintFinding::code).containsOnly("result.schema");
    assertThat(report.hasErrors()).isTrue();
  }

  @Test
  void lint_notJson_isJsonInvalidAtTheParserPosition() {
    LintReport report = lint("{\n  \"id\": ,\n}", "birth-registration");

    assertThat(report.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("json.invalid");
              assertThat(position(f)).isEqualTo("2:9");
            });
  }

  @Test
  void lint_missingFile_isUnreadable() {
    LintReport report =
        linter.lint(
            Path.of("no-such-template.json"), SampleForms.get("birth-registration").orElseThrow());

    assertThat(report.hasUnreadableInput()).isTrue();
  }

  private LintReport lint(String json, String formId) {
    return linter.lint(json, "t.json", SampleForms.get(formId, "1.0.0").orElseThrow());
  }

  private static String birth() {
    return text("birth-certificate");
  }

  private static String text(String id) {
    return ResultTemplates.builtInText(id);
  }

  private static LintFinding only(LintReport report, String code) {
    assertThat(report.findings()).extracting(LintFinding::code).contains(code);
    return report.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }

  private static String position(LintFinding finding) {
    return finding.line() + ":" + finding.column();
  }

  /** The line and column where a needle starts in a text. */
  private static String at(String text, String needle) {
    int index = text.indexOf(needle);
    int lineStart = text.lastIndexOf('\n', index) + 1;
    return ResultTemplatesTest.lineOf(text, needle) + ":" + (index - lineStart + 1);
  }

  @Test
  void lint_fileAgainstFormList_picksTheFormItNamesOrReportsUnknownForm(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("t.json"), birth());

    LintReport found = linter.lint(file, SampleForms.all());
    LintReport missing =
        linter.lint(file, java.util.List.of(SampleForms.get("death-registration").orElseThrow()));

    assertThat(found.findings()).isEmpty();
    LintFinding finding = only(missing, "result.unknown-form");
    assertThat(finding.message())
        .isEqualTo(
            "the template is for form 'birth-registration', which is not among the forms given");
    assertThat(position(finding)).isEqualTo(at(birth(), "\"birth-registration\""));
  }
}
