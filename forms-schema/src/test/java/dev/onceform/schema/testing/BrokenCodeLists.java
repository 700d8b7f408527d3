package dev.onceform.schema.testing;

import dev.onceform.schema.CodeList;
import dev.onceform.schema.CodeListProvider;
import java.util.Optional;
import java.util.Set;

/** An installed provider whose constructor fails, as when its own data is missing. */
public final class BrokenCodeLists implements CodeListProvider {

  /** Always fails. */
  public BrokenCodeLists() {
    throw new IllegalStateException("fee table not configured");
  }

  @Override
  public Set<String> names() {
    return Set.of("broken");
  }

  @Override
  public Optional<CodeList> find(String name) {
    return Optional.empty();
  }
}
