package dev.onceform.core;

import static dev.onceform.core.testing.Fixtures.MOTHER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.testing.AdapterSandbox;
import dev.onceform.core.testing.BrokenRegistryProvider;
import dev.onceform.core.testing.DiscoverableRegistry;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.TestForms;
import dev.onceform.schema.FormDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FormEngine.Builder#discoverAdapters()}: opt-in ServiceLoader discovery. */
class AdapterDiscoveryTest {
  private static final FormDefinition FORM =
      TestForms.form("one", TestForms.field("fullName", "string", "population", ""));

  @TempDir Path dir;

  @Test
  void discoverAdapters_withLoader_registersProvider_andPrefillUsesIt() {
    AdapterSandbox loader =
        AdapterSandbox.listing(dir, List.of(DiscoverableRegistry.class.getName()));

    FormEngine engine = FormEngine.builder().form(FORM).discoverAdapters(loader).build();
    PrefillResult result = engine.prefill("one", Subject.person(MOTHER_ID), Purpose.of("test"));

    assertThat(result.data().at("/fullName").asText()).isEqualTo("Phạm Văn Khám Phá");
    assertThat(result.provenance().get("/fullName"))
        .extracting("adapter")
        .isEqualTo("discoverable-population/unversioned");
  }

  @Test
  void discoverAdapters_contextClassLoader_brokenProviderSkipped_othersRegistered() {
    AdapterSandbox loader =
        AdapterSandbox.listing(
            dir,
            List.of(BrokenRegistryProvider.class.getName(), DiscoverableRegistry.class.getName()));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    FormEngine engine;
    try {
      engine = FormEngine.builder().form(FORM).discoverAdapters().build();
    } finally {
      thread.setContextClassLoader(previous);
    }

    assertThat(engine.circuitState("population")).isPresent();
    assertThat(engine.circuitState("broken")).isEmpty();
  }

  @Test
  void discoverAdapters_notCalled_nothingDiscovered() {
    AdapterSandbox loader =
        AdapterSandbox.listing(dir, List.of(DiscoverableRegistry.class.getName()));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      assertThat(FormEngine.builder().form(FORM).build().circuitState("population")).isEmpty();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void discoverAdapters_sourceAlreadyRegistered_errorNamesBothClasses() {
    AdapterSandbox loader =
        AdapterSandbox.listing(dir, List.of(DiscoverableRegistry.class.getName()));
    FormEngine.Builder builder =
        FormEngine.builder()
            .adapter(FakeRegistry.holding("population", Set.of("fullName"), Map.of()));

    assertThatThrownBy(() -> builder.discoverAdapters(loader))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FakeRegistry.class.getName())
        .hasMessageContaining(DiscoverableRegistry.class.getName());
  }
}
