package dev.onceform.core.adapters;

import static java.util.Objects.requireNonNull;

import dev.onceform.core.FormEngine;
import dev.onceform.core.prefill.SourcePolicy;
import dev.onceform.core.spi.RegistryAdapter;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry adapters and per-source policies read from a sources configuration file by {@link
 * RegistryAdapters}; immutable.
 *
 * <pre>{@code
 * FormEngine engine =
 *     RegistryAdapters.load(Path.of("sources.json"))
 *         .applyTo(FormEngine.builder().form(form))
 *         .build();
 * }</pre>
 *
 * @param adapters the adapters, in the order of the file
 * @param policies the policy of each source that has one, by source id, in the order of the file
 * @param defaultPolicy the policy of every source without one of its own ({@code defaultPolicy} in
 *     the file), if the file sets it
 * @param prefillTimeout the overall prefill deadline ({@code prefillTimeout}), if the file sets it
 */
public record RegistryConfig(
    List<RegistryAdapter> adapters,
    Map<String, SourcePolicy> policies,
    Optional<SourcePolicy> defaultPolicy,
    Optional<Duration> prefillTimeout) {

  /** Copies the parts. */
  public RegistryConfig {
    adapters = List.copyOf(adapters);
    policies = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(policies)));
    requireNonNull(defaultPolicy, "defaultPolicy");
    requireNonNull(prefillTimeout, "prefillTimeout");
  }

  /** A configuration of adapters and per-source policies only. */
  public RegistryConfig(List<RegistryAdapter> adapters, Map<String, SourcePolicy> policies) {
    this(adapters, policies, Optional.empty(), Optional.empty());
  }

  /**
   * Registers every adapter and policy, and the default policy and overall deadline if set, with an
   * engine builder.
   *
   * @param builder the builder to add to
   * @return the same builder, to go on building
   * @throws IllegalArgumentException if the builder already has an adapter for one of the sources
   */
  public FormEngine.Builder applyTo(FormEngine.Builder builder) {
    requireNonNull(builder, "builder");
    adapters.forEach(builder::adapter);
    policies.forEach(builder::source);
    defaultPolicy.ifPresent(builder::defaultSourcePolicy);
    prefillTimeout.ifPresent(builder::prefillTimeout);
    return builder;
  }
}
