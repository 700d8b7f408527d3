package dev.onceform.schema;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * The registries forms may prefill from and the attributes each gives. The built-in catalog
 * declares the national registries ({@code population}, {@code civil-status}, {@code enterprise},
 * {@code judicial-records}, {@code land}, {@code tax}, {@code social-insurance}); an agency adds
 * its local databases with {@link #with(SourceCatalog)}.
 *
 * <p>A catalog is a JSON document valid against {@code
 * https://onceform.dev/schema/source-catalog/1.0}. Immutable and thread-safe.
 */
public final class SourceCatalog {
  // SKELETON: filled in by the source-catalog work.

  private SourceCatalog() {}

  /** Returns the built-in catalog of national registries. */
  public static SourceCatalog builtIn() {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Parses a catalog document.
   *
   * @param json the catalog
   * @param source a name for messages, such as the file name
   * @throws OnceFormException {@code OF-CAT-1xx} if it is not a valid catalog
   */
  public static SourceCatalog parse(String json, String source) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Loads a catalog document from a file. */
  public static SourceCatalog load(Path file) {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Returns a catalog with this catalog's sources and {@code other}'s; where both declare a source
   * id, {@code other}'s declaration wins.
   */
  public SourceCatalog with(SourceCatalog other) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Returns a source by id. */
  public Optional<RegistrySource> source(String id) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Returns every source, in declaration order. */
  public Collection<RegistrySource> sources() {
    throw new UnsupportedOperationException("not yet");
  }
}
