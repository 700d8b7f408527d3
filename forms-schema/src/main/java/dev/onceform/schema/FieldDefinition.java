package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One leaf field of a form: a property whose value is not an object.
 *
 * @param pointer the JSON Pointer of the field in a submission, e.g. {@code /mother/fullName}
 * @param type the JSON Schema type, e.g. {@code string}
 * @param label the field's {@code x-label}
 * @param help the field's {@code x-help}, if any
 * @param required whether the enclosing object lists the field as required
 * @param format the JSON Schema {@code format}, if any (e.g. {@code date}, {@code vn-personal-id})
 * @param codeList the {@code x-codelist} name, if any
 * @param prefill the {@code x-prefill} binding, if any
 * @param visibleIf the {@code x-visible-if} rule, if any: the field is shown only when it is true
 * @param compute the {@code x-compute} rule, if any: the field's value is computed from others
 * @param layout the {@code x-order}, {@code x-section} and {@code x-widget} hints
 */
public record FieldDefinition(
    String pointer,
    String type,
    LocalizedText label,
    Optional<LocalizedText> help,
    boolean required,
    Optional<String> format,
    Optional<String> codeList,
    Optional<PrefillBinding> prefill,
    Optional<Rule> visibleIf,
    Optional<Rule> compute,
    Layout layout) {

  /** Checks the parts. */
  public FieldDefinition {
    requireNonNull(pointer, "pointer");
    requireNonNull(type, "type");
    requireNonNull(label, "label");
    requireNonNull(help, "help");
    requireNonNull(format, "format");
    requireNonNull(codeList, "codeList");
    requireNonNull(prefill, "prefill");
    requireNonNull(visibleIf, "visibleIf");
    requireNonNull(compute, "compute");
    requireNonNull(layout, "layout");
  }
}
