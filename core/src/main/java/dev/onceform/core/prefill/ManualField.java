package dev.onceform.core.prefill;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A bound field that prefill could not fill, so the citizen fills it in.
 *
 * @param pointer the field's JSON Pointer
 * @param reason why it was not filled
 * @param detail a short explanation for logs and support, without personal data
 * @param candidates codes the citizen may choose from, for {@link Reason#AMBIGUOUS_ADDRESS} the
 *     current communes that took part of the registry's pre-2025 commune; otherwise empty
 */
public record ManualField(String pointer, Reason reason, String detail, List<String> candidates) {

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
    /**
     * The registry's value did not fit the field (type, format, date, enum, code list or length)
     * and was dropped; also a registry answer of {@code BAD_DATA}.
     */
    BAD_VALUE,
    /** The source's circuit breaker is open after repeated failures, so it was not called. */
    CIRCUIT_OPEN,
    /**
     * The registry gave a pre-July-2025 commune that was split across several current communes;
     * {@link #candidates()} lists them.
     */
    AMBIGUOUS_ADDRESS,
    /** The registry gave a commune code that is neither current nor in the conversion table. */
    UNKNOWN_ADDRESS
  }

  /** Checks the parts. */
  public ManualField {
    requireNonNull(pointer, "pointer");
    requireNonNull(reason, "reason");
    requireNonNull(detail, "detail");
    candidates = List.copyOf(candidates);
  }

  /** A field left for the citizen, with no candidates to choose from. */
  public ManualField(String pointer, Reason reason, String detail) {
    this(pointer, reason, detail, List.of());
  }
}
