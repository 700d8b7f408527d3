package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SampleFormsTest {
  private static final Set<String> SIX_PROCEDURES =
      Set.of(
          "birth-registration",
          "death-registration",
          "judicial-record-certificate",
          "marital-status-confirmation",
          "permanent-residence-registration",
          "business-household-registration");

  static Stream<FormDefinition> forms() {
    return SampleForms.all().stream();
  }

  @Test
  void ids_areTheSixProcedures() {
    assertThat(SampleForms.ids()).containsExactlyInAnyOrderElementsOf(SIX_PROCEDURES);
  }

  @Test
  void versions_birthRegistration_hasBothVersionsOldestFirst() {
    assertThat(SampleForms.versions("birth-registration")).containsExactly("0.1.0", "1.0.0");
    assertThat(SampleForms.versions("no-such-form")).isEmpty();
  }

  @Test
  void get_byId_returnsTheLatestVersion() {
    assertThat(SampleForms.get("birth-registration").orElseThrow().version()).isEqualTo("1.0.0");
  }

  @Test
  void get_byIdAndVersion_loadsBothVersionsSideBySide() {
    FormDefinition old = SampleForms.get("birth-registration", "0.1.0").orElseThrow();
    FormDefinition current = SampleForms.get("birth-registration", "1.0.0").orElseThrow();

    assertThat(old.version()).isEqualTo("0.1.0");
    assertThat(current.version()).isEqualTo("1.0.0");
    assertThat(old.field("/residence/commune")).isEmpty();
    assertThat(current.field("/residence/commune")).isPresent();
    assertThat(old.field("/child/fullName")).isPresent();
    assertThat(current.field("/child/fullName")).isPresent();
  }

  @Test
  void get_unknownIdOrVersion_isEmpty() {
    assertThat(SampleForms.get("no-such-form")).isEmpty();
    assertThat(SampleForms.get("birth-registration", "9.9.9")).isEmpty();
  }

  @Test
  void all_hasEveryVersionOfEveryForm() {
    List<String> loaded = SampleForms.all().stream().map(FormDefinition::toString).toList();

    List<String> expected = new ArrayList<>();
    SampleForms.ids()
        .forEach(id -> SampleForms.versions(id).forEach(v -> expected.add(id + "@" + v)));
    assertThat(loaded).containsExactlyElementsOf(expected).hasSize(7);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void form_hasProcedureIdentityAndResult(FormDefinition form) {
    JsonNode header = form.schema().path("x-form");

    assertThat(form.procedureCode()).matches("[0-9]\\.[0-9]{6}");
    assertThat(header.path("level").asText()).isIn("commune", "province", "ministry");
    if (!form.version().equals("0.1.0")) {
      assertThat(header.path("result").asText()).matches("[a-z]+(-[a-z]+)*");
      assertThat(form.title().en()).isPresent();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void form_everyObjectIsClosedAndEveryPropertyLabelledInBothLanguages(FormDefinition form) {
    List<String> problems = new ArrayList<>();
    // 0.1.0 predates layout hints: it has no x-order and is kept unchanged.
    checkObject(form.schema(), "", !form.version().equals("0.1.0"), problems);

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void form_isValidAgainstTheFormMetaSchema(FormDefinition form) {
    assertThat(MetaSchemas.validateForm(form.schema())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void form_everyPrefillNamesACatalogAttributeOfTheFieldsTypeFormatAndList(FormDefinition form) {
    SourceCatalog catalog = SourceCatalog.builtIn();
    List<String> problems = new ArrayList<>();
    for (FieldDefinition field : form.fields()) {
      field
          .prefill()
          .ifPresent(
              binding -> {
                var attribute =
                    catalog.source(binding.source()).flatMap(s -> s.attribute(binding.attribute()));
                if (attribute.isEmpty()) {
                  problems.add(
                      field.pointer() + ": no " + binding.source() + "." + binding.attribute());
                } else if (!attribute.get().type().equals(field.type())
                    || !attribute.get().format().equals(field.format())
                    || !attribute.get().codeList().equals(field.codeList())) {
                  problems.add(
                      field.pointer() + ": " + attribute.get() + " does not fit the field");
                }
                if (!binding.isApplicant() && form.field(binding.subject()).isEmpty()) {
                  problems.add(field.pointer() + ": subject " + binding.subject() + " is no field");
                }
              });
    }

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void form_everyCodeListIsBundled(FormDefinition form) {
    assertThat(form.fields())
        .allSatisfy(
            f -> f.codeList().ifPresent(name -> assertThat(CodeLists.builtIn(name)).isPresent()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void form_everyCodeListIsAnAgreedName(FormDefinition form) {
    Set<String> agreed =
        Set.of(
            "admin-units-2025/province",
            "admin-units-2025/commune",
            "ethnic-groups",
            "nationalities",
            "religions",
            "sex",
            "relationships",
            "household-relationships");

    assertThat(form.fields())
        .allSatisfy(f -> f.codeList().ifPresent(name -> assertThat(agreed).contains(name)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void form_communeFieldsUseTheAdminUnitFormat(FormDefinition form) {
    assertThat(form.fields())
        .filteredOn(f -> f.codeList().filter(n -> n.startsWith("admin-units-2025/")).isPresent())
        .allSatisfy(f -> assertThat(f.format()).contains("vn-admin-unit"));
  }

  /** Walks objects (and array items) of a schema: closed, labelled, unique x-order. */
  private static void checkObject(
      JsonNode schema, String pointer, boolean ordered, List<String> problems) {
    JsonNode properties = schema.path("properties");
    if (properties.isObject()) {
      if (!schema.path("additionalProperties").isBoolean()
          || schema.path("additionalProperties").asBoolean()) {
        problems.add(pointer + ": additionalProperties is not false");
      }
      Set<Integer> orders = new HashSet<>();
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        String at = pointer + "/" + property.getKey();
        JsonNode child = property.getValue();
        if (child.path("x-label").path("vi").asText("").isBlank()
            || child.path("x-label").path("en").asText("").isBlank()) {
          problems.add(at + ": x-label needs vi and en");
        }
        if (ordered && !orders.add(child.path("x-order").asInt(-1))) {
          problems.add(at + ": x-order missing or not unique among siblings");
        }
        checkObject(child, at, ordered, problems);
      }
    }
    if (schema.path("items").isObject()) {
      checkObject(schema.path("items"), pointer + "/items", ordered, problems);
    }
  }
}
