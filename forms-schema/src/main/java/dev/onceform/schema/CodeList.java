package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * A named list of codes with their labels, such as {@code ethnic-groups} ("01" = "Kinh (Việt)").
 *
 * @param name the list's name as used in {@code x-codelist}
 * @param source where the list comes from, and under which licence
 * @param entries code to label, in the list's order
 */
public record CodeList(String name, String source, Map<String, LocalizedText> entries) {

  /** Checks the parts and copies the entries. */
  public CodeList {
    requireNonNull(name, "name");
    requireNonNull(source, "source");
    entries = Map.copyOf(entries);
  }

  /** Returns whether the list holds a code. */
  public boolean contains(String code) {
    return entries.containsKey(requireNonNull(code, "code"));
  }

  /** Returns the label of a code, if the list holds it. */
  public Optional<LocalizedText> label(String code) {
    return Optional.ofNullable(entries.get(requireNonNull(code, "code")));
  }
}
