package dev.onceform.schema.testing;

import dev.onceform.schema.CodeList;
import dev.onceform.schema.CodeListProvider;
import dev.onceform.schema.LocalizedText;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A second installed provider that serves the same name as {@link FeeCategories}. */
public final class RivalFeeCategories implements CodeListProvider {

  /** Needed by {@link java.util.ServiceLoader}. */
  public RivalFeeCategories() {}

  @Override
  public Set<String> names() {
    return Set.of(FeeCategories.NAME);
  }

  @Override
  public Optional<CodeList> find(String name) {
    return FeeCategories.NAME.equals(name)
        ? Optional.of(
            new CodeList(name, "1", "rival", Map.of("other", LocalizedText.of("Khác", "Other"))))
        : Optional.empty();
  }
}
