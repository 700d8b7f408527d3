package dev.onceform.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.core.Purpose;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryPopulationRegistryTest {
  private final InMemoryPopulationRegistry registry =
      InMemoryPopulationRegistry.withSyntheticCitizens();

  private RegistryAnswer ask(String id, Set<String> attributes) {
    RegistryQuery query =
        new RegistryQuery(
            "population", id, attributes, Purpose.of("test"), "f@1.0.0", "c-1", Instant.EPOCH);
    return registry.fetch(query).toCompletableFuture().join();
  }

  @Test
  void fetch_knownPerson_returnsOnlyTheAttributesAsked() {
    RegistryAnswer answer = ask(InMemoryPopulationRegistry.FATHER_ID, Set.of("fullName"));

    assertThat(answer.status()).isEqualTo(RegistryAnswer.Status.FOUND);
    assertThat(answer.values()).containsOnlyKeys("fullName");
    assertThat(answer.values())
        .extractingByKey("fullName")
        .extracting(n -> n.asText())
        .isEqualTo("Trần Văn Đức");
    assertThat(answer.recordReference()).isPresent();
  }

  @Test
  void fetch_unknownPerson_notFound() {
    assertThat(ask("001090000000", Set.of("fullName")).status())
        .isEqualTo(RegistryAnswer.Status.NOT_FOUND);
  }

  @Test
  void toString_ofAnswer_namesAttributesNotValues() {
    assertThat(ask(InMemoryPopulationRegistry.MOTHER_ID, Set.of("fullName")).toString())
        .contains("fullName")
        .doesNotContain("Hường");
  }
}
