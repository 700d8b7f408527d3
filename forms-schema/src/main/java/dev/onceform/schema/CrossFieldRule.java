package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

/**
 * One entry of an {@code x-rules} keyword: a cross-field condition that a valid submission meets.
 * When its JSON Logic {@link #rule()} is not truthy, validation reports the problem code {@code
 * rule.<id>} at {@link #pointer()} with {@link #message()}.
 *
 * @param id the rule's id, unique in the form, lower-case words joined by {@code -}
 * @param pointer the JSON Pointer of the field the problem is reported at, e.g. {@code
 *     /father/personalId}
 * @param rule the JSON Logic condition; paths are dotted from the submission root
 * @param message what the citizen must correct
 * @param scope the JSON Pointer of the object whose schema declares the rule ({@code ""} for the
 *     root); the rule is not evaluated while that object is hidden by {@code x-visible-if}
 */
public record CrossFieldRule(
    String id, String pointer, Rule rule, LocalizedText message, String scope) {

  /** Checks the parts. */
  public CrossFieldRule {
    requireNonNull(id, "id");
    requireNonNull(pointer, "pointer");
    requireNonNull(rule, "rule");
    requireNonNull(message, "message");
    requireNonNull(scope, "scope");
  }

  /** Returns the problem code of a broken rule: {@code rule.<id>}. */
  public String code() {
    return "rule." + id;
  }
}
