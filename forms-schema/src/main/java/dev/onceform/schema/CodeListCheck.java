package dev.onceform.schema;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code codelist.unknown}: every {@code x-codelist} names a list a provider serves. */
final class CodeListCheck implements FormCheck {
  static final String UNKNOWN = "codelist.unknown";

  private final CodeListProvider codeLists;

  CodeListCheck(CodeListProvider codeLists) {
    this.codeLists = codeLists;
  }

  @Override
  public void check(LintedFile form) {
    for (SchemaTree.Node node : form.tree().nodes()) {
      JsonNode name = node.schema().path("x-codelist");
      if (name.isTextual() && !codeLists.names().contains(name.asText())) {
        form.errorAtValue(
            UNKNOWN,
            node.pointer() + "/x-codelist",
            "code list '" + name.asText() + "' is unknown",
            Suggestions.hint("code list", name.asText(), codeLists.names())
                + "; an agency's own list is added with a CodeListProvider");
      }
    }
  }
}
