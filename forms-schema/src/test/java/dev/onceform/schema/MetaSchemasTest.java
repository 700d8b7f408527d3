package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.schema.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MetaSchemasTest {
  private static final String FULL_NAME = "/properties/mother/properties/fullName";
  private static final String PERSONAL_ID = "/properties/applicant/properties/personalId";

  private static ObjectNode minimalForm() throws IOException {
    try (InputStream in = MetaSchemasTest.class.getResourceAsStream("meta/minimal-form.json")) {
      return (ObjectNode) Json.read(in, "minimal-form.json");
    }
  }

  /** Sets (or, for a null value, removes) the member at {@code pointer}. */
  private static ObjectNode edit(ObjectNode form, String pointer, String json) {
    JsonPointer at = JsonPointer.compile(pointer);
    ObjectNode parent = (ObjectNode) form.at(at.head());
    String name = at.last().getMatchingProperty();
    if ("null".equals(json)) {
      parent.remove(name);
    } else {
      parent.set(name, Json.read(json, "edit"));
    }
    return form;
  }

  @Test
  void text_form_isTheShippedMetaSchema() {
    JsonNode schema = Json.read(MetaSchemas.text(MetaSchemas.FORM), "form-1.0.json");

    assertThat(schema.path("$id").asText()).isEqualTo("https://onceform.dev/schema/form/1.0");
    assertThat(schema.path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void text_sourceCatalog_isTheShippedCatalogSchema() {
    JsonNode schema = Json.read(MetaSchemas.text(MetaSchemas.SOURCE_CATALOG), "catalog");

    assertThat(schema.path("$id").asText())
        .isEqualTo("https://onceform.dev/schema/source-catalog/1.0");
  }

  @Test
  void ids_areBothSchemas() {
    assertThat(MetaSchemas.ids()).containsExactly(MetaSchemas.FORM, MetaSchemas.SOURCE_CATALOG);
  }

  @Test
  void text_unknownId_throwsNamingTheKnownIds() {
    assertThatThrownBy(() -> MetaSchemas.text("https://onceform.dev/schema/form/2.0"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-META-101")
        .hasMessageContaining("form/2.0")
        .hasMessageContaining(MetaSchemas.FORM);
  }

  @Test
  void validateForm_minimalForm_isValid() throws IOException {
    assertThat(MetaSchemas.validateForm(minimalForm())).isEmpty();
  }

  /**
   * The sample forms are valid against the meta-schema once {@code x-form.result} is present.
   * birth-registration-0.1.0 predates {@code result} (issue 3); putIfAbsent keeps this test
   * meaningful both before and after the sample names its result template.
   */
  @Test
  void validateForm_sampleForms_areValidOnceTheyNameAResultTemplate() {
    assertThat(SampleForms.ids()).isNotEmpty();
    for (String id : SampleForms.ids()) {
      ObjectNode form = (ObjectNode) SampleForms.get(id).orElseThrow().schema();
      ((ObjectNode) form.get("x-form")).putIfAbsent("result", Json.read("\"placeholder\"", id));

      assertThat(MetaSchemas.validateForm(form)).as(id).isEmpty();
    }
  }

  @Test
  void validateForm_birthRegistrationSample_lacksOnlyTheResultTemplate() {
    JsonNode form = SampleForms.get("birth-registration").orElseThrow().schema();
    List<SchemaViolation> violations = MetaSchemas.validateForm(form);
    if (form.path("x-form").has("result")) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations)
          .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
          .containsExactly(tuple("/x-form", "required"));
      assertThat(violations.get(0).message()).contains("'result' is required");
    }
  }

  private static Arguments broken(String pointer, String json, String where, String keyword) {
    return Arguments.of(pointer, json, where, keyword);
  }

  static Stream<Arguments> brokenForms() {
    String label = FULL_NAME + "/x-label";
    String prefill = FULL_NAME + "/x-prefill";
    String required = "required";
    String pattern = "pattern";
    String type = "type";
    String extra = "additionalProperties";
    String unknown = "unknownKeyword";
    return Stream.of(
        // x-label and x-help
        broken(label, "{\"en\": \"Full name\"}", label, required),
        broken(label, "{\"vi\": \"  \"}", label + "/vi", pattern),
        broken(label, "{\"vi\": \"Họ\", \"fr\": \"Nom\"}", label + "/fr", extra),
        broken(label, "\"Họ, chữ đệm, tên\"", label, type),
        broken(FULL_NAME + "/x-help", "{\"vi\": 3}", FULL_NAME + "/x-help/vi", type),
        // unknown x-* keywords
        broken(FULL_NAME + "/x-lable", "{\"vi\": \"Họ\"}", FULL_NAME + "/x-lable", unknown),
        broken(FULL_NAME + "/x-form", "{}", FULL_NAME + "/x-form", unknown),
        broken("/x-labels", "{\"vi\": \"Tờ khai\"}", "/x-labels", unknown),
        // x-prefill
        broken(prefill, "{\"source\": \"population\"}", prefill, required),
        broken(PERSONAL_ID + "/x-prefill/attribute", "null", PERSONAL_ID + "/x-prefill", required),
        broken(prefill + "/subject", "\"mother\"", prefill + "/subject", pattern),
        broken(prefill + "/lock", "\"yes\"", prefill + "/lock", type),
        broken(prefill + "/sourse", "\"population\"", prefill + "/sourse", extra),
        broken(prefill + "/source", "\"Population\"", prefill + "/source", pattern),
        // the other x-* keywords
        broken(FULL_NAME + "/x-codelist", "5", FULL_NAME + "/x-codelist", type),
        broken(
            FULL_NAME + "/x-visible-if",
            "{\"==\": [1, 1], \"!\": true}",
            FULL_NAME + "/x-visible-if",
            "maxProperties"),
        broken(FULL_NAME + "/x-compute", "{}", FULL_NAME + "/x-compute", "minProperties"),
        broken(FULL_NAME + "/x-order", "1.5", FULL_NAME + "/x-order", type),
        broken(FULL_NAME + "/x-section", "\"\"", FULL_NAME + "/x-section", "minLength"),
        broken(FULL_NAME + "/x-widget", "\"slider\"", FULL_NAME + "/x-widget", "enum"),
        broken(FULL_NAME + "/format", "12", FULL_NAME + "/format", type),
        // x-form
        broken("/x-form", "null", "", required),
        broken("/x-form/id", "\"Meta_Test\"", "/x-form/id", pattern),
        broken("/x-form/version", "\"1.0\"", "/x-form/version", pattern),
        broken("/x-form/procedureCode", "\"first\"", "/x-form/procedureCode", pattern),
        broken("/x-form/level", "\"district\"", "/x-form/level", "enum"),
        broken("/x-form/result", "null", "/x-form", required),
        broken("/x-form/title", "{\"en\": \"Test\"}", "/x-form/title", required),
        broken("/x-form/interconnected/0/title", "null", "/x-form/interconnected/0", required),
        broken("/x-form/author", "\"someone\"", "/x-form/author", extra),
        // the form root
        broken("/$schema", "\"http://json-schema.org/draft-07/schema#\"", "/$schema", "const"),
        broken("/type", "\"array\"", "/type", "const"),
        // standard JSON Schema is checked too, at every depth
        broken(FULL_NAME + "/minLength", "\"one\"", FULL_NAME + "/minLength", type),
        broken(FULL_NAME + "/pattern", "\"(\"", FULL_NAME + "/pattern", "format"),
        // every kind of subschema is checked: $defs, items
        broken(
            "/$defs/person/properties/name/x-label",
            "{}",
            "/$defs/person/properties/name/x-label",
            required),
        broken(
            "/properties/children/items/properties/name/x-widget",
            "\"wheel\"",
            "/properties/children/items/properties/name/x-widget",
            "enum"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("brokenForms")
  void validateForm_brokenForm_reportsOneViolationWithItsPointer(
      String pointer, String json, String where, String keyword) throws IOException {
    List<SchemaViolation> violations = MetaSchemas.validateForm(edit(minimalForm(), pointer, json));

    assertThat(violations)
        .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
        .containsExactly(tuple(where, keyword));
  }

  @Test
  void validateForm_missingVietnameseLabelDeepInside_namesTheLabelAndVi() throws IOException {
    ObjectNode form = edit(minimalForm(), FULL_NAME + "/x-label", "{\"en\": \"Full name\"}");

    SchemaViolation violation = MetaSchemas.validateForm(form).get(0);

    assertThat(violation.pointer()).isEqualTo(FULL_NAME + "/x-label");
    assertThat(violation.message()).contains("'vi' is required");
    assertThat(violation.toString()).startsWith(FULL_NAME + "/x-label: ");
  }

  @Test
  void validateForm_misspeltKeyword_saysWhichKeywordsExist() throws IOException {
    ObjectNode form = edit(minimalForm(), FULL_NAME + "/x-lable", "{\"vi\": \"Họ\"}");

    String message = MetaSchemas.validateForm(form).get(0).message();

    assertThat(message).contains("'x-lable' is not a OnceForm keyword").contains("x-label");
  }

  @Test
  void validateForm_xFormBelowTheRoot_saysToMoveIt() throws IOException {
    ObjectNode form = edit(minimalForm(), FULL_NAME + "/x-form", "{}");

    assertThat(MetaSchemas.validateForm(form).get(0).message()).contains("root");
  }

  @Test
  void validateForm_unknownPrefillMember_listsTheAllowedOnes() throws IOException {
    ObjectNode form = edit(minimalForm(), FULL_NAME + "/x-prefill/sourse", "\"population\"");

    assertThat(MetaSchemas.validateForm(form).get(0).message())
        .contains("'sourse' is not allowed")
        .contains("source, attribute, subject, lock");
  }

  @Test
  void validateForm_badPattern_explainsTheExpectedShape() throws IOException {
    ObjectNode form = edit(minimalForm(), "/x-form/version", "\"1.0\"");

    assertThat(MetaSchemas.validateForm(form).get(0).message())
        .contains("\"1.0\"")
        .contains("semantic version such as 1.2.0");
  }

  @Test
  void validateForm_jsonLogicWithTwoOperators_explainsJsonLogic() throws IOException {
    ObjectNode form =
        edit(minimalForm(), FULL_NAME + "/x-visible-if", "{\"==\": [1, 1], \"!\": 1}");

    assertThat(MetaSchemas.validateForm(form).get(0).message()).contains("exactly one operator");
  }

  @Test
  void validateForm_jsonLogicLiterals_areAccepted() throws IOException {
    for (String literal : List.of("true", "\"text\"", "3", "[1, {\"var\": \"a\"}]")) {
      ObjectNode form = edit(minimalForm(), FULL_NAME + "/x-compute", literal);

      assertThat(MetaSchemas.validateForm(form)).as(literal).isEmpty();
    }
  }

  @Test
  void validateForm_severalProblems_reportsEach() throws IOException {
    ObjectNode form = minimalForm();
    edit(form, FULL_NAME + "/x-widget", "\"slider\"");
    edit(form, "/x-form/level", "\"district\"");

    assertThat(MetaSchemas.validateForm(form))
        .extracting(SchemaViolation::pointer)
        .containsExactlyInAnyOrder(FULL_NAME + "/x-widget", "/x-form/level");
  }

  @Test
  void validateForm_fromManyThreads_givesTheSameAnswer() throws Exception {
    ObjectNode form = edit(minimalForm(), FULL_NAME + "/x-widget", "\"slider\"");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<SchemaViolation>>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> MetaSchemas.validateForm(form)));
      }
      for (Future<List<SchemaViolation>> answer : answers) {
        assertThat(answer.get()).extracting(SchemaViolation::keyword).containsExactly("enum");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void validateCatalog_builtInCatalog_isValid() throws IOException {
    try (InputStream in = SourceCatalog.class.getResourceAsStream("catalog/sources.json")) {
      assertThat(MetaSchemas.validateCatalog(Json.read(in, "sources.json"))).isEmpty();
    }
  }

  @Test
  void validateCatalog_attributeWithoutType_reportsItsPointer() {
    JsonNode catalog =
        Json.read(
            "{\"sources\": {\"housing\": {\"name\": {\"vi\": \"Nhà ở\"}, \"local\": true,"
                + " \"attributes\": {\"owner\": {\"description\": {\"vi\": \"Chủ sở hữu\"}}}}}}",
            "catalog");

    assertThat(MetaSchemas.validateCatalog(catalog))
        .extracting(SchemaViolation::pointer, SchemaViolation::keyword)
        .containsExactly(tuple("/sources/housing/attributes/owner", "required"));
  }
}
