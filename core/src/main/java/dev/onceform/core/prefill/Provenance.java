package dev.onceform.core.prefill;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a prefilled value came from.
 *
 * @param source the registry's source id, e.g. {@code population}
 * @param attribute the registry attribute, e.g. {@code fullName}
 * @param recordReference the registry's reference of the record, if it gave one
 * @param retrievedAt when the engine received the value
 * @param adapter the adapter's id and version, e.g. {@code population-in-memory/1.0}
 */
public record Provenance(
    String source,
    String attribute,
    Optional<String> recordReference,
    Instant retrievedAt,
    String adapter) {

  /** Checks the parts. */
  public Provenance {
    requireNonNull(source, "source");
    requireNonNull(attribute, "attribute");
    requireNonNull(recordReference, "recordReference");
    requireNonNull(retrievedAt, "retrievedAt");
    requireNonNull(adapter, "adapter");
  }
}
