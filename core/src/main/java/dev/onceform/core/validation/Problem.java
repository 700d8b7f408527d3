package dev.onceform.core.validation;

import static java.util.Objects.requireNonNull;

import dev.onceform.schema.LocalizedText;

/**
 * One problem found in a submission.
 *
 * @param pointer the JSON Pointer of the offending value ({@code ""} for the whole submission); for
 *     a missing required field, the pointer the field would have
 * @param code a stable code, e.g. {@code required}, {@code format.vn-personal-id}, {@code codelist}
 * @param valueType the JSON type of the offending value ({@code string}, {@code number}, {@code
 *     object}, …, or {@code missing}); never the value itself
 * @param message a message for the citizen in Vietnamese and English
 */
public record Problem(String pointer, String code, String valueType, LocalizedText message) {

  /** Checks the parts. */
  public Problem {
    requireNonNull(pointer, "pointer");
    requireNonNull(code, "code");
    requireNonNull(valueType, "valueType");
    requireNonNull(message, "message");
  }
}
