package dev.onceform.core.testing;

import dev.onceform.schema.FormDefinition;

/** Small inline forms for prefill tests. */
public final class TestForms {
  private TestForms() {}

  /**
   * A form {@code id@1.0.0} whose top-level properties are given as JSON members, e.g. {@code
   * "name": {...}, "age": {...}}.
   */
  public static FormDefinition form(String id, String properties) {
    String json =
        "{\"x-form\": {\"id\": \""
            + id
            + "\", \"version\": \"1.0.0\", \"title\": {\"vi\": \"Thử\"}}, \"properties\": {"
            + properties
            + "}}";
    return FormDefinition.parse(json, id + ".json");
  }

  /** One property bound to {@code source.attribute}, with extra schema keywords (or ""). */
  public static String field(String name, String type, String source, String keywords) {
    return "\""
        + name
        + "\": {\"type\": \""
        + type
        + "\", \"x-label\": {\"vi\": \""
        + name
        + "\"}, "
        + (keywords.isEmpty() ? "" : keywords + ", ")
        + "\"x-prefill\": {\"source\": \""
        + source
        + "\", \"attribute\": \""
        + name
        + "\"}}";
  }
}
