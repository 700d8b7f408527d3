package dev.onceform.core.audit;

import static dev.onceform.core.testing.Fixtures.FATHER_ID;
import static dev.onceform.core.testing.Fixtures.MOTHER_ID;
import static dev.onceform.core.testing.Fixtures.POPULATION_ATTRIBUTES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.audit.AuditEvent.Outcome;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.core.testing.RecordingAuditSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormEngineAuditTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
  private static final Purpose PURPOSE = Purpose.of("birth-registration");

  @TempDir Path dir;

  private static FormEngine.Builder engine(FakeRegistry registry) {
    return FormEngine.builder().form(Fixtures.birthRegistration()).adapter(registry).clock(CLOCK);
  }

  private static FakeRegistry population() {
    return FakeRegistry.holding("population", POPULATION_ATTRIBUTES, Fixtures.people());
  }

  private static ObjectNode draftWithParentIds() {
    ObjectNode draft = JsonNodeFactory.instance.objectNode();
    draft.putObject("mother").put("personalId", MOTHER_ID);
    draft.putObject("father").put("personalId", FATHER_ID);
    return draft;
  }

  @Test
  void prefill_recordsOneEventPerAdapterCall_withRoleNotId() {
    FakeRegistry registry = population();
    RecordingAuditSink sink = new RecordingAuditSink();

    PrefillResult result =
        engine(registry)
            .auditSink(sink)
            .build()
            .prefill(
                "birth-registration", Subject.person(MOTHER_ID), PURPOSE, draftWithParentIds());

    List<AuditEvent> events = sink.events();
    assertThat(events).hasSameSizeAs(registry.queries());
    assertThat(events)
        .extracting(AuditEvent::subject)
        .containsExactlyInAnyOrder("applicant", "/mother/personalId", "/father/personalId");
    for (AuditEvent event : events) {
      assertThat(event.time()).isEqualTo(CLOCK.instant());
      assertThat(event.correlationId()).isEqualTo(result.correlationId());
      assertThat(event.formId()).isEqualTo("birth-registration@0.1.0");
      assertThat(event.purpose()).isEqualTo("birth-registration");
      assertThat(event.source()).isEqualTo("population");
      assertThat(event.adapter()).isEqualTo("fake-population");
      assertThat(event.outcome()).isEqualTo(Outcome.FOUND);
      assertThat(event.duration().isNegative()).isFalse();
    }
    assertThat(events)
        .extracting(event -> Set.copyOf(event.attributes()))
        .containsExactlyInAnyOrderElementsOf(
            registry.queries().stream().map(q -> Set.copyOf(q.attributes())).toList());
  }

  @Test
  void prefill_adapterNeverAnswers_recordsTimeout() {
    RecordingAuditSink sink = new RecordingAuditSink();
    FakeRegistry silent =
        FakeRegistry.behaving("population", POPULATION_ATTRIBUTES, q -> new CompletableFuture<>());

    engine(silent)
        .prefillTimeout(Duration.ofMillis(50))
        .clock(Clock.systemUTC())
        .auditSink(sink)
        .build()
        .prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(sink.events()).extracting(AuditEvent::outcome).containsOnly(Outcome.TIMEOUT);
    assertThat(sink.events()).isNotEmpty();
  }

  @Test
  void prefill_notFoundAndAdapterThrows_recordedAsNotFoundAndUnavailable() {
    RecordingAuditSink sink = new RecordingAuditSink();
    FakeRegistry throwing =
        FakeRegistry.behaving(
            "population",
            POPULATION_ATTRIBUTES,
            q -> {
              if (q.subjectId().equals(MOTHER_ID)) {
                return CompletableFuture.completedFuture(RegistryAnswer.notFound());
              }
              throw new IllegalStateException("boom");
            });

    engine(throwing)
        .auditSink(sink)
        .build()
        .prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE, draftWithParentIds());

    assertThat(sink.events())
        .extracting(AuditEvent::subject, AuditEvent::outcome)
        .contains(
            org.assertj.core.groups.Tuple.tuple("applicant", Outcome.NOT_FOUND),
            org.assertj.core.groups.Tuple.tuple("/father/personalId", Outcome.UNAVAILABLE));
  }

  @Test
  void prefill_failingSink_prefillStillSucceedsAndOtherSinksRecord() {
    RecordingAuditSink sink = new RecordingAuditSink();

    PrefillResult result =
        engine(population())
            .auditSink(
                e -> {
                  throw new IllegalStateException("audit store down");
                })
            .auditSink(sink)
            .build()
            .prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.data().at("/applicant/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(sink.events()).isNotEmpty();
  }

  @Test
  void toBuilder_keepsTheSinks() {
    RecordingAuditSink sink = new RecordingAuditSink();

    engine(population()).auditSink(sink).build().toBuilder()
        .build()
        .prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(sink.events()).isNotEmpty();
  }

  @Test
  void prefill_auditTrail_holdsNoIdNorAnyReturnedValue() throws Exception {
    Path log = dir.resolve("audit.jsonl");
    CapturingLogger logger = new CapturingLogger(AuditSinks.LOGGER);
    try (CloseableAuditSink file = AuditSinks.jsonLines(log)) {
      engine(population())
          .auditSink(new Slf4jAuditSink(logger))
          .auditSink(file)
          .build()
          .prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE, draftWithParentIds());
    }

    String logged = String.join("\n", logger.lines());
    String written = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(logger.lines()).hasSize(3);
    assertThat(written.lines()).hasSize(3);
    List<String> personal =
        Fixtures.people().values().stream()
            .flatMap(person -> person.values().stream())
            .flatMap(value -> Stream.of(value, value.replace(" ", "")))
            .filter(value -> value.length() >= 4)
            .distinct()
            .toList();
    assertThat(personal).contains(MOTHER_ID, FATHER_ID, "Trần Văn Đức", "1992-04-17");
    for (String value : personal) {
      assertThat(logged).doesNotContain(value);
      assertThat(written).doesNotContain(value);
    }
    assertThat(AuditLog.verify(log).lines()).isEqualTo(3);
  }
}
