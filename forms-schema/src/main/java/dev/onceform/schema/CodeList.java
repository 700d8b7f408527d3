package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A named, versioned list of codes with their labels, such as {@code ethnic-groups} ("01" = "Kinh
 * (Việt)"). Immutable; the entries keep the list's order.
 *
 * @param name the list's name as used in {@code x-codelist}
 * @param version the list's edition: a snapshot date ({@code 2026-10-08}) or the decision or
 *     release it follows ({@code 1019/QĐ-TCTK 2008-11-12}); not blank
 * @param source where the list comes from, and under which licence
 * @param entries code to label, in the list's order
 */
public record CodeList(
    String name, String version, String source, Map<String, LocalizedText> entries) {

  /** Checks the parts and copies the entries, keeping their order. */
  public CodeList {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(source, "source");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (version.isBlank()) {
      throw new IllegalArgumentException("version of code list '" + name + "' must not be blank");
    }
    Map<String, LocalizedText> copy = new LinkedHashMap<>();
    entries.forEach(
        (code, label) -> copy.put(requireNonNull(code, "code"), requireNonNull(label, code)));
    entries = Collections.unmodifiableMap(copy);
  }

  /** Returns whether the list holds a code. Codes match exactly (case and zeros count). */
  public boolean contains(String code) {
    return entries.containsKey(requireNonNull(code, "code"));
  }

  /** Returns the label of a code, if the list holds it. */
  public Optional<LocalizedText> label(String code) {
    return Optional.ofNullable(entries.get(requireNonNull(code, "code")));
  }

  /** Returns the name, version and size, not the entries (a list may hold thousands). */
  @Override
  public String toString() {
    return "CodeList[" + name + " " + version + ", " + entries.size() + " entries]";
  }
}
