package dev.onceform.schema;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A registry a form may prefill from, such as {@code population} (the National Population
 * Database), with the attributes it can give.
 *
 * @param id the id used in {@code x-prefill.source}, e.g. {@code population}
 * @param name the registry's name in Vietnamese and English
 * @param authority the authority that manages the registry, if the catalog names it
 * @param local whether it is a local database an agency declared, not a national one
 * @param attributes attribute name to attribute, in declaration order
 */
public record RegistrySource(
    String id,
    LocalizedText name,
    Optional<LocalizedText> authority,
    boolean local,
    Map<String, SourceAttribute> attributes) {

  /** Checks the parts and copies the attributes. */
  public RegistrySource {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(authority, "authority");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** Creates a source without a named authority. */
  public RegistrySource(
      String id, LocalizedText name, boolean local, Map<String, SourceAttribute> attributes) {
    this(id, name, Optional.empty(), local, attributes);
  }

  /** Returns an attribute by name. */
  public Optional<SourceAttribute> attribute(String name) {
    return Optional.ofNullable(attributes.get(requireNonNull(name, "name")));
  }
}
