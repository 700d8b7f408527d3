package dev.onceform.core.audit;

import static java.util.Objects.requireNonNull;

import dev.onceform.core.spi.RegistryAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One registry adapter call, as written to the audit trail: who was asked what, for which form and
 * purpose, and how it ended. It holds names and codes only, never the subject's identification
 * number or a returned value.
 *
 * @param time when the call ended (from the engine's clock)
 * @param correlationId the prefill's correlation id, the same for every call of one prefill and in
 *     every {@link dev.onceform.core.spi.RegistryQuery}
 * @param formId the form's id and version, e.g. {@code birth-registration@0.1.0}
 * @param purpose the purpose code, e.g. {@code birth-registration}
 * @param source the registry's source id, e.g. {@code population}
 * @param adapter the adapter's id
 * @param subject whose record was asked for, as a role: {@code applicant} or the JSON Pointer of
 *     the field that held the person's ID (e.g. {@code /mother/personalId}); never the ID itself
 * @param attributes the attribute names asked for, sorted
 * @param outcome how the call ended
 * @param duration how long the call took, from the request until the answer or the timeout
 */
public record AuditEvent(
    Instant time,
    String correlationId,
    String formId,
    String purpose,
    String source,
    String adapter,
    String subject,
    SortedSet<String> attributes,
    Outcome outcome,
    Duration duration) {

  /** How an adapter call ended. */
  public enum Outcome {
    /** The registry found the record and answered. */
    FOUND,
    /** The registry has no record for the subject. */
    NOT_FOUND,
    /** The registry refused the query (for example, for this purpose). */
    REFUSED,
    /** The registry could not be reached, failed, or the adapter threw. */
    UNAVAILABLE,
    /** The registry answered with data the adapter could not understand. */
    BAD_DATA,
    /** No answer came before the deadline (or the waiting thread was interrupted). */
    TIMEOUT,
    /** The registry was not called because its circuit breaker is open. */
    CIRCUIT_OPEN;

    /** Returns the outcome for a registry answer's status. */
    public static Outcome of(RegistryAnswer.Status status) {
      return switch (requireNonNull(status, "status")) {
        case FOUND -> FOUND;
        case NOT_FOUND -> NOT_FOUND;
        case REFUSED -> REFUSED;
        case UNAVAILABLE -> UNAVAILABLE;
        case BAD_DATA -> BAD_DATA;
      };
    }
  }

  /**
   * Checks the parts and copies the attributes into a sorted, unmodifiable set.
   *
   * @throws IllegalArgumentException if the duration is negative
   */
  public AuditEvent {
    requireNonNull(time, "time");
    requireNonNull(correlationId, "correlationId");
    requireNonNull(formId, "formId");
    requireNonNull(purpose, "purpose");
    requireNonNull(source, "source");
    requireNonNull(adapter, "adapter");
    requireNonNull(subject, "subject");
    attributes = Collections.unmodifiableSortedSet(new TreeSet<>(attributes));
    requireNonNull(outcome, "outcome");
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, but was " + duration);
    }
  }
}
