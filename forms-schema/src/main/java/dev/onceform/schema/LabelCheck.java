package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.List;

/**
 * {@code label.missing-vi}: the form's title and every property have a Vietnamese {@code x-label},
 * and every {@code x-help} has a Vietnamese text. {@code label.not-nfc} (a warning): label texts
 * are in Unicode NFC, so that the same word is always the same bytes.
 */
final class LabelCheck implements FormCheck {
  static final String MISSING_VI = "label.missing-vi";
  static final String NOT_NFC = "label.not-nfc";

  private static final String HINT =
      "give it a Vietnamese text: {\"vi\": \"...\", \"en\": \"...\"}";

  @Override
  public void check(LintedFile form) {
    JsonNode header = form.root().path("x-form");
    if (header.isObject()) {
      text(form, header.path("title"), "/x-form/title", "the form's title");
    }
    for (SchemaTree.Node node : form.tree().nodes()) {
      String what = node.field().map(f -> "field " + f).orElse("property " + node.pointer());
      if (node.declaration() && !node.schema().has("x-label")) {
        form.error(
            MISSING_VI,
            node.pointer(),
            what + " has no x-label",
            "add \"x-label\": {\"vi\": \"...\", \"en\": \"...\"}");
      } else if (node.schema().has("x-label")) {
        text(form, node.schema().get("x-label"), node.pointer() + "/x-label", "x-label of " + what);
      }
      if (node.schema().has("x-help")) {
        text(form, node.schema().get("x-help"), node.pointer() + "/x-help", "x-help of " + what);
      }
    }
  }

  private static void text(LintedFile form, JsonNode text, String at, String what) {
    JsonNode vi = text.path("vi");
    if (!vi.isTextual() || vi.asText().isBlank()) {
      form.error(MISSING_VI, at, what + " has no Vietnamese text", HINT);
    }
    for (String language : List.of("vi", "en")) {
      JsonNode value = text.path(language);
      if (value.isTextual() && !Normalizer.isNormalized(value.asText(), Normalizer.Form.NFC)) {
        form.warningAtValue(
            NOT_NFC,
            at + "/" + language,
            what
                + " ("
                + language
                + ") is not in Unicode NFC: letters are written as a base"
                + " letter plus combining marks",
            "save the text in NFC (most editors have a 'normalize' command), so it matches what"
                + " citizens type");
      }
    }
  }
}
