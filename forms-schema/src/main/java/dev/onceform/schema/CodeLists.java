package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The code lists bundled with OnceForm: {@code ethnic-groups} (the 54 groups, 2008 GSO codes),
 * {@code nationalities} (ISO 3166-1 alpha-2 with Vietnamese names), {@code sex} and {@code
 * relationships}. Each file keeps its source and licence note.
 *
 * <p>Lists are read from the jar on each call to {@link #builtIn(String)}; callers that look up
 * often keep the returned {@link CodeList}, which is immutable.
 */
public final class CodeLists {
  private static final Set<String> BUILT_IN =
      Set.of("ethnic-groups", "nationalities", "sex", "relationships");

  private CodeLists() {}

  /** Returns the names of the bundled lists. */
  public static Set<String> names() {
    return BUILT_IN;
  }

  /**
   * Loads a bundled list by name.
   *
   * @return the list, or empty if no bundled list has that name
   */
  public static Optional<CodeList> builtIn(String name) {
    requireNonNull(name, "name");
    if (!BUILT_IN.contains(name)) {
      return Optional.empty();
    }
    String resource = "codelists/" + name + ".json";
    try (InputStream in = CodeLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OnceFormException(
            "OF-CODE-101", "bundled code list " + resource + " is missing from the jar");
      }
      JsonNode root = Json.read(in, resource);
      return Optional.of(new CodeList(name, sourceOf(root), entries(name, root)));
    } catch (IOException e) {
      throw new OnceFormException("OF-CODE-101", "cannot read bundled code list " + resource, e);
    }
  }

  private static Map<String, LocalizedText> entries(String name, JsonNode root) {
    Map<String, LocalizedText> entries = new LinkedHashMap<>();
    switch (name) {
      case "ethnic-groups" ->
          root.path("groups")
              .forEach(g -> entries.put(g.path("code").asText(), label(g, "name", "")));
      case "nationalities" ->
          root.path("countries")
              .forEach(c -> entries.put(c.path("alpha2").asText(), label(c, "nameVi", "nameEn")));
      default ->
          root.path("entries")
              .forEach(e -> entries.put(e.path("code").asText(), label(e, "vi", "en")));
    }
    return entries;
  }

  private static LocalizedText label(JsonNode entry, String vi, String en) {
    String english = entry.path(en).asText("");
    return english.isEmpty()
        ? LocalizedText.of(entry.path(vi).asText())
        : LocalizedText.of(entry.path(vi).asText(), english);
  }

  private static String sourceOf(JsonNode root) {
    return root.path("source").asText("") + " Licence: " + root.path("license").asText("");
  }
}
