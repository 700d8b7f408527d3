package dev.onceform.core.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onceform.core.FormEngine;
import dev.onceform.core.Purpose;
import dev.onceform.core.Subject;
import dev.onceform.core.prefill.ManualField;
import dev.onceform.core.prefill.PrefillResult;
import dev.onceform.core.prefill.SourcePolicy;
import dev.onceform.core.spi.RegistryAdapter;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.testing.FakeRegistry;
import dev.onceform.core.testing.Fixtures;
import dev.onceform.schema.OnceFormException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RegistryAdapters}: one file configures JDBC and HTTP adapters and source policies. */
class RegistryAdaptersTest {
  @TempDir Path dir;

  private static final String JDBC =
      "{\"type\":\"jdbc\",\"id\":\"population-db\",\"source\":\"population\","
          + "\"url\":\"jdbc:h2:mem:registry-adapters-test\","
          + "\"sql\":\"SELECT {columns} FROM citizen WHERE personal_id = :subjectId\","
          + "\"columns\":{\"fullName\":\"full_name\"}}";
  private static final String HTTP =
      "{\"type\":\"http-json\",\"id\":\"civil-status-api\",\"source\":\"civil-status\","
          + "\"url\":\"http://127.0.0.1:9/people/{subjectId}\","
          + "\"attributes\":{\"maritalStatus\":\"/status\"}}";

  private Path write(String json) throws Exception {
    return Files.writeString(dir.resolve("sources.json"), json);
  }

  private void assertError(String json, String code, String where) throws Exception {
    Path file = write(json);
    assertThatThrownBy(() -> RegistryAdapters.load(file))
        .isInstanceOf(OnceFormException.class)
        .satisfies(e -> assertThat(((OnceFormException) e).code()).isEqualTo(code))
        .hasMessageContaining(file + where);
  }

  @Test
  void load_jdbcHttpAndPolicies_inFileOrder() throws Exception {
    Path file =
        write(
            "{\"adapters\":["
                + JDBC
                + ","
                + HTTP
                + "],\"policies\":{\"population\":{\"timeout\":\"PT2S\","
                + "\"failureRateThreshold\":40,\"slidingWindowSize\":20,\"minimumCalls\":8,"
                + "\"openDuration\":\"PT1M\",\"probeCalls\":3},"
                + "\"civil-status\":{\"timeout\":\"PT0.5S\"}}}");

    RegistryConfig config = RegistryAdapters.load(file);

    assertThat(config.adapters())
        .extracting(RegistryAdapter::id)
        .containsExactly("population-db", "civil-status-api");
    assertThat(config.adapters().get(0)).isInstanceOf(JdbcRegistryAdapter.class);
    assertThat(config.adapters().get(1)).isInstanceOf(HttpJsonRegistryAdapter.class);
    assertThat(config.policies().keySet()).containsExactly("population", "civil-status");
    assertThat(config.policies().get("population"))
        .isEqualTo(
            SourcePolicy.builder()
                .timeout(Duration.ofSeconds(2))
                .failureRateThreshold(40)
                .slidingWindowSize(20)
                .minimumCalls(8)
                .openDuration(Duration.ofMinutes(1))
                .probeCalls(3)
                .build());
    assertThat(config.policies().get("civil-status"))
        .isEqualTo(SourcePolicy.builder().timeout(Duration.ofMillis(500)).build());
  }

  @Test
  void applyTo_registersAdaptersAndPolicies() throws Exception {
    RegistryConfig config =
        RegistryAdapters.load(
            write(
                "{\"adapters\":["
                    + JDBC
                    + "],\"policies\":{\"population\":{\"timeout\":\"PT2S\"}}}"));

    FormEngine engine =
        config.applyTo(FormEngine.builder().form(Fixtures.birthRegistration())).build();

    assertThat(engine.circuitState("population")).isPresent();
    assertThat(engine.circuitState("civil-status")).isEmpty();
  }

  @Test
  void load_defaultPolicyAndPrefillTimeout() throws Exception {
    RegistryConfig config =
        RegistryAdapters.load(
            write(
                "{\"defaultPolicy\":{\"timeout\":\"PT0.8S\",\"failureRateThreshold\":30},"
                    + "\"prefillTimeout\":\"PT2.5S\"}"));

    assertThat(config.defaultPolicy())
        .contains(
            SourcePolicy.builder()
                .timeout(Duration.ofMillis(800))
                .failureRateThreshold(30)
                .build());
    assertThat(config.prefillTimeout()).contains(Duration.ofMillis(2500));
    assertThat(RegistryAdapters.load(write("{}")).defaultPolicy()).isEmpty();
    assertThat(RegistryAdapters.load(write("{}")).prefillTimeout()).isEmpty();
  }

  @Test
  void load_badDefaultPolicyOrPrefillTimeout_isOf304() throws Exception {
    assertError(
        "{\"defaultPolicy\":{\"timout\":\"PT1S\"}}",
        "OF-ADAPTER-304",
        "#/defaultPolicy/timout: unknown member 'timout'");
    assertError(
        "{\"prefillTimeout\":\"3s\"}",
        "OF-ADAPTER-304",
        "#/prefillTimeout: '3s' is not an ISO-8601 duration");
    assertError(
        "{\"prefillTimeout\":\"PT0S\"}", "OF-ADAPTER-304", "#/prefillTimeout: must be positive");
  }

  /** A population registry that answers after one second: late for a short deadline only. */
  private static FakeRegistry slowPopulation() {
    return FakeRegistry.behaving(
        "population",
        Fixtures.POPULATION_ATTRIBUTES,
        q ->
            CompletableFuture.supplyAsync(
                () -> RegistryAnswer.foundText("REC-1", Map.of("fullName", "Nguyễn Thị Mai")),
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)));
  }

  private static Optional<ManualField.Reason> fullNameReason(RegistryConfig config) {
    FormEngine engine =
        config
            .applyTo(FormEngine.builder().form(Fixtures.birthRegistration()))
            .adapter(slowPopulation())
            .build();
    PrefillResult result =
        engine.prefill(
            "birth-registration",
            Subject.person(Fixtures.MOTHER_ID),
            Purpose.of("birth-registration"));
    return result.manual().stream()
        .filter(m -> m.pointer().equals("/applicant/fullName"))
        .map(ManualField::reason)
        .findFirst();
  }

  @Test
  void applyTo_setsTheOverallDeadline() throws Exception {
    // With the built-in 3 s deadline the one-second registry fills the field; with 0.2 s it is
    // late.
    assertThat(fullNameReason(RegistryAdapters.load(write("{}")))).isEmpty();
    assertThat(fullNameReason(RegistryAdapters.load(write("{\"prefillTimeout\":\"PT0.2S\"}"))))
        .contains(ManualField.Reason.TIMEOUT);
  }

  @Test
  void applyTo_setsTheDefaultPolicy() throws Exception {
    assertThat(
            fullNameReason(
                RegistryAdapters.load(write("{\"defaultPolicy\":{\"timeout\":\"PT0.2S\"}}"))))
        .contains(ManualField.Reason.TIMEOUT);
  }

  @Test
  void load_emptyAdapters_isAnEmptyConfig() throws Exception {
    RegistryConfig config = RegistryAdapters.load(write("{\"adapters\":[]}"));

    assertThat(config.adapters()).isEmpty();
    assertThat(config.policies()).isEmpty();
  }

  @Test
  void load_fileErrors_areOf301() throws Exception {
    assertError("{\"adapters\": [", "OF-ADAPTER-301", ": not valid JSON");
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> RegistryAdapters.load(missing))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith("OF-ADAPTER-301: " + missing);
  }

  @Test
  void load_structureErrors_nameFileAndPointer() throws Exception {
    assertError("[]", "OF-ADAPTER-302", "#: ");
    assertError("{\"adaptors\":[]}", "OF-ADAPTER-302", "#/adaptors: unknown member");
    assertError("{\"adapters\":{}}", "OF-ADAPTER-302", "#/adapters: ");
    assertError("{\"adapters\":[" + JDBC + ",7]}", "OF-ADAPTER-302", "#/adapters/1: ");
    assertError("{\"policies\":[]}", "OF-ADAPTER-302", "#/policies: ");
  }

  @Test
  void load_unknownOrMissingType_isOf303() throws Exception {
    assertError(
        "{\"adapters\":[" + JDBC + "," + HTTP.replace("http-json", "soap") + "]}",
        "OF-ADAPTER-303",
        "#/adapters/1/type: unknown adapter type 'soap'; use one of http-json, jdbc");
    assertError(
        "{\"adapters\":[" + JDBC.replace("\"type\":\"jdbc\",", "") + "]}",
        "OF-ADAPTER-303",
        "#/adapters/0/type: ");
    assertError(
        "{\"adapters\":[" + JDBC + "," + JDBC.replace("population-db", "other") + "]}",
        "OF-ADAPTER-303",
        "#/adapters/1/source: source 'population' already has the adapter at /adapters/0");
  }

  @Test
  void load_adapterErrors_keepTheirCodeWithTheWholePointer() throws Exception {
    assertError(
        "{\"adapters\":[" + JDBC.replace(":subjectId", "?") + "]}",
        "OF-ADAPTER-112",
        "#/adapters/0/sql: ");
    assertError(
        "{\"adapters\":[" + JDBC + "," + HTTP.replace("\"url\"", "\"urll\"") + "]}",
        "OF-ADAPTER-202",
        "#/adapters/1/urll: ");
    assertError(
        "{\"adapters\":[" + JDBC.replace("\"columns\"", "\"password\":\"x\",\"columns\"") + "]}",
        "OF-ADAPTER-114",
        "#/adapters/0/password: ");
  }

  @Test
  void load_relativeKeyStore_isResolvedAgainstTheFilesDirectory() throws Exception {
    Path file =
        write(
            "{\"adapters\":["
                + HTTP.replace(
                    "\"attributes\"",
                    "\"tls\":{\"trustStore\":\"certs/trust.p12\","
                        + "\"trustStorePasswordEnv\":\"PATH\"},\"attributes\"")
                + "]}");

    assertThatThrownBy(() -> RegistryAdapters.load(file))
        .isInstanceOf(OnceFormException.class)
        .satisfies(e -> assertThat(((OnceFormException) e).code()).isEqualTo("OF-ADAPTER-204"))
        .hasMessageContaining(file + "#/adapters/0/tls: ")
        .hasMessageContaining(dir.toAbsolutePath().resolve("certs/trust.p12").toString());
  }

  @Test
  void load_policyErrors_areOf304() throws Exception {
    assertError(
        "{\"policies\":{\"population\":{\"timeout\":\"2s\"}}}",
        "OF-ADAPTER-304",
        "#/policies/population/timeout: '2s' is not an ISO-8601 duration");
    assertError(
        "{\"policies\":{\"population\":{\"timeout\":\"PT0S\"}}}",
        "OF-ADAPTER-304",
        "#/policies/population/timeout: must be positive");
    assertError(
        "{\"policies\":{\"population\":{\"failureRateThreshold\":150}}}",
        "OF-ADAPTER-304",
        "#/policies/population/failureRateThreshold: ");
    assertError(
        "{\"policies\":{\"population\":{\"probeCalls\":\"two\"}}}",
        "OF-ADAPTER-304",
        "#/policies/population/probeCalls: must be a whole number");
    assertError(
        "{\"policies\":{\"population\":{\"timout\":\"PT1S\"}}}",
        "OF-ADAPTER-304",
        "#/policies/population/timout: unknown member 'timout'");
    assertError(
        "{\"policies\":{\"a/b\":{\"timout\":\"PT1S\"}}}",
        "OF-ADAPTER-304",
        "#/policies/a~1b/timout: ");
  }

  @Test
  void load_yaml_givesTheSameConfigAsJson() throws Exception {
    Path yaml =
        Files.writeString(
            dir.resolve("sources.yaml"),
            """
            # The population database and the civil status register.
            adapters:
              - type: jdbc
                id: population-db
                source: population
                url: "jdbc:h2:mem:registry-adapters-test"
                sql: "SELECT {columns} FROM citizen WHERE personal_id = :subjectId"
                columns:
                  fullName: full_name
              - type: http-json
                id: civil-status-api
                source: civil-status
                url: "http://127.0.0.1:9/people/{subjectId}"
                attributes:
                  maritalStatus: /status
            policies:
              civil-status:
                timeout: PT0.5S
            """);

    RegistryConfig config = RegistryAdapters.load(yaml);

    assertThat(config.adapters())
        .extracting(RegistryAdapter::id)
        .containsExactly("population-db", "civil-status-api");
    assertThat(config.adapters().get(1).attributes()).containsExactly("maritalStatus");
    assertThat(config.policies().get("civil-status"))
        .isEqualTo(SourcePolicy.builder().timeout(Duration.ofMillis(500)).build());
  }

  @Test
  void load_badYaml_namesLineAndColumn_duplicateKeysRejected() throws Exception {
    Path broken =
        Files.writeString(dir.resolve("broken.yml"), "adapters:\n  - type: jdbc\n   id: x\n");
    Path duplicate = Files.writeString(dir.resolve("dup.yaml"), "adapters: []\nadapters: []\n");

    assertThatThrownBy(() -> RegistryAdapters.load(broken))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining(broken + ": not valid YAML at line 3");
    assertThatThrownBy(() -> RegistryAdapters.load(duplicate))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining(duplicate + ": not valid YAML")
        .hasMessageContaining("adapters");
  }
}
