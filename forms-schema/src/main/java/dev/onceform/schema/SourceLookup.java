package dev.onceform.schema;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The registries the linter checks {@code x-prefill} against. */
interface SourceLookup {

  /** Returns a source by id. */
  Optional<RegistrySource> source(String id);

  /** Returns every source. */
  Collection<RegistrySource> sources();

  /** Looks sources up in a catalog. */
  static SourceLookup of(SourceCatalog catalog) {
    return new SourceLookup() {
      @Override
      public Optional<RegistrySource> source(String id) {
        return catalog.source(id);
      }

      @Override
      public Collection<RegistrySource> sources() {
        return catalog.sources();
      }
    };
  }

  /** Looks sources up in a list. */
  static SourceLookup of(List<RegistrySource> list) {
    List<RegistrySource> sources = List.copyOf(list);
    return new SourceLookup() {
      @Override
      public Optional<RegistrySource> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
      }

      @Override
      public Collection<RegistrySource> sources() {
        return sources;
      }
    };
  }
}
