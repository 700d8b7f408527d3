package dev.onceform.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.FormEngine;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.adapters.RegistryAdapters;
import dev.onceform.core.adapters.RegistryConfig;
import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.Provenance;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.schema.AdminUnitConversion;
import dev.onceform.schema.AdministrativeUnits;
import dev.onceform.schema.SampleForms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrefillDemoTest {
  private static SyntheticPopulation population;
  private static LoopbackEnterpriseRegistry enterprises;

  @BeforeAll
  static void start() {
    population =
        SyntheticPopulation.create(300, SyntheticPopulation.DEFAULT_SEED, Clock.systemUTC());
    enterprises = LoopbackEnterpriseRegistry.start();
  }

  @AfterAll
  static void stop() {
    enterprises.close();
    population.close();
  }

  @Test
  void run_birthRegistration_fillsFromH2AndConvertsTheMothersOldCommune(@TempDir Path out) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    PrefillResult birth = run(out, log).birthRegistration();

    assertThat(birth.provenance()).hasSize(17);
    assertThat(birth.provenance().values())
        .extracting(Provenance::adapter)
        .containsOnly("population-h2/synthetic-20250701");
    assertThat(birth.data().at("/mother/fullName").asText()).isEqualTo("Nguyễn Thị Hường");
    assertThat(birth.data().at("/father/fullName").asText()).isEqualTo("Trần Văn Đức");
    assertThat(birth.data().at("/residence/commune").asText()).isEqualTo("24175");
    assertThat(birth.provenance().get("/residence/commune"))
        .extracting(Provenance::convertedFrom)
        .isEqualTo(Optional.of(SyntheticPopulation.MOTHER_OLD_COMMUNE));
    assertThat(birth.data().at("/residence/householdHeadPersonalId").asText())
        .isEqualTo(InMemoryPopulationRegistry.FATHER_ID);
    assertThat(birth.manual())
        .extracting(ManualField::pointer, ManualField::reason)
        .containsExactly(tuple("/applicant/email", ManualField.Reason.NO_ADAPTER));
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("birth-registration@1.0.0: 17 fields prefilled, 1 left for the citizen")
        .contains("/residence/commune: pre-2025 commune 24172 converted to 24175")
        .contains("manual /applicant/email: NO_ADAPTER");
  }

  @Test
  void run_businessHousehold_ownerFromH2TaxCodeOverHttp(@TempDir Path out) throws Exception {
    PrefillDemo.Outcome outcome = run(out, new ByteArrayOutputStream());
    PrefillResult household = outcome.businessHousehold();

    assertThat(household.provenance())
        .containsOnlyKeys(
            "/owner/personalId",
            "/owner/fullName",
            "/owner/dateOfBirth",
            "/owner/sex",
            "/owner/ethnicity",
            "/owner/nationality",
            "/owner/permanentAddress",
            "/owner/currentAddress",
            "/owner/phone",
            "/owner/taxCode");
    assertThat(household.manual()).isEmpty();
    Provenance tax = Objects.requireNonNull(household.provenance().get("/owner/taxCode"));
    assertThat(tax.source()).isEqualTo("tax");
    assertThat(tax.adapter()).isEqualTo("tax-loopback/synthetic-1");
    assertThat(tax.recordReference()).hasValue("DKKD/0312345673-SYN");
    JsonNode draft = new ObjectMapper().readTree(outcome.businessHouseholdDraft().toFile());
    assertThat(draft.at("/owner/taxCode").asText()).isEqualTo("0312345673");
    assertThat(draft.at("/owner/fullName").asText()).isEqualTo("Lê Ngọc Ánh");
    assertThat(draft.at("/owner/sex").asText()).isEqualTo("female");
  }

  @Test
  void run_writesTheSourcesFileItsEngineIsBuiltFrom(@TempDir Path out) throws Exception {
    PrefillDemo.Outcome outcome = run(out, new ByteArrayOutputStream());

    RegistryConfig config = RegistryAdapters.load(outcome.sources());
    try {
      assertThat(config.adapters())
          .extracting(RegistryAdapter::id)
          .containsExactly("population-h2", "tax-loopback");
      assertThat(config.prefillTimeout()).contains(Duration.ofSeconds(5));
    } finally {
      for (RegistryAdapter adapter : config.adapters()) {
        if (adapter instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
    JsonNode parents = new ObjectMapper().readTree(outcome.parentsDraft().toFile());
    assertThat(parents.at("/mother/personalId").asText())
        .isEqualTo(InMemoryPopulationRegistry.MOTHER_ID);
    assertThat(parents.at("/father/personalId").asText())
        .isEqualTo(InMemoryPopulationRegistry.FATHER_ID);
  }

  @Test
  void run_log_namesFieldsAndCodesNotPersonalValues(@TempDir Path out) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    run(out, log);

    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("business-household-registration@1.0.0: 10 fields prefilled, 0 left")
        .contains("from tax-loopback/synthetic-1: /owner/taxCode")
        .doesNotContain(
            InMemoryPopulationRegistry.MOTHER_ID,
            InMemoryPopulationRegistry.FATHER_ID,
            SyntheticPopulation.APPLICANT_ID,
            "0312345673",
            "Hường",
            "Ánh",
            "Hòa Phú");
  }

  @Test
  void prefill_citizenWithSplitOldCommune_leavesTheCommuneWithCandidates() throws Exception {
    String id = citizenWithCommune(AdminUnitConversion.Status.AMBIGUOUS);
    FormEngine engine =
        FormEngine.builder()
            .form(SampleForms.get("birth-registration", "1.0.0").orElseThrow())
            .adapter(population.adapter())
            .build();
    ObjectNode draft = JsonNodeFactory.instance.objectNode();
    draft.putObject("mother").put("personalId", id);

    PrefillResult result =
        engine.prefill(
            "birth-registration", Subject.person(id), Purpose.of("birth-registration"), draft);

    assertThat(result.manual())
        .filteredOn(m -> m.pointer().equals("/residence/commune"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.reason()).isEqualTo(ManualField.Reason.AMBIGUOUS_ADDRESS);
              assertThat(m.candidates()).hasSizeGreaterThan(1);
            });
    assertThat(result.provenance()).containsKey("/mother/fullName");
  }

  private static PrefillDemo.Outcome run(Path out, ByteArrayOutputStream log) {
    return new PrefillDemo(out, new PrintStream(log, true, StandardCharsets.UTF_8))
        .run(population, enterprises);
  }

  /** A generated citizen whose recorded commune is a pre-2025 code with the given status. */
  private static String citizenWithCommune(AdminUnitConversion.Status status) throws Exception {
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    List<String> found = new ArrayList<>();
    try (Connection c = population.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT personal_id, permanent_commune FROM citizen ORDER BY personal_id")) {
      while (r.next()) {
        String commune = r.getString(2);
        if (units.commune(commune).isEmpty() && units.current(commune).status() == status) {
          found.add(r.getString(1));
        }
      }
    }
    assertThat(found).as("citizens with a %s commune", status).isNotEmpty();
    return found.get(0);
  }
}
