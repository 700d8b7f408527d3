package dev.onceform.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.LocalizedText;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.SampleForms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTemplatesTest {

  @Test
  void builtInIds_coverEverySampleFormsResult() {
    Set<String> named = new TreeSet<>();
    for (FormDefinition form : SampleForms.all()) {
      named.add(form.schema().path("x-form").path("result").asText());
    }

    assertThat(ResultTemplates.builtInIds()).containsExactlyElementsOf(named).hasSize(6);
  }

  @Test
  void builtIn_birthCertificate_hasTitleAgencyFieldsAndLayout() {
    ResultTemplate template = ResultTemplates.builtIn("birth-certificate").orElseThrow();

    assertThat(template.title())
        .isEqualTo(LocalizedText.of("TRÍCH LỤC KHAI SINH", "Birth registration extract"));
    assertThat(template.form()).isEqualTo("birth-registration");
    assertThat(template.agency().code()).isEqualTo("H27.39");
    assertThat(template.subject()).isEqualTo("childPersonalId");
    assertThat(template.number()).contains("registrationNumber");
    assertThat(template.field("childDateOfBirth").orElseThrow())
        .satisfies(
            f -> {
              assertThat(f.source()).isEqualTo(new FieldSource.Submission("/child/dateOfBirth"));
              assertThat(f.format()).isEqualTo(ValueFormat.DATE);
            });
    assertThat(template.officerInputs())
        .extracting(ResultTemplate.ResultField::id)
        .containsExactly("registrationNumber", "registrationBook", "childPersonalId", "signerName");
    assertThat(template.layout().get(template.layout().size() - 1))
        .isEqualTo(
            new LayoutBlock.Signature(
                Optional.empty(),
                LocalizedText.of("NGƯỜI KÝ TRÍCH LỤC", "Signed by"),
                "civil-status-officer",
                Optional.of("signerName")));
  }

  @Test
  void builtIn_businessHousehold_hasTwoTables() {
    ResultTemplate template =
        ResultTemplates.builtIn("business-household-certificate").orElseThrow();

    assertThat(template.tables())
        .extracting(LayoutBlock.Table::id, LayoutBlock.Table::rows)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("businessLines", "/business/businessLines"),
            org.assertj.core.groups.Tuple.tuple("members", "/members"));
  }

  @Test
  void builtIn_unknownId_isEmpty() {
    assertThat(ResultTemplates.builtIn("birth-certificat")).isEmpty();
  }

  @Test
  void load_file_readsTheTemplate(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.json");
    Files.writeString(file, ResultTemplates.builtInText("death-extract"), StandardCharsets.UTF_8);

    ResultTemplate template = ResultTemplates.load(file);

    assertThat(template.id()).isEqualTo("death-extract");
    assertThat(template.source()).isEqualTo(file.toString());
  }

  @Test
  void load_missingFile_isUnreadable(@TempDir Path dir) {
    Path file = dir.resolve("none.json");

    assertThatThrownBy(() -> ResultTemplates.load(file))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-102")
        .hasMessageContaining("template file not found: " + file);
  }

  @Test
  void parse_notJson_namesLineAndColumn() {
    assertThatThrownBy(() -> ResultTemplates.parse("{\n  \"id\": ,\n}", "t.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-103")
        .hasMessageContaining("t.json:2:9: not valid JSON");
  }

  @Test
  void parse_schemaViolation_namesLineColumnAndPointer() {
    String json =
        ResultTemplates.builtInText("death-extract")
            .replace("\"format\": \"date\"", "\"format\": \"day\"");

    assertThatThrownBy(() -> ResultTemplates.parse(json, "t.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-104")
        .hasMessageContaining("t.json:" + lineOf(json, "\"day\"") + ":17 #/fields/3/format: ");
  }

  @Test
  void parse_duplicateFieldId_isInconsistent() {
    String json =
        ResultTemplates.builtInText("death-extract")
            .replace("\"id\": \"timeOfDeath\"", "\"id\": \"dateOfDeath\"");

    assertThatThrownBy(() -> ResultTemplates.parse(json, "t.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-RESULT-105")
        .hasMessageContaining("#/fields/10/id: id 'dateOfDeath' is already used at /fields/9/id");
  }

  @Test
  void parse_decomposedText_isNormalisedToNfc() {
    String json =
        ResultTemplates.builtInText("death-extract")
            .replace(
                "TRÍCH LỤC KHAI TỬ",
                java.text.Normalizer.normalize("TRÍCH LỤC KHAI TỬ", java.text.Normalizer.Form.NFD));

    assertThat(ResultTemplates.parse(json, "t.json").title().vi()).isEqualTo("TRÍCH LỤC KHAI TỬ");
  }

  static int lineOf(String text, String needle) {
    int index = text.indexOf(needle);
    return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }
}
