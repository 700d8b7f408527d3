package dev.onceform.core;

import static dev.onceform.core.testing.Fixtures.MOTHER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onceform.core.audit.AuditEvent;
import dev.onceform.core.prefill.CircuitState;
import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.prefill.ManualField.Reason;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.SourcePolicy;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.MutableClock;
import dev.onceform.core.testing.RecordingAuditSink;
import dev.onceform.core.testing.TestForms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The per-source circuit breaker, driven by a clock the test moves (no sleeping). */
class PrefillCircuitBreakerTest {
  private static final Purpose PURPOSE = Purpose.of("test");
  private static final SourcePolicy POLICY =
      SourcePolicy.builder()
          .slidingWindowSize(4)
          .minimumCalls(2)
          .failureRateThreshold(50)
          .openDuration(Duration.ofSeconds(30))
          .probeCalls(1)
          .build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private final AtomicBoolean healthy = new AtomicBoolean(false);
  private final List<String> transitions = new CopyOnWriteArrayList<>();
  private final FakeRegistry registry =
      FakeRegistry.behaving(
          "population",
          Set.of("fullName"),
          q ->
              healthy.get()
                  ? CompletableFuture.completedFuture(
                      RegistryAnswer.foundText("R1", Map.of("fullName", "Lê Thị Hoa")))
                  : CompletableFuture.completedFuture(
                      RegistryAnswer.failed(RegistryAnswer.Status.UNAVAILABLE, "HTTP 503")));
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final FormEngine engine =
      FormEngine.builder()
          .auditSink(audit)
          .form(TestForms.form("one", TestForms.field("fullName", "string", "population", "")))
          .adapter(registry)
          .clock(clock)
          .source("population", POLICY)
          .circuitListener((source, from, to) -> transitions.add(source + ":" + from + "->" + to))
          .build();

  private PrefillResult prefill() {
    return engine.prefill("one", Subject.person(MOTHER_ID), PURPOSE);
  }

  @Test
  void repeatedFailures_openTheBreaker_sourceNoLongerCalled_fieldsCircuitOpen() {
    prefill();
    prefill();

    assertThat(engine.circuitState("population")).contains(CircuitState.OPEN);
    assertThat(transitions).containsExactly("population:CLOSED->OPEN");

    PrefillResult result = prefill();

    assertThat(registry.queries()).hasSize(2);
    assertThat(result.manual())
        .extracting(ManualField::reason)
        .containsExactly(Reason.CIRCUIT_OPEN);
    assertThat(result.manual().get(0).detail()).contains("population");
    assertThat(audit.events())
        .extracting(AuditEvent::outcome)
        .containsExactly(
            AuditEvent.Outcome.UNAVAILABLE,
            AuditEvent.Outcome.UNAVAILABLE,
            AuditEvent.Outcome.CIRCUIT_OPEN);
    assertThat(audit.events().get(2).duration()).isZero();
  }

  @Test
  void afterOpenDuration_probeSucceeds_breakerCloses_fieldsFilled() {
    prefill();
    prefill();
    clock.advance(Duration.ofSeconds(29));
    assertThat(prefill().manual())
        .extracting(ManualField::reason)
        .containsOnly(Reason.CIRCUIT_OPEN);

    clock.advance(Duration.ofSeconds(2));
    healthy.set(true);
    PrefillResult result = prefill();

    assertThat(result.manual()).isEmpty();
    assertThat(result.data().at("/fullName").asText()).isEqualTo("Lê Thị Hoa");
    assertThat(engine.circuitState("population")).contains(CircuitState.CLOSED);
    assertThat(transitions)
        .containsExactly(
            "population:CLOSED->OPEN",
            "population:OPEN->HALF_OPEN",
            "population:HALF_OPEN->CLOSED");
    assertThat(registry.queries()).hasSize(3);
  }

  @Test
  void afterOpenDuration_probeFails_breakerOpensAgain() {
    prefill();
    prefill();
    clock.advance(Duration.ofSeconds(31));

    PrefillResult probe = prefill();

    assertThat(probe.manual()).extracting(ManualField::reason).containsOnly(Reason.UNAVAILABLE);
    assertThat(engine.circuitState("population")).contains(CircuitState.OPEN);
    assertThat(prefill().manual())
        .extracting(ManualField::reason)
        .containsOnly(Reason.CIRCUIT_OPEN);
    assertThat(registry.queries()).hasSize(3);
  }

  @Test
  void notFoundAndRefused_areAnswers_notFailures() {
    FakeRegistry empty =
        FakeRegistry.behaving(
            "population",
            Set.of("fullName"),
            q -> CompletableFuture.completedFuture(RegistryAnswer.notFound()));
    FormEngine engine =
        FormEngine.builder()
            .form(TestForms.form("one", TestForms.field("fullName", "string", "population", "")))
            .adapter(empty)
            .source("population", POLICY)
            .build();

    for (int i = 0; i < 5; i++) {
      engine.prefill("one", Subject.person(MOTHER_ID), PURPOSE);
    }

    assertThat(engine.circuitState("population")).contains(CircuitState.CLOSED);
    assertThat(empty.queries()).hasSize(5);
  }

  @Test
  void throwingAdapterAndTimeouts_countAsFailures() {
    FakeRegistry throwing =
        FakeRegistry.behaving(
            "population",
            Set.of("fullName"),
            q -> {
              throw new IllegalStateException("pool exhausted");
            });
    FormEngine engine =
        FormEngine.builder()
            .form(TestForms.form("one", TestForms.field("fullName", "string", "population", "")))
            .adapter(throwing)
            .source("population", POLICY)
            .build();

    engine.prefill("one", Subject.person(MOTHER_ID), PURPOSE);
    engine.prefill("one", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(engine.circuitState("population")).contains(CircuitState.OPEN);
  }

  @Test
  void circuitState_unknownSource_empty() {
    assertThat(engine.circuitState("tax")).isEmpty();
  }

  @Test
  void throwingListener_doesNotBreakPrefill() {
    FormEngine engine =
        this.engine.toBuilder()
            .circuitListener(
                (source, from, to) -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();

    engine.prefill("one", Subject.person(MOTHER_ID), PURPOSE);
    PrefillResult second = engine.prefill("one", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(second.manual()).extracting(ManualField::reason).containsOnly(Reason.UNAVAILABLE);
    assertThat(engine.circuitState("population")).contains(CircuitState.OPEN);
    assertThat(this.engine.circuitState("population")).contains(CircuitState.CLOSED);
  }
}
