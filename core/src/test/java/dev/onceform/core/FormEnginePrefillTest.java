package dev.onceform.core;

import static dev.onceform.core.testing.Fixtures.FATHER_ID;
import static dev.onceform.core.testing.Fixtures.MOTHER_ID;
import static dev.onceform.core.testing.Fixtures.POPULATION_ATTRIBUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.prefill.ManualField.Reason;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.Provenance;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.schema.OnceFormException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FormEnginePrefillTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
  private static final Purpose PURPOSE = Purpose.of("birth-registration");

  private static FormEngine engine(FakeRegistry registry) {
    return FormEngine.builder()
        .form(Fixtures.birthRegistration())
        .adapter(registry)
        .clock(CLOCK)
        .build();
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
  void prefill_parentIdsInDraft_fillsApplicantAndParentsWithProvenance() {
    PrefillResult result =
        engine(population())
            .prefill(
                "birth-registration", Subject.person(MOTHER_ID), PURPOSE, draftWithParentIds());

    JsonNode data = result.data();
    assertThat(data.at("/applicant/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(data.at("/mother/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(data.at("/mother/permanentAddress").asText())
        .isEqualTo("Thôn 3, Xã Hòa Phú, Tỉnh Đắk Lắk");
    assertThat(data.at("/father/fullName").asText()).isEqualTo("Trần Văn Đức");
    assertThat(data.at("/father/dateOfBirth").asText()).isEqualTo("1990-09-02");
    Provenance provenance =
        java.util.Objects.requireNonNull(result.provenance().get("/father/fullName"));
    assertThat(provenance.source()).isEqualTo("population");
    assertThat(provenance.attribute()).isEqualTo("fullName");
    assertThat(provenance.recordReference()).contains("REC-" + FATHER_ID.substring(8));
    assertThat(provenance.retrievedAt()).isEqualTo(CLOCK.instant());
    assertThat(provenance.adapter()).isEqualTo("fake-population/unversioned");
    assertThat(result.manual()).isEmpty();
    assertThat(result.formId()).isEqualTo("birth-registration@0.1.0");
  }

  @Test
  void prefill_asksOncePerSubjectForExactlyTheBoundAttributes() {
    FakeRegistry registry = population();

    engine(registry)
        .prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE, draftWithParentIds());

    List<RegistryQuery> queries = registry.queries();
    assertThat(queries).hasSize(3);
    RegistryQuery applicant = queries.get(0);
    assertThat(applicant.attributes())
        .containsExactlyInAnyOrder("personalId", "fullName", "permanentAddress");
    assertThat(queries.subList(1, 3))
        .allSatisfy(
            q ->
                assertThat(q.attributes())
                    .containsExactlyInAnyOrder(
                        "fullName", "dateOfBirth", "ethnicity", "nationality", "permanentAddress"));
    assertThat(queries).extracting(RegistryQuery::purpose).containsOnly(PURPOSE);
    assertThat(queries)
        .extracting(RegistryQuery::correlationId)
        .containsOnly(queries.get(0).correlationId());
    assertThat(queries)
        .extracting(RegistryQuery::subjectId)
        .containsExactly(MOTHER_ID, MOTHER_ID, FATHER_ID);
  }

  @Test
  void prefill_noParentIds_leavesParentFieldsManualSubjectUnknown() {
    PrefillResult result =
        engine(population()).prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.data().at("/applicant/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(result.manual())
        .filteredOn(m -> m.pointer().startsWith("/mother/"))
        .hasSize(5)
        .allSatisfy(m -> assertThat(m.reason()).isEqualTo(Reason.SUBJECT_UNKNOWN));
    assertThat(result.data().at("/mother/fullName").isMissingNode()).isTrue();
  }

  @Test
  void prefill_unknownFather_fatherFieldsNotFound_restFilled() {
    ObjectNode draft = draftWithParentIds();
    ((ObjectNode) draft.get("father")).put("personalId", "001090009999");

    PrefillResult result =
        engine(population())
            .prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE, draft);

    assertThat(result.manual())
        .filteredOn(m -> m.pointer().startsWith("/father/"))
        .extracting(ManualField::reason)
        .containsOnly(Reason.NOT_FOUND)
        .hasSize(5);
    assertThat(result.data().at("/mother/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
  }

  @Test
  void prefill_adapterThrows_fieldsUnavailable_neverFailsTheCall() {
    FakeRegistry broken =
        FakeRegistry.behaving(
            "population",
            POPULATION_ATTRIBUTES,
            q -> {
              throw new IllegalStateException("connection refused");
            });

    PrefillResult result =
        engine(broken)
            .prefill(
                "birth-registration", Subject.person(MOTHER_ID), PURPOSE, draftWithParentIds());

    assertThat(result.manual())
        .hasSize(13)
        .extracting(ManualField::reason)
        .containsOnly(Reason.UNAVAILABLE);
    assertThat(result.manual().get(0).detail())
        .contains("IllegalStateException")
        .doesNotContain(MOTHER_ID);
  }

  @Test
  void prefill_adapterNeverAnswers_fieldsTimeout() {
    FakeRegistry silent =
        FakeRegistry.behaving("population", POPULATION_ATTRIBUTES, q -> new CompletableFuture<>());
    FormEngine engine =
        FormEngine.builder()
            .form(Fixtures.birthRegistration())
            .adapter(silent)
            .prefillTimeout(Duration.ofMillis(50))
            .build();

    PrefillResult result =
        engine.prefill(
            "birth-registration", Subject.person(MOTHER_ID), PURPOSE, draftWithParentIds());

    assertThat(result.manual()).extracting(ManualField::reason).containsOnly(Reason.TIMEOUT);
    assertThat(result.provenance()).isEmpty();
  }

  @Test
  void prefill_failedStage_unavailable() {
    FakeRegistry failing =
        FakeRegistry.behaving(
            "population",
            POPULATION_ATTRIBUTES,
            q -> CompletableFuture.failedFuture(new java.io.IOException("503")));

    PrefillResult result =
        engine(failing).prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.manual()).extracting(ManualField::reason).contains(Reason.UNAVAILABLE);
  }

  @Test
  void prefill_refused_fieldsRefused() {
    FakeRegistry refusing =
        FakeRegistry.behaving(
            "population",
            POPULATION_ATTRIBUTES,
            q ->
                CompletableFuture.completedFuture(
                    RegistryAnswer.failed(
                        RegistryAnswer.Status.REFUSED, "purpose not authorised")));

    PrefillResult result =
        engine(refusing).prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.manual())
        .filteredOn(m -> m.pointer().startsWith("/applicant/"))
        .extracting(ManualField::reason)
        .containsOnly(Reason.REFUSED);
  }

  @Test
  void prefill_valuesInNfdWithSpaces_normalisedToNfcAndTrimmed() {
    String nfd =
        java.text.Normalizer.normalize(" Nguyễn Thị Hường ", java.text.Normalizer.Form.NFD);
    FakeRegistry registry =
        FakeRegistry.holding(
            "population", POPULATION_ATTRIBUTES, Map.of(MOTHER_ID, Map.of("fullName", nfd)));

    PrefillResult result =
        engine(registry).prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.data().at("/applicant/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(result.manual())
        .filteredOn(m -> m.pointer().equals("/applicant/personalId"))
        .extracting(ManualField::reason)
        .containsExactly(Reason.NO_VALUE);
  }

  @Test
  void prefill_valueNotADate_droppedAsBadValue_detailNamesFieldNotValue() {
    PrefillResult result = prefillMotherWithDateOfBirth("31/02/1992");

    assertThat(result.data().at("/mother/dateOfBirth").isMissingNode()).isTrue();
    assertThat(result.manual())
        .filteredOn(m -> m.pointer().equals("/mother/dateOfBirth"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.reason()).isEqualTo(Reason.BAD_VALUE);
              assertThat(m.detail())
                  .contains("population.dateOfBirth", "/mother/dateOfBirth", "not a date")
                  .doesNotContain("31/02");
            });
  }

  @Test
  void prefill_dayFirstDate_convertedToIso() {
    PrefillResult result = prefillMotherWithDateOfBirth("17/04/1992");

    assertThat(result.data().at("/mother/dateOfBirth").asText()).isEqualTo("1992-04-17");
    assertThat(result.manual()).filteredOn(m -> m.pointer().startsWith("/mother/")).isEmpty();
  }

  private static PrefillResult prefillMotherWithDateOfBirth(String dateOfBirth) {
    Map<String, String> mother = new java.util.HashMap<>(Fixtures.people().get(MOTHER_ID));
    mother.put("dateOfBirth", dateOfBirth);
    FakeRegistry registry =
        FakeRegistry.holding("population", POPULATION_ATTRIBUTES, Map.of(MOTHER_ID, mother));
    ObjectNode draft = JsonNodeFactory.instance.objectNode();
    draft.putObject("mother").put("personalId", MOTHER_ID);
    return engine(registry)
        .prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE, draft);
  }

  @Test
  void prefill_integerField_acceptsWholeNumberAndDropsText() {
    String json =
        "{\"x-form\": {\"id\": \"household\", \"version\": \"1.0.0\", \"title\": {\"vi\": \"Hộ\"}},"
            + " \"properties\": {"
            + " \"members\": {\"type\": \"integer\", \"x-label\": {\"vi\": \"Số người\"},"
            + "   \"x-prefill\": {\"source\": \"population\", \"attribute\": \"members\"}},"
            + " \"rooms\": {\"type\": \"integer\", \"x-label\": {\"vi\": \"Số phòng\"},"
            + "   \"x-prefill\": {\"source\": \"population\", \"attribute\": \"rooms\"}}}}";
    FakeRegistry registry =
        FakeRegistry.behaving(
            "population",
            Set.of("members", "rooms"),
            q ->
                CompletableFuture.completedFuture(
                    RegistryAnswer.found(
                        "R1",
                        Map.of(
                            "members", JsonNodeFactory.instance.numberNode(4),
                            "rooms", JsonNodeFactory.instance.textNode("three")))));
    FormEngine engine =
        FormEngine.builder()
            .form(dev.onceform.schema.FormDefinition.parse(json, "household.json"))
            .adapter(registry)
            .build();

    PrefillResult result = engine.prefill("household", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.data().get("members").asInt()).isEqualTo(4);
    assertThat(result.manual())
        .extracting(ManualField::pointer, ManualField::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/rooms", Reason.BAD_VALUE));
  }

  @Test
  void prefill_noAdapterForSource_everyBoundFieldNoAdapter() {
    FormEngine engine = FormEngine.builder().form(Fixtures.birthRegistration()).build();

    PrefillResult result = engine.prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.manual())
        .hasSize(13)
        .extracting(ManualField::reason)
        .containsOnly(Reason.NO_ADAPTER);
  }

  @Test
  void prefill_adapterLacksAttribute_thatFieldNoAdapter_othersFilled() {
    FakeRegistry registry =
        FakeRegistry.holding("population", Set.of("personalId", "fullName"), Fixtures.people());

    PrefillResult result =
        engine(registry).prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    assertThat(result.data().at("/applicant/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(result.manual())
        .filteredOn(m -> m.pointer().equals("/applicant/residence"))
        .extracting(ManualField::reason)
        .containsExactly(Reason.NO_ADAPTER);
    assertThat(registry.queries().get(0).attributes())
        .containsExactlyInAnyOrder("personalId", "fullName");
  }

  @Test
  void prefill_resultDataIsACopy() {
    PrefillResult result =
        engine(population()).prefill("birth-registration", Subject.person(MOTHER_ID), PURPOSE);

    ((ObjectNode) result.data()).removeAll();

    assertThat(result.data().has("applicant")).isTrue();
  }

  @Test
  void prefill_unknownForm_throwsWithCode() {
    assertThatThrownBy(
            () -> engine(population()).prefill("no-such-form", Subject.person(MOTHER_ID), PURPOSE))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-ENGINE-101")
        .hasMessageContaining("birth-registration@0.1.0");
  }

  @Test
  void subject_toString_masksTheNumber() {
    assertThat(Subject.person(MOTHER_ID).toString()).doesNotContain(MOTHER_ID).endsWith("1234]");
  }

  @Test
  void builder_secondAdapterForSameSource_namesBothClasses() {
    assertThatThrownBy(() -> FormEngine.builder().adapter(population()).adapter(population()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("population")
        .hasMessageContaining(FakeRegistry.class.getName());
  }

  @Test
  void toBuilder_variant_keepsFormsAdaptersAndClock() {
    FakeRegistry registry = population();
    FormEngine variant = engine(registry).toBuilder().prefillTimeout(Duration.ofSeconds(1)).build();

    PrefillResult result =
        variant.prefill(
            "birth-registration", Subject.person(MOTHER_ID), PURPOSE, draftWithParentIds());

    assertThat(variant.forms())
        .extracting(Object::toString)
        .containsExactly("birth-registration@0.1.0");
    assertThat(result.manual()).isEmpty();
    assertThat(result.provenance().values())
        .extracting(Provenance::retrievedAt)
        .containsOnly(CLOCK.instant());
  }

  @Test
  void builder_zeroTimeout_quotesTheValue() {
    assertThatThrownBy(() -> FormEngine.builder().prefillTimeout(Duration.ZERO))
        .hasMessage("prefillTimeout must be positive, but was PT0S");
  }
}
