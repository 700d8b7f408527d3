package dev.onceform.core.testing;

import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A registry adapter found by {@link java.util.ServiceLoader} (see {@link AdapterSandbox}). */
public final class DiscoverableRegistry implements RegistryAdapter {
  /** The public no-argument constructor ServiceLoader needs. */
  public DiscoverableRegistry() {}

  @Override
  public String id() {
    return "discoverable-population";
  }

  @Override
  public String source() {
    return "population";
  }

  @Override
  public Set<String> attributes() {
    return Set.of("fullName");
  }

  @Override
  public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
    return CompletableFuture.completedFuture(
        RegistryAnswer.foundText("D-1", Map.of("fullName", "Phạm Văn Khám Phá")));
  }
}
