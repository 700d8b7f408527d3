package dev.onceform.core.testing;

import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** A provider whose constructor fails, as one with a missing configuration would. */
public final class BrokenRegistryProvider implements RegistryAdapter {
  /** Always fails. */
  public BrokenRegistryProvider() {
    throw new IllegalStateException("no configuration");
  }

  @Override
  public String id() {
    return "broken";
  }

  @Override
  public String source() {
    return "broken";
  }

  @Override
  public Set<String> attributes() {
    return Set.of();
  }

  @Override
  public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
    throw new UnsupportedOperationException();
  }
}
