package dev.onceform.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.onceform.core.Purpose;
import dev.onceform.core.adapters.RegistryAdapters;
import dev.onceform.core.adapters.RegistryConfig;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.schema.AdminUnitConversion;
import dev.onceform.schema.AdministrativeUnits;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticPopulationTest {
  /** The 63 pre-2025 province codes (DOMAIN.md). */
  private static final Set<String> PROVINCES =
      Set.of(
          "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
          "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
          "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
          "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
          "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  private record Row(String id, String name, LocalDate born, String sex, String commune) {}

  private static SyntheticPopulation population;
  private static List<Row> rows;

  @BeforeAll
  static void create() throws Exception {
    population = SyntheticPopulation.create();
    rows = new ArrayList<>();
    try (Connection c = population.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT personal_id, full_name, birth_date, sex, permanent_commune FROM citizen")) {
      while (r.next()) {
        rows.add(
            new Row(
                r.getString(1),
                r.getString(2),
                r.getDate(3).toLocalDate(),
                r.getString(4),
                r.getString(5)));
      }
    }
  }

  @AfterAll
  static void close() {
    population.close();
  }

  private static RegistryAnswer ask(String id, Set<String> attributes) {
    RegistryQuery query =
        new RegistryQuery(
            "population",
            id,
            attributes,
            Purpose.of("test"),
            "f@1.0.0",
            "c-1",
            Instant.now().plusSeconds(60));
    return population.adapter().fetch(query).toCompletableFuture().join();
  }

  @Test
  void create_default_holdsThreeThousandCitizensAndTheDemoPeople() {
    assertThat(rows).hasSize(3_003).hasSize(population.citizens());
    assertThat(rows)
        .extracting(Row::id)
        .doesNotHaveDuplicates()
        .contains(
            InMemoryPopulationRegistry.MOTHER_ID,
            InMemoryPopulationRegistry.FATHER_ID,
            SyntheticPopulation.APPLICANT_ID);
  }

  @Test
  void create_everyId_followsThePersonalIdRules() {
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(row.id()).matches("[0-9]{12}");
              assertThat(PROVINCES).contains(row.id().substring(0, 3));
              int century = row.born().getYear() / 100 - 19;
              int digit = century * 2 + (row.sex().equals("male") ? 0 : 1);
              assertThat(row.id().charAt(3) - '0').as(row.id()).isEqualTo(digit);
              assertThat(Integer.parseInt(row.id().substring(4, 6)))
                  .isEqualTo(row.born().getYear() % 100);
            });
  }

  @Test
  void create_names_areNfcWithACommonFamilyName() {
    assertThat(rows)
        .allSatisfy(
            row -> {
              assertThat(Normalizer.isNormalized(row.name(), Normalizer.Form.NFC)).isTrue();
              assertThat(row.name().split(" ")).hasSize(3);
            });
    assertThat(rows).anyMatch(row -> row.name().startsWith("Nguyễn "));
  }

  @Test
  void create_communes_aboutOneFifthPre2025SomeAmbiguous() {
    AdministrativeUnits units = AdministrativeUnits.builtIn();
    long current = rows.stream().filter(r -> units.commune(r.commune()).isPresent()).count();
    List<AdminUnitConversion> old =
        rows.stream()
            .filter(r -> units.commune(r.commune()).isEmpty())
            .map(r -> units.current(r.commune()))
            .toList();
    assertThat(current + old.size()).isEqualTo(rows.size());
    assertThat(old.size()).isBetween(450, 750);
    assertThat(old).noneMatch(c -> c.status() == AdminUnitConversion.Status.UNKNOWN);
    assertThat(old).anyMatch(c -> c.status() == AdminUnitConversion.Status.AMBIGUOUS);
    assertThat(old.stream().filter(c -> c.status() == AdminUnitConversion.Status.EXACT).count())
        .isGreaterThan(old.size() / 2);
  }

  @Test
  void create_sameSeed_samePeople() {
    try (SyntheticPopulation again =
            SyntheticPopulation.create(20, SyntheticPopulation.DEFAULT_SEED, Clock.systemUTC());
        SyntheticPopulation twice =
            SyntheticPopulation.create(20, SyntheticPopulation.DEFAULT_SEED, Clock.systemUTC())) {
      assertThat(ids(again)).isEqualTo(ids(twice)).hasSize(23);
    }
  }

  @Test
  void createFile_staysAfterClose_readableThroughItsAdapterConfig(@TempDir Path dir)
      throws Exception {
    String url;
    try (SyntheticPopulation first = SyntheticPopulation.createFile(dir)) {
      url = first.url();
    }
    // A second run replaces the file rather than failing on the existing table.
    try (SyntheticPopulation second = SyntheticPopulation.createFile(dir)) {
      assertThat(second.url()).isEqualTo(url);
      assertThat(second.adapterConfig().get("url").asText()).isEqualTo(url);
    }
    assertThat(dir.resolve("population.mv.db")).isRegularFile();

    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM citizen")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isEqualTo(SyntheticPopulation.DEFAULT_SIZE + 3);
    }
  }

  @Test
  void adapterConfig_givesTheSameAnswersAsTheAdapter() throws Exception {
    RegistryConfig config =
        RegistryAdapters.read(
            JsonNodeFactory.instance
                .objectNode()
                .set(
                    "adapters",
                    JsonNodeFactory.instance.arrayNode().add(population.adapterConfig())),
            "test",
            name -> null);
    RegistryAdapter fromConfig = config.adapters().get(0);
    try {
      Set<String> attributes = population.adapter().attributes();
      RegistryQuery query =
          new RegistryQuery(
              "population",
              InMemoryPopulationRegistry.MOTHER_ID,
              attributes,
              Purpose.of("test"),
              "birth-registration@1.0.0",
              "corr-1",
              Instant.now().plusSeconds(10));

      assertThat(fromConfig.id()).isEqualTo(population.adapter().id());
      assertThat(fromConfig.attributes()).isEqualTo(attributes);
      assertThat(fromConfig.fetch(query).toCompletableFuture().join())
          .isEqualTo(population.adapter().fetch(query).toCompletableFuture().join());
    } finally {
      ((AutoCloseable) fromConfig).close();
    }
  }

  private static List<String> ids(SyntheticPopulation p) {
    List<String> ids = new ArrayList<>();
    try (Connection c = p.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT personal_id FROM citizen ORDER BY personal_id")) {
      while (r.next()) {
        ids.add(r.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  @Test
  void adapter_mother_answersOnlyTheAttributesAsked() {
    RegistryAnswer answer =
        ask(InMemoryPopulationRegistry.MOTHER_ID, Set.of("fullName", "dateOfBirth"));

    assertThat(answer.status()).isEqualTo(RegistryAnswer.Status.FOUND);
    assertThat(answer.values()).containsOnlyKeys("fullName", "dateOfBirth");
    assertThat(answer.values())
        .extractingByKey("fullName")
        .extracting(n -> n.asText())
        .isEqualTo("Nguyễn Thị Hường");
    assertThat(answer.values())
        .extractingByKey("dateOfBirth")
        .extracting(n -> n.asText())
        .isEqualTo("1992-04-17");
  }

  @Test
  void adapter_unknownPerson_notFound() {
    assertThat(ask("001090000000", Set.of("fullName")).status())
        .isEqualTo(RegistryAnswer.Status.NOT_FOUND);
  }
}
