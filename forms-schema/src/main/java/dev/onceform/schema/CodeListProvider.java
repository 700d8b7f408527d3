package dev.onceform.schema;

import java.util.Optional;
import java.util.Set;

/**
 * A source of code lists, such as an agency's own list of fee categories. Register one with the
 * {@link java.util.ServiceLoader} (a {@code provides dev.onceform.schema.CodeListProvider} clause,
 * or {@code META-INF/services/dev.onceform.schema.CodeListProvider}) or pass it to {@link
 * CodeLists#compose}.
 *
 * <p>Implementations must be thread-safe and should return the same list for the same name on every
 * call; callers may cache what they get.
 */
public interface CodeListProvider {

  /** Returns the names of the lists this provider serves, as written in {@code x-codelist}. */
  Set<String> names();

  /**
   * Returns a list by name.
   *
   * @return the list, or empty if this provider has no list of that name
   */
  Optional<CodeList> find(String name);
}
