package dev.onceform.schema;

import java.util.Optional;
import java.util.Set;

/**
 * A source of code lists, such as an agency's own list of fee categories.
 *
 * <p>Pass a provider explicitly to {@link CodeLists#compose}, or register it for discovery by
 * {@link CodeLists#installed()}: a {@code provides dev.onceform.schema.CodeListProvider with ...}
 * clause in your {@code module-info.java}, or a line with the class name in {@code
 * META-INF/services/dev.onceform.schema.CodeListProvider} on the class path. A discovered provider
 * needs a public no-argument constructor, and may not serve a name that OnceForm bundles or another
 * installed provider serves (see {@link CodeLists#installed()}).
 *
 * <p>Contract: implementations are thread-safe and cheap to construct (load lists lazily in {@link
 * #find}); {@link #names()} is cheap and the same on every call; {@link #find} returns the same
 * list for the same name on every call, so callers may cache it. A name the provider does not serve
 * is an empty answer, not an exception.
 */
public interface CodeListProvider {

  /**
   * Returns an id for messages, such as the implementing class's name (the default).
   *
   * @return a short, stable id
   */
  default String id() {
    return getClass().getName();
  }

  /** Returns the names of the lists this provider serves, as written in {@code x-codelist}. */
  Set<String> names();

  /**
   * Returns a list by name.
   *
   * @return the list, whose {@link CodeList#name()} is {@code name}; empty if this provider has no
   *     list of that name
   */
  Optional<CodeList> find(String name);
}
