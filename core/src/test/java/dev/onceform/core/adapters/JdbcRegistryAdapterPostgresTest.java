package dev.onceform.core.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.onceform.core.Purpose;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.core.spi.RegistryQuery;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcRegistryAdapter} against a real PostgreSQL server, named by {@code ONCEFORM_PG_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:54329/onceform?user=onceform}; {@code .ci/run} starts
 * one on loopback). Skipped when the variable is unset, unless {@code ONCEFORM_REQUIRE_TOOLS=1}
 * (CI), in which case it fails.
 */
class JdbcRegistryAdapterPostgresTest extends JdbcRegistryAdapterContract {
  private static final String URL_VARIABLE = "ONCEFORM_PG_URL";

  private final DataSource dataSource =
      new DriverManagerDataSource(url(), Optional.empty(), Optional.empty());

  @BeforeAll
  static void requireServer() {
    String url = System.getenv(URL_VARIABLE);
    boolean given = url != null && !url.isBlank();
    if (!given && "1".equals(System.getenv("ONCEFORM_REQUIRE_TOOLS"))) {
      fail(
          URL_VARIABLE
              + " is not set; start PostgreSQL (apt-get install -y postgresql; see .ci/run) and"
              + " set it to e.g. jdbc:postgresql://127.0.0.1:54329/onceform?user=onceform");
    }
    Assumptions.assumeTrue(given, URL_VARIABLE + " is not set; PostgreSQL tests skipped");
  }

  private static String url() {
    String url = System.getenv(URL_VARIABLE);
    return url == null ? "jdbc:postgresql://unset" : url;
  }

  @Override
  DataSource dataSource() {
    return dataSource;
  }

  @Test
  void fetch_postgresCastAfterParameter_works() throws Exception {
    JdbcRegistryAdapter adapter =
        adapter(
            "SELECT {columns}, '{1,2}'::int[] AS ignored FROM "
                + TABLE
                + " WHERE personal_id = :subjectId::varchar(12) AND ':formId' <> $$:purpose$$");

    RegistryAnswer answer = fetch(adapter, query(HUONG, "fullName", "birthDate"));

    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(value(answer, "birthDate").textValue()).isEqualTo("1990-03-05");
  }

  @Test
  void fetch_queryLongerThanTheDeadline_cancelledAsUnavailable() throws Exception {
    // The deadline leaves 1 s (rounded up from less); the server is told to sleep for 30 s.
    JdbcRegistryAdapter adapter = adapter(SELECT + " AND pg_sleep(30) IS NOT NULL");
    RegistryQuery query =
        new RegistryQuery(
            "population",
            HUONG,
            Set.of("fullName"),
            Purpose.of("birth-registration"),
            "birth-registration@0.1.0",
            "corr-timeout",
            Instant.now().plusMillis(500));

    RegistryAnswer answer = fetch(adapter, query);

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail()).contains("57014").doesNotContain(HUONG);
  }
}
