package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placement of {@code x-not-future} and {@code x-personal-id}:
 *
 * <ul>
 *   <li>{@code not-future.misplaced}: {@code x-not-future} on a field whose format is neither
 *       {@code date} nor {@code date-time};
 *   <li>{@code personal-id.misplaced}: {@code x-personal-id} on a field whose format is not {@code
 *       vn-personal-id};
 *   <li>{@code personal-id.unknown-field}: a link to a field the form does not have;
 *   <li>{@code personal-id.wrong-field}: {@code dateOfBirth} that is not a {@code date} field, or
 *       {@code sex} that is not a field with the {@code sex} code list.
 * </ul>
 */
final class FieldKeywordCheck implements FormCheck {
  static final String NOT_FUTURE_MISPLACED = "not-future.misplaced";
  static final String PERSONAL_ID_MISPLACED = "personal-id.misplaced";
  static final String UNKNOWN_FIELD = "personal-id.unknown-field";
  static final String WRONG_FIELD = "personal-id.wrong-field";

  private static final Set<String> DATES = Set.of("date", "date-time");
  private static final int MAX_REF_DEPTH = 8;

  @Override
  public void check(LintedFile form) {
    for (SchemaTree.Node node : form.tree().nodes()) {
      JsonNode schema = node.schema();
      if (schema.has("x-not-future")) {
        String format = keyword(form, node.field().orElse(""), schema, "format");
        if (!DATES.contains(format)) {
          form.error(
              NOT_FUTURE_MISPLACED,
              node.pointer() + "/x-not-future",
              "x-not-future is on "
                  + describe(node)
                  + ", whose format is "
                  + (format.isEmpty() ? "not set" : "'" + format + "'")
                  + "; it applies to dates only",
              "put it on a string field with \"format\": \"date\" or \"date-time\"");
        }
      }
      JsonNode link = schema.get("x-personal-id");
      if (link != null && link.isObject()) {
        checkLink(form, node, link);
      }
    }
  }

  private static void checkLink(LintedFile form, SchemaTree.Node node, JsonNode link) {
    String at = node.pointer() + "/x-personal-id";
    String format = keyword(form, node.field().orElse(""), node.schema(), "format");
    if (!format.equals("vn-personal-id")) {
      form.error(
          PERSONAL_ID_MISPLACED,
          at,
          "x-personal-id is on "
              + describe(node)
              + ", whose format is "
              + (format.isEmpty() ? "not set" : "'" + format + "'")
              + "; it links a personal identification number to a date of birth and sex",
          "put it on the field with \"format\": \"vn-personal-id\"");
    }
    for (Map.Entry<String, JsonNode> member : link.properties()) {
      if (!member.getValue().isTextual()) {
        continue; // the meta-schema reports it
      }
      String target = member.getValue().asText();
      String memberAt = at + Pointers.member(member.getKey());
      if (!form.tree().fields().contains(target)) {
        form.errorAtValue(
            UNKNOWN_FIELD,
            memberAt,
            "x-personal-id "
                + member.getKey()
                + " names "
                + target
                + ", which the form does not have",
            Suggestions.hint("field", target, List.copyOf(form.tree().fields()))
                + " (an absolute JSON Pointer from the submission root)");
        continue;
      }
      boolean fits =
          member.getKey().equals("dateOfBirth")
              ? keyword(form, target, null, "format").equals("date")
              : keyword(form, target, null, "x-codelist").equals("sex");
      if (!fits) {
        form.errorAtValue(
            WRONG_FIELD,
            memberAt,
            "x-personal-id "
                + member.getKey()
                + " names "
                + target
                + (member.getKey().equals("dateOfBirth")
                    ? ", which is not a field with \"format\": \"date\""
                    : ", which is not a field with \"x-codelist\": \"sex\""),
            member.getKey().equals("dateOfBirth")
                ? "point dateOfBirth at the person's date of birth (format date)"
                : "point sex at the person's sex (x-codelist sex, values male and female)");
      }
    }
  }

  /**
   * A string keyword of a field: from {@code own} (following a local {@code $ref}), else from any
   * subschema that describes the field; empty if none has it.
   */
  private static String keyword(
      LintedFile form, String field, @org.jspecify.annotations.Nullable JsonNode own, String key) {
    if (own != null) {
      String value = resolve(form.root(), own).path(key).asText("");
      if (!value.isEmpty() || field.isEmpty()) {
        return value;
      }
    }
    for (SchemaTree.Node node : form.tree().nodes()) {
      if (node.field().filter(field::equals).isPresent()) {
        String value = resolve(form.root(), node.schema()).path(key).asText("");
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    return "";
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema) {
    JsonNode node = schema;
    for (int i = 0; i < MAX_REF_DEPTH && node.path("$ref").asText("").startsWith("#/"); i++) {
      try {
        node = root.at(node.get("$ref").asText().substring(1));
      } catch (IllegalArgumentException e) {
        return node; // RefCheck reports it
      }
    }
    return node;
  }

  private static String describe(SchemaTree.Node node) {
    return node.field().map(f -> "field " + f).orElse(node.pointer());
  }
}
