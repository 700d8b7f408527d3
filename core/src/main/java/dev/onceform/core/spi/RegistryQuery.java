package dev.onceform.core.spi;

import static java.util.Objects.requireNonNull;

import dev.onceform.core.Purpose;
import java.time.Instant;
import java.util.Set;

/**
 * One request to a registry: the attributes a form needs about one person. An adapter receives
 * exactly the attributes the form binds to its source for that person, nothing more.
 *
 * <p>{@link #toString()} masks the subject's identification number.
 *
 * @param source the registry's source id, e.g. {@code population}
 * @param subjectId the person's 12-digit personal identification number
 * @param attributes the attributes to return
 * @param purpose why the data is requested
 * @param formId the id and version of the form, e.g. {@code birth-registration@0.1.0}
 * @param correlationId an id that ties this query to the prefill call, for audit and tracing
 * @param deadline when the engine stops waiting for the answer
 */
public record RegistryQuery(
    String source,
    String subjectId,
    Set<String> attributes,
    Purpose purpose,
    String formId,
    String correlationId,
    Instant deadline) {

  /** Checks the parts and copies the attribute set. */
  public RegistryQuery {
    requireNonNull(source, "source");
    requireNonNull(subjectId, "subjectId");
    attributes = Set.copyOf(attributes);
    requireNonNull(purpose, "purpose");
    requireNonNull(formId, "formId");
    requireNonNull(correlationId, "correlationId");
    requireNonNull(deadline, "deadline");
  }

  /** Returns a description with the subject's number masked. */
  @Override
  public String toString() {
    return "RegistryQuery[source="
        + source
        + ", attributes="
        + attributes
        + ", purpose="
        + purpose.code()
        + ", formId="
        + formId
        + ", correlationId="
        + correlationId
        + "]";
  }
}
