package dev.onceform.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small source catalog for linter tests: part of {@code population}. */
final class TestSources {
  private TestSources() {}

  static List<RegistrySource> population() {
    Map<String, SourceAttribute> attributes = new LinkedHashMap<>();
    add(attributes, "personalId", Optional.of("vn-personal-id"), Optional.empty(), true);
    add(attributes, "fullName", Optional.empty(), Optional.empty(), false);
    add(attributes, "dateOfBirth", Optional.of("date"), Optional.empty(), false);
    add(attributes, "ethnicity", Optional.empty(), Optional.of("ethnic-groups"), false);
    add(attributes, "nationality", Optional.empty(), Optional.of("nationalities"), false);
    add(attributes, "permanentAddress", Optional.empty(), Optional.empty(), false);
    return List.of(
        new RegistrySource(
            "population",
            LocalizedText.of("Cơ sở dữ liệu quốc gia về dân cư", "National Population Database"),
            false,
            attributes));
  }

  private static void add(
      Map<String, SourceAttribute> attributes,
      String name,
      Optional<String> format,
      Optional<String> codeList,
      boolean identifiesPerson) {
    attributes.put(
        name,
        new SourceAttribute(
            name, "string", format, codeList, LocalizedText.of(name, name), identifiesPerson));
  }
}
