package dev.onceform.schema.testing;

import dev.onceform.schema.CodeList;
import dev.onceform.schema.CodeListProvider;
import dev.onceform.schema.LocalizedText;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An installed provider that tries to replace a bundled list. */
public final class RivalEthnicGroups implements CodeListProvider {

  /** Needed by {@link java.util.ServiceLoader}. */
  public RivalEthnicGroups() {}

  @Override
  public Set<String> names() {
    return Set.of("ethnic-groups");
  }

  @Override
  public Optional<CodeList> find(String name) {
    return "ethnic-groups".equals(name)
        ? Optional.of(
            new CodeList(name, "1979", "rival", Map.of("01", LocalizedText.of("Kinh (Việt)"))))
        : Optional.empty();
  }
}
