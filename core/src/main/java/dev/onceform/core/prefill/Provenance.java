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
 * @param convertedFrom the value the registry gave, when prefill converted it: a commune code of
 *     before 1 July 2025 replaced by its current successor (codes only, never personal data)
 */
public record Provenance(
    String source,
    String attribute,
    Optional<String> recordReference,
    Instant retrievedAt,
    String adapter,
    Optional<String> convertedFrom) {

  /** Checks the parts. */
  public Provenance {
    requireNonNull(source, "source");
    requireNonNull(attribute, "attribute");
    requireNonNull(recordReference, "recordReference");
    requireNonNull(retrievedAt, "retrievedAt");
    requireNonNull(adapter, "adapter");
    requireNonNull(convertedFrom, "convertedFrom");
  }

  /** Provenance of a value taken as the registry gave it (after normalisation). */
  public Provenance(
      String source,
      String attribute,
      Optional<String> recordReference,
      Instant retrievedAt,
      String adapter) {
    this(source, attribute, recordReference, retrievedAt, adapter, Optional.empty());
  }
}
