package dev.onceform.core.adapters;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.core.Purpose;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.core.spi.RegistryQuery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cases every database must pass, run against embedded H2 ({@link JdbcRegistryAdapterH2Test})
 * and a real PostgreSQL server ({@link JdbcRegistryAdapterPostgresTest}).
 */
abstract class JdbcRegistryAdapterContract {
  static final String TABLE = "onceform_citizen_test";
  static final String HUONG = "079123456789";
  static final String TWICE = "001099000002";
  static final String SPARSE = "079000000003";
  static final String NOBODY = "079999999999";

  /** "Nguyễn Thị Hường" as stored by a registry that uses decomposed (NFD) Unicode. */
  static final String NAME_NFD = Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFD);

  static final String SELECT = "SELECT {columns} FROM " + TABLE + " WHERE personal_id = :subjectId";

  private final List<JdbcRegistryAdapter> adapters = new ArrayList<>();

  /** Returns the database under test. */
  abstract DataSource dataSource();

  @BeforeEach
  void createPopulation() throws SQLException {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + TABLE);
      statement.execute(
          "CREATE TABLE "
              + TABLE
              + " (personal_id VARCHAR(12) NOT NULL, record_no VARCHAR(20), full_name"
              + " VARCHAR(200), birth_date DATE, household_size INTEGER, income NUMERIC(12,2),"
              + " is_head BOOLEAN, nickname CHAR(10))");
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO " + TABLE + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        row(
            insert,
            HUONG,
            "REC-1",
            NAME_NFD,
            LocalDate.of(1990, 3, 5),
            4,
            "1234.50",
            true,
            "Hường");
        row(insert, TWICE, "REC-2", "Trần Văn An", LocalDate.of(1985, 1, 1), 2, "0", false, "An");
        row(insert, TWICE, "REC-3", "Trần Văn Ân", LocalDate.of(1986, 1, 1), 1, "0", false, "Ân");
        row(insert, SPARSE, null, "Lê Minh", null, null, null, null, null);
      }
    }
  }

  @AfterEach
  void closeAdapters() {
    adapters.forEach(JdbcRegistryAdapter::close);
  }

  private static void row(PreparedStatement insert, @Nullable Object... values)
      throws SQLException {
    for (int i = 0; i < values.length; i++) {
      insert.setObject(
          i + 1, values[i] instanceof String s && i == 5 ? new BigDecimal(s) : values[i]);
    }
    insert.executeUpdate();
  }

  JdbcRegistryAdapter adapter(String sql) {
    JdbcRegistryAdapter adapter =
        JdbcRegistryAdapter.builder()
            .id("population-db")
            .source("population")
            .version("2026.1")
            .dataSource(dataSource())
            .sql(sql)
            .column("fullName", "full_name")
            .column("birthDate", "birth_date")
            .column("householdSize", "household_size")
            .column("income", "income")
            .column("householdHead", "is_head")
            .column("nickname", "nickname")
            .recordReferenceColumn("record_no")
            .build();
    adapters.add(adapter);
    return adapter;
  }

  static RegistryQuery query(String subjectId, String... attributes) {
    return new RegistryQuery(
        "population",
        subjectId,
        Set.of(attributes),
        Purpose.of("birth-registration"),
        "birth-registration@0.1.0",
        "corr-1",
        Instant.now().plusSeconds(30));
  }

  static RegistryAnswer fetch(JdbcRegistryAdapter adapter, RegistryQuery query) throws Exception {
    return adapter.fetch(query).toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static JsonNode value(RegistryAnswer answer, String attribute) {
    JsonNode value = answer.values().get(attribute);
    assertThat(value).as(attribute).isNotNull();
    return requireNonNull(value);
  }

  @Test
  void fetch_oneRow_foundWithJsonValuesAndRecordReference() throws Exception {
    RegistryAnswer answer =
        fetch(
            adapter(SELECT),
            query(
                HUONG,
                "fullName",
                "birthDate",
                "householdSize",
                "income",
                "householdHead",
                "nickname"));

    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(answer.recordReference()).contains("REC-1");
    JsonNode birthDate = value(answer, "birthDate");
    assertThat(birthDate.isTextual()).isTrue();
    assertThat(birthDate.textValue()).isEqualTo("1990-03-05");
    assertThat(value(answer, "householdSize").isIntegralNumber()).isTrue();
    assertThat(value(answer, "householdSize").longValue()).isEqualTo(4);
    assertThat(value(answer, "income").decimalValue()).isEqualByComparingTo("1234.50");
    assertThat(value(answer, "householdHead").booleanValue()).isTrue();
    assertThat(value(answer, "nickname").textValue()).isEqualTo("Hường");
  }

  @Test
  void fetch_vietnameseTextStoredDecomposed_answersNfc() throws Exception {
    RegistryAnswer answer = fetch(adapter(SELECT), query(HUONG, "fullName"));

    String name = value(answer, "fullName").textValue();
    assertThat(name).isEqualTo(Normalizer.normalize("Nguyễn Thị Hường", Normalizer.Form.NFC));
    assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
    assertThat(name).isNotEqualTo(NAME_NFD);
  }

  @Test
  void fetch_noRow_notFound() throws Exception {
    RegistryAnswer answer = fetch(adapter(SELECT), query(NOBODY, "fullName"));

    assertThat(answer.status()).isEqualTo(Status.NOT_FOUND);
    assertThat(answer.values()).isEmpty();
  }

  @Test
  void fetch_twoRows_badDataAmbiguous() throws Exception {
    RegistryAnswer answer = fetch(adapter(SELECT), query(TWICE, "fullName"));

    assertThat(answer.status()).isEqualTo(Status.BAD_DATA);
    assertThat(answer.detail()).contains("population-db").contains("ambiguous");
    assertThat(answer.values()).isEmpty();
  }

  @Test
  void fetch_nullColumns_leftOutAndReferenceDefaultsToAdapterId() throws Exception {
    RegistryAnswer answer =
        fetch(adapter(SELECT), query(SPARSE, "fullName", "birthDate", "income", "householdHead"));

    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(answer.values()).containsOnlyKeys("fullName");
    assertThat(answer.recordReference()).contains("population-db");
  }

  @Test
  void fetch_sqlError_unavailableWithSqlStateButNoSubjectId() throws Exception {
    RegistryAnswer answer =
        fetch(
            adapter("SELECT {columns} FROM no_such_table WHERE personal_id = :subjectId"),
            query(HUONG, "fullName"));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail()).contains("population-db").contains("SQLState 42");
    assertThat(answer.detail()).doesNotContain(HUONG);
  }

  @Test
  void fetch_subjectIdRejectedByTheDatabase_messageHasNoSubjectId() throws Exception {
    // The database cannot cast the text to a number: its own message would quote the value.
    RegistryAnswer answer =
        fetch(
            adapter(
                "SELECT {columns} FROM "
                    + TABLE
                    + " WHERE household_size = CAST(:subjectId AS INTEGER)"),
            query("not-a-number-079123456789", "fullName"));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail()).contains("SQLState").doesNotContain("079123456789");
  }

  @Test
  void fetch_someAttributes_answersOnlyThose() throws Exception {
    RegistryAnswer answer = fetch(adapter(SELECT), query(HUONG, "birthDate"));

    assertThat(answer.values()).containsOnlyKeys("birthDate");
  }

  @Test
  void fetch_fixedSelectList_stillAnswersOnlyAskedAttributes() throws Exception {
    RegistryAnswer answer =
        fetch(
            adapter("SELECT * FROM " + TABLE + " WHERE personal_id = :subjectId"),
            query(HUONG, "fullName", "notMapped"));

    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(answer.values()).containsOnlyKeys("fullName");
  }

  @Test
  void fetch_columnsPlaceholder_selectsOnlyAskedColumns() throws Exception {
    // "ghost" maps to a column the table does not have: selecting it would fail the query.
    JdbcRegistryAdapter adapter =
        JdbcRegistryAdapter.builder()
            .id("population-db")
            .source("population")
            .dataSource(dataSource())
            .sql(SELECT)
            .column("fullName", "full_name")
            .column("ghost", "no_such_column")
            .build();
    adapters.add(adapter);

    assertThat(fetch(adapter, query(HUONG, "fullName")).status()).isEqualTo(Status.FOUND);
    assertThat(fetch(adapter, query(HUONG, "fullName", "ghost")).status())
        .isEqualTo(Status.UNAVAILABLE);
  }

  @Test
  void fetch_sqlInjectionInSubjectId_isJustAnUnknownId() throws Exception {
    JdbcRegistryAdapter adapter = adapter(SELECT);

    for (String attack :
        List.of(
            "' OR '1'='1",
            HUONG + "' OR personal_id <> '",
            HUONG + "'; DROP TABLE " + TABLE + "; --",
            "\\' OR 1=1 --")) {
      assertThat(fetch(adapter, query(attack, "fullName")).status())
          .as("subject id %s", attack)
          .isEqualTo(Status.NOT_FOUND);
    }
    assertThat(fetch(adapter, query(HUONG, "fullName")).status()).isEqualTo(Status.FOUND);
  }

  @Test
  void fetch_purposeAndFormIdParameters_areBound() throws Exception {
    JdbcRegistryAdapter adapter =
        adapter(
            SELECT
                + " AND CAST(:purpose AS VARCHAR(50)) = 'birth-registration'"
                + " AND CAST(:formId AS VARCHAR(50)) LIKE 'birth-registration@%'"
                + " AND ':subjectId in a string' <> ''");

    assertThat(fetch(adapter, query(HUONG, "fullName")).status()).isEqualTo(Status.FOUND);
    RegistryQuery otherPurpose =
        new RegistryQuery(
            "population",
            HUONG,
            Set.of("fullName"),
            Purpose.of("marketing"),
            "birth-registration@0.1.0",
            "corr-2",
            Instant.now().plusSeconds(30));
    assertThat(fetch(adapter, otherPurpose).status()).isEqualTo(Status.NOT_FOUND);
  }
}
