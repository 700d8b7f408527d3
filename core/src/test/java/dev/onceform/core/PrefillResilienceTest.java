package dev.onceform.core;

import static dev.onceform.core.testing.Fixtures.MOTHER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.prefill.ManualField.Reason;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.SourcePolicy;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.TestForms;
import dev.onceform.schema.FormDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Per-source timeouts, the overall deadline, parallel calls and misbehaving adapters. */
class PrefillResilienceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
  private static final Purpose PURPOSE = Purpose.of("test");
  private static final FormDefinition FORM =
      TestForms.form(
          "two-sources",
          TestForms.field("fullName", "string", "population", "")
              + ", "
              + TestForms.field("businessName", "string", "enterprise", ""));

  private static FakeRegistry population() {
    return FakeRegistry.holding(
        "population", Set.of("fullName"), Map.of(MOTHER_ID, Map.of("fullName", "Lê Thị Hoa")));
  }

  private static FakeRegistry enterprise(
      java.util.function.Function<RegistryQuery, CompletionStage<RegistryAnswer>> behaviour) {
    return FakeRegistry.behaving("enterprise", Set.of("businessName"), behaviour);
  }

  private static CompletionStage<RegistryAnswer> business(String name) {
    return CompletableFuture.completedFuture(
        RegistryAnswer.foundText("ERN-1", Map.of("businessName", name)));
  }

  private static PrefillResult prefill(FormEngine engine) {
    return engine.prefill("two-sources", Subject.person(MOTHER_ID), PURPOSE);
  }

  @Test
  void perSourceTimeout_slowSourceTimesOut_otherSourceFilled() {
    FakeRegistry silent = enterprise(q -> new CompletableFuture<>());
    FormEngine engine =
        FormEngine.builder()
            .form(FORM)
            .adapter(population())
            .adapter(silent)
            .clock(CLOCK)
            .prefillTimeout(Duration.ofSeconds(30))
            .source("enterprise", SourcePolicy.builder().timeout(Duration.ofMillis(40)).build())
            .build();

    PrefillResult result = prefill(engine);

    assertThat(result.data().at("/fullName").asText()).isEqualTo("Lê Thị Hoa");
    assertThat(result.manual())
        .extracting(ManualField::pointer, ManualField::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/businessName", Reason.TIMEOUT));
    assertThat(silent.queries().get(0).deadline())
        .isAfter(CLOCK.instant())
        .isBeforeOrEqualTo(CLOCK.instant().plusMillis(40));
  }

  @Test
  void overallDeadline_boundsALongerSourceTimeout() {
    FakeRegistry silent = enterprise(q -> new CompletableFuture<>());
    FormEngine engine =
        FormEngine.builder()
            .form(FORM)
            .adapter(population())
            .adapter(silent)
            .clock(CLOCK)
            .prefillTimeout(Duration.ofMillis(40))
            .source("enterprise", SourcePolicy.builder().timeout(Duration.ofHours(1)).build())
            .build();

    PrefillResult result = prefill(engine);

    assertThat(silent.queries().get(0).deadline())
        .isBeforeOrEqualTo(CLOCK.instant().plusMillis(40));
    assertThat(result.manual()).extracting(ManualField::reason).containsExactly(Reason.TIMEOUT);
    assertThat(result.data().at("/fullName").asText()).isEqualTo("Lê Thị Hoa");
  }

  @Test
  void deadlineUsedUpByFirstRound_laterRoundNotCalled_breakerNotBlamed() {
    FormDefinition form =
        TestForms.form(
            "rounds",
            "\"spouse\": {\"type\": \"object\", \"x-label\": {\"vi\": \"Vợ/chồng\"},"
                + " \"properties\": {"
                + TestForms.field("personalId", "string", "population", "")
                    .replace("\"attribute\": \"personalId\"", "\"attribute\": \"spouseId\"")
                + ", "
                + TestForms.field("fullName", "string", "population", "")
                    .replace("}}", ", \"subject\": \"/spouse/personalId\"}}")
                + "}}, "
                + TestForms.field("businessName", "string", "enterprise", ""));
    FakeRegistry population =
        FakeRegistry.holding(
            "population",
            Set.of("spouseId", "fullName"),
            Map.of(MOTHER_ID, Map.of("spouseId", "001090004567")));
    SourcePolicy strict = SourcePolicy.builder().minimumCalls(1).failureRateThreshold(1).build();
    FormEngine engine =
        FormEngine.builder()
            .form(form)
            .adapter(population)
            .adapter(enterprise(q -> new CompletableFuture<>()))
            .prefillTimeout(Duration.ofMillis(40))
            .source("population", strict)
            .build();

    PrefillResult result = engine.prefill("rounds", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.data().at("/spouse/personalId").asText()).isEqualTo("001090004567");
    assertThat(result.manual())
        .extracting(ManualField::pointer, ManualField::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/businessName", Reason.TIMEOUT),
            org.assertj.core.groups.Tuple.tuple("/spouse/fullName", Reason.TIMEOUT));
    assertThat(population.queries()).hasSize(1);
    assertThat(engine.circuitState("population"))
        .contains(dev.onceform.core.prefill.CircuitState.CLOSED);
  }

  @Test
  void sourcesAreCalledInParallel_noCallWaitsForAnotherToFinish() {
    // The population registry answers only once the enterprise registry has been called: if
    // prefill waited for one source before calling the next, population would time out.
    CompletableFuture<RegistryAnswer> gate = new CompletableFuture<>();
    FakeRegistry waiting = FakeRegistry.behaving("population", Set.of("fullName"), q -> gate);
    FakeRegistry opener =
        enterprise(
            q -> {
              gate.complete(RegistryAnswer.foundText("R1", Map.of("fullName", "Lê Thị Hoa")));
              return business("Hộ kinh doanh Hoa");
            });
    FormEngine engine =
        FormEngine.builder()
            .form(FORM)
            .adapter(waiting)
            .adapter(opener)
            .prefillTimeout(Duration.ofSeconds(30))
            .build();

    PrefillResult result = prefill(engine);

    assertThat(result.manual()).isEmpty();
    assertThat(result.data().at("/businessName").asText()).isEqualTo("Hộ kinh doanh Hoa");
  }

  @Test
  void adapterReturnsNullStage_fieldsUnavailable_restFilled() {
    FormEngine engine =
        FormEngine.builder()
            .form(FORM)
            .adapter(population())
            .adapter(enterprise(q -> null))
            .build();

    PrefillResult result = prefill(engine);

    assertThat(result.manual())
        .extracting(ManualField::pointer, ManualField::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/businessName", Reason.UNAVAILABLE));
    assertThat(result.data().at("/fullName").asText()).isEqualTo("Lê Thị Hoa");
  }

  @Test
  void adapterAnswersNull_fieldsBadValue() {
    FormEngine engine =
        FormEngine.builder()
            .form(FORM)
            .adapter(population())
            .adapter(enterprise(q -> CompletableFuture.completedFuture(null)))
            .build();

    PrefillResult result = prefill(engine);

    assertThat(result.manual())
        .extracting(ManualField::pointer, ManualField::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/businessName", Reason.BAD_VALUE));
  }

  @Test
  void adapterAnswersGarbage_wrongTypeDropped_unaskedAttributesIgnored() {
    FormEngine engine =
        FormEngine.builder()
            .form(FORM)
            .adapter(population())
            .adapter(
                enterprise(
                    q ->
                        CompletableFuture.completedFuture(
                            RegistryAnswer.found(
                                "R",
                                Map.of(
                                    "businessName",
                                    JsonNodeFactory.instance.objectNode().put("x", 1),
                                    "fullName",
                                    JsonNodeFactory.instance.textNode("Kẻ Mạo Danh"))))))
            .build();

    PrefillResult result = prefill(engine);

    assertThat(result.data().at("/fullName").asText()).isEqualTo("Lê Thị Hoa");
    assertThat(result.provenance())
        .extractingByKey("/fullName")
        .extracting("source")
        .isEqualTo("population");
    assertThat(result.manual())
        .extracting(ManualField::pointer, ManualField::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/businessName", Reason.BAD_VALUE));
  }

  @Test
  void registryBadData_fieldsBadValue() {
    FormEngine engine =
        FormEngine.builder()
            .form(FORM)
            .adapter(population())
            .adapter(
                enterprise(
                    q ->
                        CompletableFuture.completedFuture(
                            RegistryAnswer.failed(RegistryAnswer.Status.BAD_DATA, "bad XML"))))
            .build();

    assertThat(prefill(engine).manual())
        .extracting(ManualField::reason)
        .containsExactly(Reason.BAD_VALUE);
  }

  @Test
  void sourcePolicy_forSourceWithoutAdapter_buildFailsNamingIt() {
    FormEngine.Builder builder =
        FormEngine.builder()
            .form(FORM)
            .adapter(population())
            .source("enterprse", SourcePolicy.defaults());

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'enterprse'")
        .hasMessageContaining("[population]");
  }

  @Test
  void sourcePolicy_badValues_quoted() {
    assertThatThrownBy(() -> SourcePolicy.builder().timeout(Duration.ZERO))
        .hasMessage("timeout must be positive, but was PT0S");
    assertThatThrownBy(() -> SourcePolicy.builder().failureRateThreshold(0))
        .hasMessage("failureRateThreshold must be 1-100 (percent), but was 0");
    assertThatThrownBy(() -> SourcePolicy.builder().probeCalls(0))
        .hasMessage("probeCalls must be at least 1, but was 0");
    assertThatThrownBy(() -> SourcePolicy.builder().openDuration(Duration.ofSeconds(-1)))
        .hasMessage("openDuration must be positive, but was PT-1S");
  }

  @Test
  void sourcePolicy_toBuilder_roundTrips() {
    SourcePolicy policy =
        SourcePolicy.builder().timeout(Duration.ofSeconds(2)).slidingWindowSize(20).build();

    assertThat(policy.toBuilder().build()).isEqualTo(policy);
    assertThat(SourcePolicy.defaults().timeout()).isEmpty();
  }

  @Test
  void plan_computedOncePerFormVersion_notPerPrefill() {
    CountingAdapter adapter = new CountingAdapter();
    FormEngine engine =
        FormEngine.builder()
            .form(TestForms.form("one", TestForms.field("fullName", "string", "population", "")))
            .adapter(adapter)
            .build();
    int afterBuild = adapter.attributeCalls;

    for (int i = 0; i < 3; i++) {
      engine.prefill("one", Subject.person(MOTHER_ID), PURPOSE);
    }

    assertThat(afterBuild).isPositive();
    assertThat(adapter.attributeCalls).isEqualTo(afterBuild);
    assertThat(adapter.fetches).isEqualTo(3);
  }

  /** Counts how often the engine asks for its attributes (planning) and fetches. */
  private static final class CountingAdapter implements dev.onceform.core.spi.RegistryAdapter {
    volatile int attributeCalls;
    volatile int fetches;

    @Override
    public String id() {
      return "counting";
    }

    @Override
    public String source() {
      return "population";
    }

    @Override
    public Set<String> attributes() {
      attributeCalls++;
      return Set.of("fullName");
    }

    @Override
    public CompletionStage<RegistryAnswer> fetch(RegistryQuery query) {
      fetches++;
      return CompletableFuture.completedFuture(
          RegistryAnswer.foundText("R", Map.of("fullName", "An")));
    }
  }
}
