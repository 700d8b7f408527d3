package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A top-level object of a form (for example "Mother"), with its leaf fields in document order.
 *
 * @param pointer the JSON Pointer of the section, e.g. {@code /mother}
 * @param label the section's {@code x-label}
 * @param fields the leaf fields inside the section
 */
public record Section(String pointer, LocalizedText label, List<FieldDefinition> fields) {

  /** Checks the parts and copies the list. */
  public Section {
    requireNonNull(pointer, "pointer");
    requireNonNull(label, "label");
    fields = List.copyOf(fields);
  }
}
