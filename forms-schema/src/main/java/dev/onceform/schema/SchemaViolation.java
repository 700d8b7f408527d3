package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

/**
 * One way a document breaks a meta-schema, as reported by {@link MetaSchemas#validateForm} and
 * {@link MetaSchemas#validateCatalog}.
 *
 * @param pointer where in the checked document, as a JSON Pointer ({@code ""} for the root), e.g.
 *     {@code /properties/mother/properties/fullName/x-label}
 * @param keyword the meta-schema keyword that failed, e.g. {@code required}, {@code pattern}, or
 *     {@code unknownKeyword} for an {@code x-*} name OnceForm does not know
 * @param message what is wrong and how to fix it, in English
 */
public record SchemaViolation(String pointer, String keyword, String message) {

  /** Checks the parts. */
  public SchemaViolation {
    requireNonNull(pointer, "pointer");
    requireNonNull(keyword, "keyword");
    requireNonNull(message, "message");
  }

  /** Returns {@code pointer: message}. */
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
