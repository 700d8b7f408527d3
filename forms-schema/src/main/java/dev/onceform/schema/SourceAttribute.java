package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One attribute a registry can give, as declared in the {@link SourceCatalog}.
 *
 * @param name the attribute name used in {@code x-prefill.attribute}, e.g. {@code fullName}
 * @param type the JSON Schema type of its value: {@code string}, {@code integer}, {@code number} or
 *     {@code boolean}
 * @param format the JSON Schema format of its value, if any (e.g. {@code date}, {@code
 *     vn-personal-id})
 * @param codeList the code list its values come from, if any (e.g. {@code ethnic-groups})
 * @param description what it is, in Vietnamese and English
 * @param identifiesPerson whether the value alone identifies a person (an ID number, not a name)
 */
public record SourceAttribute(
    String name,
    String type,
    Optional<String> format,
    Optional<String> codeList,
    LocalizedText description,
    boolean identifiesPerson) {

  /** Checks the parts. */
  public SourceAttribute {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    requireNonNull(format, "format");
    requireNonNull(codeList, "codeList");
    requireNonNull(description, "description");
  }
}
