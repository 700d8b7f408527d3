package dev.onceform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.schema.FormChange.Kind;
import dev.onceform.schema.internal.Json;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FormDiffTest {
  private static final String BASE =
      """
      {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "x-form": { "id": "f", "version": "1.0.0", "title": { "vi": "Tờ khai", "en": "Form" } },
        "type": "object",
        "additionalProperties": false,
        "required": ["name"],
        "properties": {
          "name": { "x-label": { "vi": "Tên" }, "type": "string", "minLength": 1, "maxLength": 100,
                    "x-prefill": { "source": "population", "attribute": "fullName" } },
          "sex": { "x-label": { "vi": "Giới tính" }, "type": "string", "enum": ["male", "female"],
                   "x-codelist": "sex", "x-order": 1 },
          "age": { "x-label": { "vi": "Tuổi" }, "type": "integer", "minimum": 0 },
          "born": { "x-label": { "vi": "Ngày sinh" }, "type": "string", "format": "date" },
          "children": {
            "x-label": { "vi": "Con" }, "type": "array",
            "items": { "type": "object", "properties": {
              "name": { "x-label": { "vi": "Tên" }, "type": "string" } } }
          }
        }
      }
      """;

  private static ObjectNode base() {
    return (ObjectNode) Json.read(BASE, "base");
  }

  private static FormDefinition form(ObjectNode document) {
    return FormDefinition.parse(document.toString(), "test");
  }

  private static ObjectNode property(ObjectNode document, String name) {
    return (ObjectNode) document.path("properties").path(name);
  }

  /** Diffs the base form with a copy changed by {@code edit}. */
  private static FormDiff diff(Consumer<ObjectNode> edit) {
    ObjectNode changed = base();
    ((ObjectNode) changed.get("x-form")).put("version", "1.1.0");
    edit.accept(changed);
    return FormDefinition.diff(form(base()), form(changed));
  }

  private static FormChange only(FormDiff diff) {
    assertThat(diff.changes()).hasSize(1);
    return diff.changes().get(0);
  }

  @Test
  void diff_sameFormNewVersion_hasNoChanges() {
    FormDiff diff = diff(d -> {});

    assertThat(diff.changes()).isEmpty();
    assertThat(diff.compatible()).isTrue();
    assertThat(diff.from()).isEqualTo("f@1.0.0");
    assertThat(diff.to()).isEqualTo("f@1.1.0");
  }

  @Test
  void diff_optionalFieldAddedToClosedObject_isCompatible() {
    FormChange change =
        only(
            diff(
                d ->
                    ((ObjectNode) d.get("properties"))
                        .putObject("phone")
                        .put("type", "string")
                        .putObject("x-label")
                        .put("vi", "Điện thoại")));

    assertThat(change.kind()).isEqualTo(Kind.FIELD_ADDED);
    assertThat(change.field()).isEqualTo("/phone");
    assertThat(change.schemaPointer()).isEqualTo("/properties/phone");
    assertThat(change.breaking()).isFalse();
  }

  @Test
  void diff_requiredFieldAdded_isBreakingOnce() {
    FormDiff diff =
        diff(
            d -> {
              ((ObjectNode) d.get("properties"))
                  .putObject("phone")
                  .put("type", "string")
                  .putObject("x-label")
                  .put("vi", "Điện thoại");
              d.withArray("required").add("phone");
            });

    FormChange change = only(diff);
    assertThat(change.kind()).isEqualTo(Kind.FIELD_ADDED);
    assertThat(change.breaking()).isTrue();
    assertThat(change.description()).contains("required");
    assertThat(diff.compatible()).isFalse();
    assertThat(diff.breakingChanges()).containsExactly(change);
  }

  @Test
  void diff_optionalFieldAddedToOpenObject_isBreaking() {
    ObjectNode open = base();
    open.remove("additionalProperties");
    ObjectNode changed = open.deepCopy();
    ((ObjectNode) changed.get("properties"))
        .putObject("phone")
        .put("type", "string")
        .putObject("x-label")
        .put("vi", "Điện thoại");

    FormChange change = only(FormDefinition.diff(form(open), form(changed)));

    assertThat(change.kind()).isEqualTo(Kind.FIELD_ADDED);
    assertThat(change.breaking()).isTrue();
  }

  @Test
  void diff_fieldRemovedFromClosedObject_isBreaking() {
    FormChange change = only(diff(d -> ((ObjectNode) d.get("properties")).remove("age")));

    assertThat(change.kind()).isEqualTo(Kind.FIELD_REMOVED);
    assertThat(change.field()).isEqualTo("/age");
    assertThat(change.breaking()).isTrue();
  }

  @Test
  void diff_fieldRemovedFromOpenObject_isCompatible() {
    ObjectNode open = base();
    open.remove("additionalProperties");
    ObjectNode changed = open.deepCopy();
    ((ObjectNode) changed.get("properties")).remove("age");

    FormChange change = only(FormDefinition.diff(form(open), form(changed)));

    assertThat(change.kind()).isEqualTo(Kind.FIELD_REMOVED);
    assertThat(change.breaking()).isFalse();
  }

  @Test
  void diff_existingFieldBecomesRequired_isBreaking() {
    FormChange change = only(diff(d -> d.withArray("required").add("sex")));

    assertThat(change.kind()).isEqualTo(Kind.REQUIRED_ADDED);
    assertThat(change.field()).isEqualTo("/sex");
    assertThat(change.schemaPointer()).isEqualTo("/required");
    assertThat(change.breaking()).isTrue();
  }

  @Test
  void diff_fieldNoLongerRequired_isCompatible() {
    FormChange change = only(diff(d -> d.remove("required")));

    assertThat(change.kind()).isEqualTo(Kind.REQUIRED_REMOVED);
    assertThat(change.field()).isEqualTo("/name");
    assertThat(change.breaking()).isFalse();
  }

  @Test
  void diff_typeWidenedOrChanged() {
    FormChange widened = only(diff(d -> property(d, "age").put("type", "number")));
    FormChange changed = only(diff(d -> property(d, "age").put("type", "string")));
    FormChange union =
        only(diff(d -> property(d, "age").putArray("type").add("integer").add("null")));

    assertThat(widened.kind()).isEqualTo(Kind.TYPE_CHANGED);
    assertThat(widened.breaking()).isFalse();
    assertThat(changed.breaking()).isTrue();
    assertThat(union.breaking()).isFalse();
  }

  @Test
  void diff_enumNarrowed_isBreakingAndNamesTheValue() {
    FormChange change = only(diff(d -> property(d, "sex").putArray("enum").add("male")));

    assertThat(change.kind()).isEqualTo(Kind.ENUM_NARROWED);
    assertThat(change.schemaPointer()).isEqualTo("/properties/sex/enum");
    assertThat(change.breaking()).isTrue();
    assertThat(change.description()).contains("\"female\"");
  }

  @Test
  void diff_enumWidenedOrRemoved_isCompatible() {
    FormChange widened = only(diff(d -> property(d, "sex").withArray("enum").add("unknown")));
    FormChange removed = only(diff(d -> property(d, "sex").remove("enum")));

    assertThat(widened.kind()).isEqualTo(Kind.ENUM_WIDENED);
    assertThat(widened.breaking()).isFalse();
    assertThat(removed.kind()).isEqualTo(Kind.ENUM_WIDENED);
    assertThat(removed.breaking()).isFalse();
  }

  @Test
  void diff_constAdded_isNarrowing() {
    FormChange change = only(diff(d -> property(d, "sex").put("const", "male")));

    assertThat(change.kind()).isEqualTo(Kind.ENUM_NARROWED);
    assertThat(change.breaking()).isTrue();
  }

  @Test
  void diff_constraints_tightenedOrLoosened() {
    FormChange shorter = only(diff(d -> property(d, "name").put("maxLength", 50)));
    FormChange longer = only(diff(d -> property(d, "name").put("maxLength", 200)));
    FormChange higherMinimum = only(diff(d -> property(d, "age").put("minimum", 18)));
    FormChange newMaximum = only(diff(d -> property(d, "age").put("maximum", 150)));
    FormChange noMinLength = only(diff(d -> property(d, "name").remove("minLength")));
    FormChange pattern = only(diff(d -> property(d, "name").put("pattern", "^[A-Z]")));

    assertThat(shorter.kind()).isEqualTo(Kind.CONSTRAINT_TIGHTENED);
    assertThat(shorter.breaking()).isTrue();
    assertThat(longer.kind()).isEqualTo(Kind.CONSTRAINT_LOOSENED);
    assertThat(longer.breaking()).isFalse();
    assertThat(higherMinimum.breaking()).isTrue();
    assertThat(newMaximum.breaking()).isTrue();
    assertThat(noMinLength.breaking()).isFalse();
    assertThat(pattern.kind()).isEqualTo(Kind.CONSTRAINT_TIGHTENED);
    assertThat(pattern.breaking()).isTrue();
  }

  @Test
  void diff_formatChanged_isBreaking_removed_isCompatible() {
    FormChange changed = only(diff(d -> property(d, "born").put("format", "date-time")));
    FormChange removed = only(diff(d -> property(d, "born").remove("format")));

    assertThat(changed.kind()).isEqualTo(Kind.FORMAT_CHANGED);
    assertThat(changed.breaking()).isTrue();
    assertThat(removed.kind()).isEqualTo(Kind.FORMAT_CHANGED);
    assertThat(removed.breaking()).isFalse();
  }

  @Test
  void diff_codeListChanged_isBreaking() {
    FormChange change = only(diff(d -> property(d, "sex").put("x-codelist", "relationships")));

    assertThat(change.kind()).isEqualTo(Kind.CODELIST_CHANGED);
    assertThat(change.field()).isEqualTo("/sex");
    assertThat(change.breaking()).isTrue();
  }

  @Test
  void diff_labelsPrefillAndLayout_areCompatible() {
    FormDiff diff =
        diff(
            d -> {
              ((ObjectNode) property(d, "name").get("x-label")).put("en", "Name");
              ((ObjectNode) property(d, "name").get("x-prefill")).put("lock", true);
              property(d, "sex").put("x-order", 2).put("x-widget", "radio");
              ((ObjectNode) d.get("x-form").get("title")).put("en", "Declaration");
              d.put("description", "A form.");
            });

    assertThat(diff.changes())
        .extracting(FormChange::kind, FormChange::field)
        .containsExactlyInAnyOrder(
            tuple(Kind.LABEL_CHANGED, "/name"),
            tuple(Kind.PREFILL_CHANGED, "/name"),
            tuple(Kind.LAYOUT_CHANGED, "/sex"),
            tuple(Kind.LAYOUT_CHANGED, "/sex"),
            tuple(Kind.LABEL_CHANGED, ""),
            tuple(Kind.ANNOTATION_CHANGED, ""));
    assertThat(diff.compatible()).isTrue();
  }

  @Test
  void diff_rules_areCompatible() {
    FormChange visible =
        only(diff(d -> property(d, "age").putObject("x-visible-if").put("var", "name")));
    FormChange compute =
        only(diff(d -> property(d, "age").putObject("x-compute").put("var", "name")));

    assertThat(visible.kind()).isEqualTo(Kind.RULE_CHANGED);
    assertThat(visible.breaking()).isFalse();
    assertThat(compute.kind()).isEqualTo(Kind.RULE_CHANGED);
    assertThat(compute.breaking()).isFalse();
  }

  @Test
  void diff_unknownOrUnprovableKeyword_isBreaking() {
    FormChange oneOf =
        only(diff(d -> property(d, "age").putArray("oneOf").addObject().put("minimum", 1)));
    FormChange unknown = only(diff(d -> property(d, "age").put("x-something", true)));

    assertThat(oneOf.kind()).isEqualTo(Kind.KEYWORD_CHANGED);
    assertThat(oneOf.breaking()).isTrue();
    assertThat(unknown.kind()).isEqualTo(Kind.KEYWORD_CHANGED);
    assertThat(unknown.breaking()).isTrue();
  }

  @Test
  void diff_insideArrayItems_namesTheItemField() {
    FormChange change =
        only(
            diff(
                d ->
                    ((ObjectNode)
                            property(d, "children").path("items").path("properties").path("name"))
                        .put("maxLength", 10)));

    assertThat(change.field()).isEqualTo("/children/*/name");
    assertThat(change.schemaPointer())
        .isEqualTo("/properties/children/items/properties/name/maxLength");
    assertThat(change.breaking()).isTrue();
  }

  @Test
  void diff_differentForms_isAnError() {
    ObjectNode other = base();
    ((ObjectNode) other.get("x-form")).put("id", "other");

    assertThatThrownBy(() -> FormDefinition.diff(form(base()), form(other)))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-DIFF-101")
        .hasMessageContaining("'f'")
        .hasMessageContaining("'other'");
  }
}
