package dev.onceform.core.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcAdapterConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DataSource H2 =
      new DriverManagerDataSource("jdbc:h2:mem:config", Optional.empty(), Optional.empty());

  private static ObjectNode valid() throws Exception {
    return (ObjectNode)
        JSON.readTree(
            """
            {"id": "population-db", "source": "population", "dataSource": "population",
             "sql": "SELECT {columns} FROM citizen WHERE personal_id = :subjectId",
             "columns": {"fullName": "full_name"}}
            """);
  }

  private static JdbcRegistryAdapter read(JsonNode config) {
    return JdbcAdapterConfig.read(
        config,
        "sources.json",
        name -> name.equals("population") ? H2 : null,
        Map.of("PG_PASSWORD", "secret")::get);
  }

  @Test
  void read_valid_buildsTheAdapter() throws Exception {
    try (JdbcRegistryAdapter adapter = read(valid().put("version", "2").put("maxConcurrency", 2))) {
      assertThat(adapter.id()).isEqualTo("population-db");
      assertThat(adapter.source()).isEqualTo("population");
      assertThat(adapter.version()).isEqualTo("2");
      assertThat(adapter.attributes()).containsExactly("fullName");
    }
  }

  @Test
  void read_urlWithPasswordEnv_buildsTheAdapter() throws Exception {
    ObjectNode config = valid();
    config.remove("dataSource");
    config.put("url", "jdbc:h2:mem:x").put("user", "sa").put("passwordEnv", "PG_PASSWORD");

    try (JdbcRegistryAdapter adapter = read(config)) {
      assertThat(adapter.id()).isEqualTo("population-db");
    }
  }

  @Test
  void read_notAnObject_rejected() {
    assertThatThrownBy(() -> read(JSON.getNodeFactory().arrayNode()))
        .hasMessageContaining("OF-ADAPTER-111")
        .hasMessageContaining("sources.json#:");
  }

  @Test
  void read_missingId_rejectedWithPointer() throws Exception {
    ObjectNode config = valid();
    config.remove("id");

    assertThatThrownBy(() -> read(config))
        .hasMessageContaining("OF-ADAPTER-111")
        .hasMessageContaining("sources.json#/id");
  }

  @Test
  void read_unknownMember_rejectedWithPointer() throws Exception {
    assertThatThrownBy(() -> read(valid().put("querry", "x")))
        .hasMessageContaining("OF-ADAPTER-111")
        .hasMessageContaining("sources.json#/querry");
  }

  @Test
  void read_badSql_rejectedWithSqlPointer() throws Exception {
    assertThatThrownBy(() -> read(valid().put("sql", "SELECT full_name FROM citizen")))
        .hasMessageContaining("OF-ADAPTER-112")
        .hasMessageContaining("sources.json#/sql")
        .hasMessageContaining(":subjectId");
  }

  @Test
  void read_columnsMissingOrBad_rejectedWithPointer() throws Exception {
    ObjectNode noColumns = valid();
    noColumns.remove("columns");
    assertThatThrownBy(() -> read(noColumns))
        .hasMessageContaining("OF-ADAPTER-113")
        .hasMessageContaining("#/columns");

    ObjectNode badColumn = valid();
    ((ObjectNode) badColumn.get("columns")).put("a/b", "x; DROP TABLE citizen");
    assertThatThrownBy(() -> read(badColumn))
        .hasMessageContaining("OF-ADAPTER-113")
        .hasMessageContaining("#/columns/a~1b");

    ObjectNode numberColumn = valid();
    ((ObjectNode) numberColumn.get("columns")).put("age", 3);
    assertThatThrownBy(() -> read(numberColumn)).hasMessageContaining("#/columns/age");
  }

  @Test
  void read_passwordInFile_rejected() throws Exception {
    ObjectNode config = valid();
    config.remove("dataSource");
    config.put("url", "jdbc:h2:mem:x").put("password", "hunter2");

    assertThatThrownBy(() -> read(config))
        .hasMessageContaining("OF-ADAPTER-114")
        .hasMessageContaining("#/password")
        .hasMessageContaining("passwordEnv")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void read_dataSourceProblems_rejected() throws Exception {
    ObjectNode both = valid().put("url", "jdbc:h2:mem:x");
    assertThatThrownBy(() -> read(both))
        .hasMessageContaining("OF-ADAPTER-114")
        .hasMessageContaining("both");

    ObjectNode neither = valid();
    neither.remove("dataSource");
    assertThatThrownBy(() -> read(neither)).hasMessageContaining("neither");

    assertThatThrownBy(() -> read(valid().put("dataSource", "tax")))
        .hasMessageContaining("OF-ADAPTER-114")
        .hasMessageContaining("#/dataSource")
        .hasMessageContaining("'tax'");

    ObjectNode unsetEnv = valid();
    unsetEnv.remove("dataSource");
    unsetEnv.put("url", "jdbc:h2:mem:x").put("passwordEnv", "NOT_SET_ANYWHERE");
    assertThatThrownBy(() -> read(unsetEnv))
        .hasMessageContaining("#/passwordEnv")
        .hasMessageContaining("NOT_SET_ANYWHERE");

    ObjectNode notJdbc = valid();
    notJdbc.remove("dataSource");
    notJdbc.put("url", "postgresql://localhost/db");
    assertThatThrownBy(() -> read(notJdbc)).hasMessageContaining("#/url");
  }

  @Test
  void read_badMaxConcurrency_rejected() throws Exception {
    assertThatThrownBy(() -> read(valid().put("maxConcurrency", 0)))
        .hasMessageContaining("OF-ADAPTER-111")
        .hasMessageContaining("#/maxConcurrency")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> read(valid().put("maxConcurrency", "4")))
        .hasMessageContaining("#/maxConcurrency");
  }

  @Test
  void fromConfig_withoutDataSources_namedDataSourceRejected() throws Exception {
    assertThatThrownBy(() -> JdbcRegistryAdapter.fromConfig(valid(), "sources.json"))
        .hasMessageContaining("OF-ADAPTER-114")
        .hasMessageContaining("'population'");
  }
}
