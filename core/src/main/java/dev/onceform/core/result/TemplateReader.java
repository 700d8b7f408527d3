package dev.onceform.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.LocalizedText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a template document that {@link ResultSchemas#validateTemplate} accepted into a {@link
 * ResultTemplate}, and finds the problems the schema cannot see (duplicate ids, references to
 * unknown fields).
 */
final class TemplateReader {
  static final String DUPLICATE_ID = "result.duplicate-id";
  static final String UNKNOWN_FIELD = "result.unknown-field";
  static final String MISSING_VI = "result.missing-vi";

  /** A problem at a JSON Pointer of the template document. */
  record Problem(String code, String pointer, String message, String hint) {}

  private TemplateReader() {}

  static ResultTemplate read(JsonNode root, String source) {
    List<ResultTemplate.ResultField> fields = new ArrayList<>();
    for (JsonNode field : root.path("fields")) {
      fields.add(
          new ResultTemplate.ResultField(
              field.path("id").asText(),
              text(field.path("label")),
              source(field.path("source")),
              format(field),
              field.path("optional").asBoolean(false)));
    }
    List<LayoutBlock> layout = new ArrayList<>();
    for (JsonNode block : root.path("layout")) {
      layout.add(block(block));
    }
    JsonNode agency = root.path("agency");
    return new ResultTemplate(
        root.path("id").asText(),
        root.path("version").asText(),
        root.path("form").asText(),
        text(root.path("title")),
        new ResultTemplate.Agency(text(agency.path("name")), agency.path("code").asText()),
        root.path("subject").asText(),
        optionalText(root.get("number")),
        fields,
        layout,
        source);
  }

  /** Duplicate ids and references to fields the template does not declare, in document order. */
  static List<Problem> structure(JsonNode root) {
    List<Problem> problems = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    JsonNode fields = root.path("fields");
    for (int i = 0; i < fields.size(); i++) {
      declare(fields.get(i).path("id").asText(), "/fields/" + i + "/id", ids, problems);
    }
    JsonNode layout = root.path("layout");
    for (int i = 0; i < layout.size(); i++) {
      JsonNode table = layout.get(i).get("table");
      if (table != null) {
        declare(table.path("id").asText(), "/layout/" + i + "/table/id", ids, problems);
        JsonNode columns = table.path("columns");
        Map<String, String> columnIds = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
          String at = "/layout/" + i + "/table/columns/" + c + "/id";
          declare(columns.get(c).path("id").asText(), at, columnIds, problems);
        }
      }
    }
    refer(root.get("subject"), "/subject", fields, problems);
    refer(root.get("number"), "/number", fields, problems);
    for (int i = 0; i < layout.size(); i++) {
      JsonNode section = layout.get(i).path("section").path("fields");
      for (int f = 0; f < section.size(); f++) {
        refer(section.get(f), "/layout/" + i + "/section/fields/" + f, fields, problems);
      }
      JsonNode signer = layout.get(i).path("signature").get("signerName");
      refer(signer, "/layout/" + i + "/signature/signerName", fields, problems);
    }
    blankVietnamese(root, "", problems);
    return problems;
  }

  /** Texts ({@code {"vi": ..., "en": ...}}) whose Vietnamese is blank; JSON Logic is skipped. */
  private static void blankVietnamese(JsonNode node, String pointer, List<Problem> problems) {
    if (node.isObject()) {
      JsonNode vi = node.get("vi");
      if (vi != null && vi.isTextual() && vi.asText().isBlank()) {
        problems.add(
            new Problem(
                MISSING_VI,
                pointer + "/vi",
                "the Vietnamese text is blank",
                "write the text in Vietnamese: {\"vi\": \"…\", \"en\": \"…\"}"));
      }
      node.properties()
          .forEach(
              member -> {
                if (!member.getKey().equals("computed")) {
                  String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
                  blankVietnamese(member.getValue(), at, problems);
                }
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        blankVietnamese(node.get(i), pointer + "/" + i, problems);
      }
    }
  }

  private static void declare(
      String id, String pointer, Map<String, String> ids, List<Problem> problems) {
    String first = ids.putIfAbsent(id, pointer);
    if (first != null) {
      problems.add(
          new Problem(
              DUPLICATE_ID,
              pointer,
              "id '" + id + "' is already used at " + first,
              "give every field, table and column (within its table) its own id"));
    }
  }

  private static void refer(
      @Nullable JsonNode id, String pointer, JsonNode fields, List<Problem> problems) {
    if (id == null) {
      return;
    }
    List<String> known = new ArrayList<>();
    for (JsonNode field : fields) {
      known.add(field.path("id").asText());
    }
    if (!known.contains(id.asText())) {
      problems.add(
          new Problem(
              UNKNOWN_FIELD,
              pointer,
              "'" + id.asText() + "' is not the id of a field of this template",
              "use one of the ids under /fields: " + String.join(", ", known)));
    }
  }

  private static FieldSource source(JsonNode source) {
    if (source.has("submission")) {
      return new FieldSource.Submission(source.path("submission").asText());
    }
    if (source.has("officer")) {
      return new FieldSource.Officer(source.path("officer").asText());
    }
    return new FieldSource.Computed(source.path("computed"));
  }

  private static LayoutBlock block(JsonNode block) {
    if (block.has("section")) {
      JsonNode section = block.path("section");
      List<String> ids = new ArrayList<>();
      section.path("fields").forEach(id -> ids.add(id.asText()));
      return new LayoutBlock.Section(optional(section.get("title")), ids);
    }
    if (block.has("table")) {
      JsonNode table = block.path("table");
      List<LayoutBlock.Column> columns = new ArrayList<>();
      for (JsonNode column : table.path("columns")) {
        columns.add(
            new LayoutBlock.Column(
                column.path("id").asText(),
                text(column.path("label")),
                column.path("pointer").asText(),
                format(column)));
      }
      return new LayoutBlock.Table(
          table.path("id").asText(),
          optional(table.get("title")),
          table.path("rows").asText(),
          columns);
    }
    JsonNode signature = block.path("signature");
    return new LayoutBlock.Signature(
        optional(signature.get("onBehalfOf")),
        text(signature.path("position")),
        signature.path("signerRole").asText(),
        optionalText(signature.get("signerName")));
  }

  private static ValueFormat format(JsonNode owner) {
    JsonNode format = owner.get("format");
    return format == null ? ValueFormat.TEXT : ValueFormat.ofJsonName(format.asText());
  }

  private static Optional<LocalizedText> optional(@Nullable JsonNode node) {
    return node == null ? Optional.empty() : Optional.of(text(node));
  }

  private static Optional<String> optionalText(@Nullable JsonNode node) {
    return node == null ? Optional.empty() : Optional.of(node.asText());
  }

  static LocalizedText text(JsonNode node) {
    String vi = nfc(node.path("vi").asText());
    JsonNode en = node.get("en");
    return en == null ? LocalizedText.of(vi) : LocalizedText.of(vi, nfc(en.asText()));
  }

  private static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }
}
