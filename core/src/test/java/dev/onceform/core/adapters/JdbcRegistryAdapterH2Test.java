package dev.onceform.core.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.Purpose;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.core.spi.RegistryQuery;
import dev.onceform.schema.OnceFormException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@link JdbcRegistryAdapter} against an embedded H2 database. */
class JdbcRegistryAdapterH2Test extends JdbcRegistryAdapterContract {
  static final String URL = "jdbc:h2:mem:onceform-jdbc-test;DB_CLOSE_DELAY=-1";

  private final DataSource dataSource =
      new DriverManagerDataSource(URL, Optional.of("sa"), Optional.empty());

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Test
  void fetch_deadlineAlreadyPassed_unavailableWithoutQuerying() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    DataSource counting =
        (DataSource)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  connections.incrementAndGet();
                  return method.invoke(dataSource, args);
                });
    JdbcRegistryAdapter adapter =
        JdbcRegistryAdapter.builder()
            .id("population-db")
            .source("population")
            .dataSource(counting)
            .sql(SELECT)
            .column("fullName", "full_name")
            .clock(Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC))
            .build();

    RegistryAnswer answer = fetch(adapter, query(HUONG, "fullName"));
    adapter.close();

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail()).contains("deadline");
    assertThat(connections).hasValue(0);
  }

  @Test
  void fetch_columnWithoutJsonForm_badData() throws Exception {
    JdbcRegistryAdapter adapter =
        JdbcRegistryAdapter.builder()
            .id("population-db")
            .source("population")
            .dataSource(dataSource)
            .sql(
                "SELECT CAST(X'0102' AS VARBINARY) AS photo FROM "
                    + TABLE
                    + " WHERE personal_id = :subjectId")
            .column("photo", "photo")
            .build();

    RegistryAnswer answer = fetch(adapter, query(HUONG, "photo"));
    adapter.close();

    assertThat(answer.status()).isEqualTo(Status.BAD_DATA);
    assertThat(answer.detail()).contains("photo").contains("VARBINARY");
  }

  @Test
  void fetch_givenExecutor_runsTheQueryThere() throws Exception {
    AtomicInteger tasks = new AtomicInteger();
    Executor direct =
        task -> {
          tasks.incrementAndGet();
          task.run();
        };
    JdbcRegistryAdapter adapter =
        JdbcRegistryAdapter.builder()
            .id("population-db")
            .source("population")
            .dataSource(dataSource)
            .sql(SELECT)
            .column("fullName", "full_name")
            .executor(direct)
            .build();

    assertThat(fetch(adapter, query(HUONG, "fullName")).status()).isEqualTo(Status.FOUND);
    assertThat(tasks).hasValue(1);
  }

  @Test
  void fetch_executorRejects_unavailableAtOnce() throws Exception {
    JdbcRegistryAdapter adapter =
        JdbcRegistryAdapter.builder()
            .id("population-db")
            .source("population")
            .dataSource(dataSource)
            .sql(SELECT)
            .column("fullName", "full_name")
            .executor(
                task -> {
                  throw new RejectedExecutionException("full");
                })
            .build();

    RegistryAnswer answer = fetch(adapter, query(HUONG, "fullName"));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail()).contains("population-db");
  }

  @Test
  void fromConfig_urlAndPasswordEnv_queriesTheDatabase() throws Exception {
    String json =
        """
        {
          "id": "population-db",
          "source": "population",
          "version": "2026.1",
          "url": "%s",
          "user": "sa",
          "sql": "SELECT {columns} FROM %s WHERE personal_id = :subjectId",
          "columns": {"fullName": "full_name", "birthDate": "birth_date"},
          "recordReferenceColumn": "record_no"
        }
        """
            .formatted(URL, TABLE);
    JdbcRegistryAdapter adapter =
        JdbcRegistryAdapter.fromConfig(new ObjectMapper().readTree(json), "sources.json");

    RegistryAnswer answer = fetch(adapter, query(HUONG, "birthDate"));
    adapter.close();

    assertThat(adapter.attributes()).containsExactly("fullName", "birthDate");
    assertThat(adapter.version()).isEqualTo("2026.1");
    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(answer.values()).containsOnlyKeys("birthDate");
    assertThat(answer.recordReference()).contains("REC-1");
  }

  @Test
  void fromConfig_namedDataSource_usesTheApplicationsDataSource() throws Exception {
    String json =
        """
        {"id": "population-db", "source": "population", "dataSource": "population",
         "sql": "SELECT full_name FROM %s WHERE personal_id = :subjectId",
         "columns": {"fullName": "full_name"}}
        """
            .formatted(TABLE);
    JdbcRegistryAdapter adapter =
        JdbcRegistryAdapter.fromConfig(
            new ObjectMapper().readTree(json),
            "sources.json",
            name -> name.equals("population") ? dataSource : null);

    assertThat(fetch(adapter, query(HUONG, "fullName")).status()).isEqualTo(Status.FOUND);
    adapter.close();
  }

  @Test
  void build_sqlWithoutSubjectId_rejected() {
    assertThatThrownBy(
            () ->
                JdbcRegistryAdapter.builder()
                    .id("population-db")
                    .source("population")
                    .dataSource(dataSource)
                    .sql("SELECT full_name FROM " + TABLE)
                    .column("fullName", "full_name")
                    .build())
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-ADAPTER-112")
        .hasMessageContaining(":subjectId");
  }

  @Test
  void builder_columnThatIsNotAnIdentifier_rejectedQuotingIt() {
    assertThatThrownBy(() -> JdbcRegistryAdapter.builder().column("fullName", "full_name; --"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'full_name; --'");
  }

  @Test
  void toString_namesAttributesOnly() {
    RegistryQuery query =
        new RegistryQuery(
            "population",
            HUONG,
            Set.of("fullName"),
            Purpose.of("birth-registration"),
            "f@1",
            "c",
            Instant.now());
    assertThat(adapter(SELECT).toString()).contains("population-db").doesNotContain(HUONG);
    assertThat(query.toString()).doesNotContain(HUONG);
  }
}
