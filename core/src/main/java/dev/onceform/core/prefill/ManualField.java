package dev.onceform.core.prefill;

import static java.util.Objects.requireNonNull;

/**
 * A bound field that prefill could not fill, so the citizen fills it in.
 *
 * @param pointer the field's JSON Pointer
 * @param reason why it was not filled
 * @param detail a short explanation for logs and support, without personal data
 */
public record ManualField(String pointer, Reason reason, String detail) {

  /** Why a bound field was left for the citizen. */
  public enum Reason {
    /** No adapter is registered for the field's source, or it does not offer the attribute. */
    NO_ADAPTER,
    /** The person's identification number was not known (e.g. the mother's ID was not typed). */
    SUBJECT_UNKNOWN,
    /** The registry has no record for the person. */
    NOT_FOUND,
    /** The record exists but holds no value for the attribute. */
    NO_VALUE,
    /** The registry refused the query. */
    REFUSED,
    /** The registry failed or could not be reached. */
    UNAVAILABLE,
    /** The registry did not answer before the deadline. */
    TIMEOUT,
    /** The registry's value did not fit the field (wrong type or format) and was dropped. */
    BAD_VALUE
  }

  /** Checks the parts. */
  public ManualField {
    requireNonNull(pointer, "pointer");
    requireNonNull(reason, "reason");
    requireNonNull(detail, "detail");
  }
}
