package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FormLinterTest {
  private static final Path DIR = Path.of("src/test/resources/lint");

  @TempDir Path temp;

  /** A form header the meta-schema accepts, for forms written inline. */
  private static final String HEADER =
      "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"type\": \"object\","
          + " \"x-form\": {\"id\": \"f\", \"version\": \"1.0.0\", \"procedureCode\": \"1.000001\","
          + " \"title\": {\"vi\": \"T\"}, \"level\": \"commune\", \"result\": \"receipt\"},\n";

  private static FormLinter.Builder linter() {
    return FormLinter.builder();
  }

  private static LintReport lint(String name) {
    return linter().build().lint(DIR.resolve(name));
  }

  /** Asserts the report holds exactly one finding and returns it. */
  private static LintFinding only(LintReport report) {
    assertThat(report.findings()).hasSize(1);
    return report.findings().get(0);
  }

  private static String sample(String resource) throws IOException {
    try (InputStream in = SampleForms.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void lint_cleanForm_findsNothingAndCountsCoverage() {
    LintReport report = lint("clean.json");

    assertThat(report.findings()).isEmpty();
    assertThat(report.hasErrors()).isFalse();
    PrefillCoverage coverage = report.coverage().get(0);
    assertThat(coverage.form()).isEqualTo("lint-test@1.0.0");
    assertThat(coverage.file()).isEqualTo(DIR.resolve("clean.json").toString());
    // 7 leaf fields; greeting is computed and reference hidden, so 5 are citizen-entered, and
    // personalId, fullName and ethnicity have bindings.
    assertThat(coverage.citizenEntered()).isEqualTo(5);
    assertThat(coverage.fillable()).isEqualTo(3);
    assertThat(coverage.unfilled())
        .containsExactly("/applicant/hasSpouse", "/applicant/spouseName");
    assertThat(coverage.percent()).isEqualTo(60);
    assertThat(coverage).hasToString("lint-test@1.0.0: prefill coverage 3/5 leaf fields (60%)");
  }

  @Test
  void lint_bundledBirthRegistration_isClean() throws IOException {
    String json = sample("forms/birth-registration-0.1.0.json");

    LintReport report = linter().build().lint(json, "birth-registration-0.1.0.json");

    assertThat(report.findings()).isEmpty();
    assertThat(report.coverage())
        .extracting(PrefillCoverage::fillable, PrefillCoverage::citizenEntered)
        .containsExactly(tuple(13, 23));
  }

  static List<String> sampleForms() {
    return SampleForms.all().stream().map(FormDefinition::toString).toList();
  }

  @ParameterizedTest
  @MethodSource("sampleForms")
  void lint_everySampleForm_isClean(String idAtVersion) {
    String[] parts = idAtVersion.split("@");
    FormDefinition form = SampleForms.get(parts[0], parts[1]).orElseThrow();

    LintReport report = linter().build().lint(form.schema().toPrettyString(), idAtVersion);

    assertThat(report.findings()).isEmpty();
    assertThat(report.coverage()).extracting(PrefillCoverage::form).containsExactly(idAtVersion);
  }

  @Test
  void lint_allSampleFormsTogether_haveNoVersionProblems(@TempDir Path forms) throws IOException {
    List<Path> files = new ArrayList<>();
    for (FormDefinition form : SampleForms.all()) {
      files.add(Files.writeString(forms.resolve(form + ".json"), form.schema().toPrettyString()));
    }

    LintReport report = linter().build().lint(files);

    assertThat(report.findings()).isEmpty();
    assertThat(report.coverage()).hasSize(files.size());
  }

  @Test
  void lint_conditionsAndRefinements_needNoLabels_butAConditionalNewFieldDoes() {
    LintReport report = lint("conditional.json");

    // "if" tests married, "then" refines spouseName: neither declares a field. "then" also
    // declares marriageDate, which needs a label; rules may read home.commune through the $ref.
    assertThat(report.findings())
        .extracting(LintFinding::code, LintFinding::pointer, LintFinding::line)
        .containsExactly(tuple("label.missing-vi", "/then/properties/marriageDate", 36));
  }

  @Test
  void lint_invalidJson_reportsParserPosition() {
    LintFinding finding = only(lint("invalid-json.json"));

    assertThat(finding.code()).isEqualTo("json.invalid");
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.line()).isEqualTo(5);
    assertThat(finding.column()).isEqualTo(3);
    assertThat(finding.message()).contains("comma");
  }

  @Test
  void lint_notUtf8_reportsJsonInvalidAtTheByte() throws IOException {
    byte[] bytes = "{\n  \"a\": \"x\u00e9\"\n}".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(temp.resolve("latin1.json"), bytes);

    LintFinding finding = only(linter().build().lint(file));

    assertThat(finding.code()).isEqualTo("json.invalid");
    assertThat(finding.line()).isEqualTo(2);
    assertThat(finding.column()).isEqualTo(10);
    assertThat(finding.hint()).contains("UTF-8");
  }

  @Test
  void lint_emptyText_reportsJsonInvalidAtStart() {
    LintFinding finding = only(linter().build().lint("  \n", "empty.json"));

    assertThat(finding.code()).isEqualTo("json.invalid");
    assertThat(finding.line()).isEqualTo(1);
    assertThat(finding.column()).isEqualTo(1);
  }

  @Test
  void lint_duplicateKey_reportsJsonInvalid() {
    LintFinding finding =
        only(
            linter()
                .build()
                .lint("{\n  \"type\": \"object\",\n  \"type\": \"string\"\n}", "d.json"));

    assertThat(finding.code()).isEqualTo("json.invalid");
    assertThat(finding.line()).isEqualTo(3);
    assertThat(finding.message()).contains("Duplicate field 'type'");
  }

  @Test
  void lint_metaSchemaViolation_reportsAtItsPointer() {
    LintFinding finding = only(lint("meta-schema.json"));

    assertThat(finding.code()).isEqualTo("meta-schema");
    assertThat(finding.line()).isEqualTo(9);
    assertThat(finding.column()).isEqualTo(7);
    assertThat(finding.pointer()).isEqualTo("/properties/name/x-widget");
    assertThat(finding.message()).contains("must be one of").contains("textarea");
    assertThat(finding.hint()).contains("enum");
  }

  @Test
  void lint_badFormId_isAMetaSchemaViolation() {
    LintFinding finding = only(lint("form-invalid.json"));

    assertThat(finding.code()).isEqualTo("meta-schema");
    assertThat(finding.pointer()).isEqualTo("/x-form/id");
    assertThat(finding.line()).isEqualTo(4);
  }

  @Test
  void lint_metaSchemaAndSpecificCheckOnOnePointer_reportsOnlyTheSpecificFinding() {
    LintReport report = lint("label-missing-vi.json");

    assertThat(report.findings()).extracting(LintFinding::code).doesNotContain("meta-schema");
  }

  @Test
  void lint_remoteRef_reportsRefRemote() {
    LintFinding finding = only(lint("ref-remote.json"));

    assertThat(finding.code()).isEqualTo("ref.remote");
    assertThat(finding.line()).isEqualTo(9);
    assertThat(finding.column()).isEqualTo(15);
    assertThat(finding.hint()).contains("$defs");
  }

  @Test
  void lint_localRefToNothing_reportsRefUnresolved() {
    LintFinding finding = only(lint("ref-unresolved.json"));

    assertThat(finding.code()).isEqualTo("ref.unresolved");
    assertThat(finding.line()).isEqualTo(11);
    assertThat(finding.column()).isEqualTo(15);
    assertThat(finding.message()).contains("/$defs/adress");
  }

  @Test
  void lint_unknownSource_reportsItWithSuggestion() {
    LintFinding finding = only(lint("prefill-unknown-source.json"));

    assertThat(finding.code()).isEqualTo("prefill.unknown-source");
    assertThat(finding.line()).isEqualTo(9);
    assertThat(finding.column()).isEqualTo(32);
    assertThat(finding.hint()).contains("did you mean 'population'?");
  }

  @Test
  void lint_unknownAttribute_reportsItWithSuggestion() {
    LintFinding finding = only(lint("prefill-unknown-attribute.json"));

    assertThat(finding.code()).isEqualTo("prefill.unknown-attribute");
    assertThat(finding.line()).isEqualTo(11);
    assertThat(finding.column()).isEqualTo(22);
    assertThat(finding.hint()).contains("did you mean 'fullName'?");
  }

  @Test
  void lint_attributeOfOtherType_reportsTypeMismatch() {
    LintFinding finding = only(lint("prefill-type-mismatch.json"));

    assertThat(finding.code()).isEqualTo("prefill.type-mismatch");
    assertThat(finding.line()).isEqualTo(9);
    assertThat(finding.message())
        .contains("/birthYear is of type \"integer\"")
        .contains("population.dateOfBirth gives string values of format 'date'");
  }

  @Test
  void lint_subjectNamingNoField_reportsUnknownSubject() {
    LintFinding finding = only(lint("prefill-unknown-subject.json"));

    assertThat(finding.code()).isEqualTo("prefill.unknown-subject");
    assertThat(finding.line()).isEqualTo(13);
    assertThat(finding.hint()).contains("did you mean '/motherId'?");
  }

  @Test
  void lint_unknownCodeList_reportsItWithSuggestion() {
    LintFinding finding = only(lint("codelist-unknown.json"));

    assertThat(finding.code()).isEqualTo("codelist.unknown");
    assertThat(finding.line()).isEqualTo(9);
    assertThat(finding.column()).isEqualTo(21);
    assertThat(finding.hint()).contains("did you mean 'ethnic-groups'?");
  }

  @Test
  void lint_labelWithoutVietnamese_reportsMissingViForEachField() {
    LintReport report = lint("label-missing-vi.json");

    assertThat(report.findings())
        .extracting(LintFinding::code, LintFinding::line, LintFinding::column)
        .containsExactly(tuple("label.missing-vi", 7, 7), tuple("label.missing-vi", 10, 5));
    assertThat(report.findings().get(1).message()).isEqualTo("field /phone has no x-label");
  }

  @Test
  void lint_labelNotNfc_warns() {
    String decomposed = "Ho\u0323 te\u0302n";
    String json =
        HEADER
            + "\"properties\": {\"name\": {\"x-label\": {\"vi\": \""
            + decomposed
            + "\"}, \"type\": \"string\"}}}";

    LintFinding finding = only(linter().build().lint(json, "nfc.json"));

    assertThat(finding.code()).isEqualTo("label.not-nfc");
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.line()).isEqualTo(2);
  }

  @Test
  void lint_unknownOperator_reportsRuleInvalid() {
    LintFinding finding = only(lint("rule-invalid.json"));

    assertThat(finding.code()).isEqualTo("rule.invalid");
    assertThat(finding.line()).isEqualTo(14);
    assertThat(finding.column()).isEqualTo(9);
    assertThat(finding.message()).contains("unknown JSON Logic operator 'equals'");
  }

  @Test
  void lint_textRule_reportsRuleInvalid() {
    String json =
        HEADER
            + "\"properties\": {\"a\": {\"x-label\": {\"vi\": \"A\"}, \"type\": \"string\",\n"
            + "  \"x-visible-if\": \"b == 1\"}}}";

    LintFinding finding = only(linter().build().lint(json, "text-rule.json"));

    assertThat(finding.code()).isEqualTo("rule.invalid");
    assertThat(finding.line()).isEqualTo(3);
    assertThat(finding.column()).isEqualTo(19);
  }

  @Test
  void lint_wrongArity_reportsRuleInvalid() {
    String json =
        HEADER
            + "\"properties\": {\"a\": {\"x-label\": {\"vi\": \"A\"}, \"type\": \"string\",\n"
            + "  \"x-visible-if\": {\"==\": [{\"var\": \"a\"}]}}}}";

    LintFinding finding = only(linter().build().lint(json, "arity.json"));

    assertThat(finding.code()).isEqualTo("rule.invalid");
    assertThat(finding.message()).contains("== takes 2 arguments, not 1");
  }

  @Test
  void lint_ruleReadingMissingField_reportsUnknownField() {
    LintFinding finding = only(lint("rule-unknown-field.json"));

    assertThat(finding.code()).isEqualTo("rule.unknown-field");
    assertThat(finding.line()).isEqualTo(17);
    assertThat(finding.column()).isEqualTo(45);
    assertThat(finding.message()).contains("/applicant/maried");
    assertThat(finding.hint()).contains("did you mean 'applicant.married'?");
  }

  @Test
  void lint_requiredFieldHiddenByRule_reportsRequiredHidden() {
    LintFinding finding = only(lint("required-hidden.json"));

    assertThat(finding.code()).isEqualTo("required.hidden");
    assertThat(finding.line()).isEqualTo(14);
    assertThat(finding.column()).isEqualTo(7);
    assertThat(finding.message()).contains("/spouseName");
  }

  @Test
  void lint_requiredFieldHiddenByRule_withDefault_isFine() throws IOException {
    String json =
        Files.readString(DIR.resolve("required-hidden.json"))
            .replace("\"type\": \"string\",", "\"type\": \"string\", \"default\": \"\",");

    assertThat(linter().build().lint(json, "with-default.json").findings()).isEmpty();
  }

  @Test
  void lint_duplicateOrder_warns() {
    LintReport report = lint("order-duplicate.json");

    LintFinding finding = only(report);
    assertThat(finding.code()).isEqualTo("order.duplicate");
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.line()).isEqualTo(14);
    assertThat(finding.column()).isEqualTo(18);
    assertThat(finding.message()).contains("'name'");
    assertThat(report.hasErrors()).isFalse();
  }

  @Test
  void lint_notAFormForAReasonNoCheckNames_reportsFormInvalid() {
    // The meta-schema reports a bad id first; without it the loader's own check still speaks.
    LintFinding finding =
        only(linter().metaSchema(root -> List.of()).build().lint(DIR.resolve("form-invalid.json")));

    assertThat(finding.code()).isEqualTo("form.invalid");
    assertThat(finding.line()).isEqualTo(4);
    assertThat(finding.column()).isEqualTo(5);
    assertThat(finding.hint()).contains("OF-FORM-102");
    assertThat(lint("form-invalid.json").coverage()).isEmpty();
  }

  @Test
  void lint_missingFile_reportsUnreadableWithoutPosition() {
    Path missing = temp.resolve("missing.json");

    LintReport report = linter().build().lint(missing);

    LintFinding finding = only(report);
    assertThat(finding.code()).isEqualTo("io.unreadable");
    assertThat(finding.line()).isZero();
    assertThat(finding).hasToString(missing + ": error io.unreadable: file not found");
    assertThat(report.hasUnreadableInput()).isTrue();
  }

  @Test
  void lint_breakingChangeWithMinorBump_reportsVersionBreaking() {
    LintReport report =
        linter()
            .build()
            .lint(
                DIR.resolve("versions/broken-1.1.0.json"),
                DIR.resolve("versions/broken-1.0.0.json"));

    LintFinding finding = only(report);
    assertThat(finding.code()).isEqualTo("version.breaking");
    assertThat(finding.file()).endsWith("broken-1.1.0.json");
    assertThat(finding.line()).isEqualTo(5);
    assertThat(finding.column()).isEqualTo(16);
    assertThat(finding.message()).contains("1.0.0 -> 1.1.0").contains("/phone FIELD_ADDED");
    assertThat(finding.hint()).contains("2.0.0");
  }

  @Test
  void lint_breakingChangeWithMajorBump_isFine() {
    LintReport report =
        linter()
            .build()
            .lint(
                DIR.resolve("versions/broken-1.1.0.json"),
                DIR.resolve("versions/broken-2.0.0.json"));

    // 1.1.0 itself is only checked against what comes before it, which is not given here.
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void lint_previousVersion_isComparedWithoutBeingLinted() {
    FormDefinition published = FormDefinition.load(DIR.resolve("versions/broken-1.0.0.json"));

    LintReport report =
        linter()
            .previousVersions(List.of(published))
            .build()
            .lint(DIR.resolve("versions/broken-1.1.0.json"));

    assertThat(report.findings()).extracting(LintFinding::code).containsExactly("version.breaking");
    assertThat(report.coverage()).extracting(PrefillCoverage::form).containsExactly("broken@1.1.0");
  }

  @Test
  void lint_changedFormWithSameVersion_reportsVersionUnchanged() throws IOException {
    FormDefinition published = FormDefinition.load(DIR.resolve("versions/broken-1.0.0.json"));
    String edited =
        Files.readString(DIR.resolve("versions/broken-1.0.0.json"))
            .replace("\"type\": \"string\"", "\"type\": \"string\", \"maxLength\": 10");

    LintReport report =
        linter().previousVersions(List.of(published)).build().lint(edited, "edited.json");

    assertThat(only(report).code()).isEqualTo("version.unchanged");
  }

  @Test
  void lint_severalFiles_sortsFindingsByFileLineColumn() {
    LintReport report =
        linter()
            .build()
            .lint(DIR.resolve("order-duplicate.json"), DIR.resolve("label-missing-vi.json"));

    assertThat(report.findings())
        .extracting(f -> Path.of(f.file()).getFileName().toString(), LintFinding::line)
        .containsExactly(
            tuple("label-missing-vi.json", 7),
            tuple("label-missing-vi.json", 10),
            tuple("order-duplicate.json", 14));
  }

  @Test
  void finding_toString_isCompilerStyle() {
    LintFinding finding = only(lint("codelist-unknown.json"));

    assertThat(finding)
        .hasToString(
            DIR.resolve("codelist-unknown.json")
                + ":9:21: error codelist.unknown: code list 'ethnic-group' is unknown");
  }

  @Test
  void toBuilder_keepsSettings() {
    FormLinter linter = linter().build();

    LintReport report = linter.toBuilder().build().lint(DIR.resolve("prefill-unknown-source.json"));

    assertThat(report.findings())
        .extracting(LintFinding::code)
        .containsExactly("prefill.unknown-source");
  }
}
