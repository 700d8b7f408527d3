package dev.onceform.schema.testing;

import dev.onceform.schema.CodeList;
import dev.onceform.schema.CodeListProvider;
import dev.onceform.schema.LocalizedText;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A provider an agency might install: its own fee categories. */
public final class FeeCategories implements CodeListProvider {
  public static final String NAME = "fee-categories";

  /** Needed by {@link java.util.ServiceLoader}. */
  public FeeCategories() {}

  @Override
  public Set<String> names() {
    return Set.of(NAME);
  }

  @Override
  public Optional<CodeList> find(String name) {
    if (!NAME.equals(name)) {
      return Optional.empty();
    }
    return Optional.of(
        new CodeList(
            NAME,
            "2026-01-01",
            "test agency",
            Map.of(
                "standard", LocalizedText.of("Thông thường", "Standard"),
                "exempt", LocalizedText.of("Miễn phí", "Exempt"))));
  }
}
