package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormDefinitionTest {

  private static FormDefinition birthRegistration() {
    return SampleForms.get("birth-registration", "0.1.0").orElseThrow();
  }

  @Test
  void sample_birthRegistration_hasIdentityAndTitle() {
    FormDefinition form = birthRegistration();

    assertThat(form.id()).isEqualTo("birth-registration");
    assertThat(form.version()).isEqualTo("0.1.0");
    assertThat(form.procedureCode()).isEqualTo("1.001193");
    assertThat(form.title().vi()).isEqualTo("Tờ khai đăng ký khai sinh");
    assertThat(form.title().in(Locale.ENGLISH)).isEqualTo("Birth registration declaration");
  }

  @Test
  void sample_birthRegistration_hasChildParentsAndApplicantSections() {
    List<String> sections = birthRegistration().sections().stream().map(Section::pointer).toList();

    assertThat(sections).containsExactly("/applicant", "/child", "/mother", "/father");
  }

  @Test
  void sample_birthRegistration_hasRequiredChildFields() {
    FormDefinition form = birthRegistration();

    assertThat(form.field("/child/fullName"))
        .get()
        .extracting(FieldDefinition::required)
        .isEqualTo(true);
    assertThat(form.field("/child/dateOfBirth").orElseThrow().format()).contains("date");
    assertThat(form.field("/child/sex").orElseThrow().codeList()).contains("sex");
    assertThat(form.field("/child/placeOfBirth")).isPresent();
  }

  @Test
  void sample_birthRegistration_parentsFieldsArePrefilledFromPopulationBySubjectPointer() {
    FormDefinition form = birthRegistration();

    for (String parent : List.of("mother", "father")) {
      for (String name :
          List.of("fullName", "dateOfBirth", "ethnicity", "nationality", "permanentAddress")) {
        PrefillBinding binding =
            form.field("/" + parent + "/" + name).orElseThrow().prefill().orElseThrow();
        assertThat(binding.source()).isEqualTo("population");
        assertThat(binding.subject()).isEqualTo("/" + parent + "/personalId");
      }
      assertThat(form.field("/" + parent + "/personalId").orElseThrow().format())
          .contains("vn-personal-id");
    }
    assertThat(form.field("/mother/fullName").orElseThrow().prefill().orElseThrow().lock())
        .isTrue();
  }

  @Test
  void sample_birthRegistration_everyFieldHasVietnameseAndEnglishLabel() {
    assertThat(birthRegistration().fields())
        .allSatisfy(
            field -> {
              assertThat(field.label().vi()).isNotBlank();
              assertThat(field.label().en()).isPresent();
            });
  }

  @Test
  void schema_returnsCopy_callerCannotChangeTheForm() {
    FormDefinition form = birthRegistration();

    ((com.fasterxml.jackson.databind.node.ObjectNode) form.schema()).remove("properties");

    assertThat(form.schema().has("properties")).isTrue();
  }

  @Test
  void parse_notJson_reportsSourceLineAndColumn() {
    assertThatThrownBy(() -> FormDefinition.parse("{\n  \"x-form\": {,\n}", "broken.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith("OF-JSON-101: broken.json:2:");
  }

  @Test
  void parse_duplicateKey_isRejected() {
    assertThatThrownBy(() -> FormDefinition.parse("{\"a\": 1, \"a\": 2}", "dup.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-JSON-101")
        .hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void parse_missingFormHeader_saysWhatToAdd() {
    assertThatThrownBy(() -> FormDefinition.parse("{\"type\": \"object\"}", "f.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-FORM-102")
        .hasMessageContaining("f.json#/x-form");
  }

  @Test
  void parse_versionNotSemantic_isRejected() {
    String json = "{\"x-form\": {\"id\": \"a\", \"version\": \"1.0\", \"title\": {\"vi\": \"A\"}}}";

    assertThatThrownBy(() -> FormDefinition.parse(json, "f.json"))
        .hasMessageContaining("OF-FORM-102")
        .hasMessageContaining("semantic version");
  }

  @Test
  void parse_fieldWithoutVietnameseLabel_namesThePointer() {
    String json =
        "{\"x-form\": {\"id\": \"a\", \"version\": \"1.0.0\", \"title\": {\"vi\": \"A\"}},"
            + " \"properties\": {\"name\": {\"type\": \"string\", \"x-label\": {\"en\": \"Name\"}}}}";

    assertThatThrownBy(() -> FormDefinition.parse(json, "f.json"))
        .hasMessageContaining("OF-FORM-103")
        .hasMessageContaining("f.json#/name/x-label");
  }

  @Test
  void parse_prefillSubjectNotPointer_isRejected() {
    String json =
        "{\"x-form\": {\"id\": \"a\", \"version\": \"1.0.0\", \"title\": {\"vi\": \"A\"}},"
            + " \"properties\": {\"name\": {\"type\": \"string\", \"x-label\": {\"vi\": \"Tên\"},"
            + " \"x-prefill\": {\"source\": \"population\", \"attribute\": \"fullName\","
            + " \"subject\": \"mother\"}}}}";

    assertThatThrownBy(() -> FormDefinition.parse(json, "f.json"))
        .hasMessageContaining("OF-FORM-104")
        .hasMessageContaining("/name/x-prefill/subject");
  }

  @Test
  void load_missingFile_saysFileNotFound(@TempDir Path dir) {
    assertThatThrownBy(() -> FormDefinition.load(dir.resolve("nope.json")))
        .hasMessageContaining("OF-FORM-106")
        .hasMessageContaining("not found");
  }

  @Test
  void load_fileWithVietnamese_keepsDiacritics(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("f.json");
    Files.writeString(
        file,
        "{\"x-form\": {\"id\": \"a\", \"version\": \"1.0.0\","
            + " \"title\": {\"vi\": \"Đăng ký thường trú\"}}}");

    assertThat(FormDefinition.load(file).title().vi()).isEqualTo("Đăng ký thường trú");
  }

  @Test
  void fields_carryRulesWithTheFieldsTheyRead() {
    FormDefinition form = SampleForms.get("judicial-record-certificate", "1.0.0").orElseThrow();

    FieldDefinition fee = form.field("/request/estimatedFee").orElseThrow();
    FieldDefinition ban = form.field("/request/positionBanConfirmation").orElseThrow();

    assertThat(fee.compute())
        .hasValueSatisfying(r -> assertThat(r.keyword()).isEqualTo("x-compute"));
    assertThat(fee.compute().orElseThrow().references()).containsExactly("/request/copies");
    assertThat(fee.visibleIf()).isEmpty();
    assertThat(ban.visibleIf().orElseThrow().references())
        .containsExactly("/request/certificateType");
    assertThat(ban.layout().widget()).contains("checkbox");
  }

  @Test
  void rule_readsPathsOfMissingAndIgnoresIteratorScopes() {
    String json =
        """
        {"x-form": {"id": "t", "version": "1.0.0", "title": {"vi": "Thử"}},
         "type": "object",
         "properties": {
           "a": {"type": "string", "x-label": {"vi": "A"}},
           "b": {"type": "array", "x-label": {"vi": "B"}, "items": {"type": "integer"}},
           "c": {"type": "boolean", "x-label": {"vi": "C"},
                 "x-visible-if": {"and": [{"missing": ["a"]},
                                          {"some": [{"var": "b"}, {">": [{"var": ""}, 1]}]}]}}}}
        """;

    Rule rule =
        FormDefinition.parse(json, "t.json").field("/c").orElseThrow().visibleIf().orElseThrow();

    assertThat(rule.references()).containsExactlyInAnyOrder("/a", "/b");
  }
}
