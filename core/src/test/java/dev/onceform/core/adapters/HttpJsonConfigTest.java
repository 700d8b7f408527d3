package dev.onceform.core.adapters;

import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.PERSON;
import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.answer;
import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HttpJsonRegistryAdapter#fromConfig}: a working adapter, and errors naming file#pointer.
 */
class HttpJsonConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ENV =
      Map.of("POP_API_KEY", "key-123", "POP_CLIENT_SECRET", "secret-456");

  private Loopback server;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server =
        Loopback.http()
            .handle(
                "/token",
                exchange ->
                    Loopback.json(
                        exchange,
                        200,
                        "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":600}"))
            .handle(
                "/",
                exchange -> {
                  seen.add(
                      exchange.getRequestMethod()
                          + " "
                          + exchange.getRequestURI().getRawPath()
                          + " key="
                          + exchange.getRequestHeaders().getFirst("X-Api-Key")
                          + " auth="
                          + exchange.getRequestHeaders().getFirst("Authorization")
                          + " body="
                          + new String(
                              exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                  Loopback.json(exchange, 200, PERSON);
                });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ObjectNode config(String json) throws IOException {
    return (ObjectNode) JSON.readTree(json.replace("BASE", server.url("")));
  }

  private static HttpJsonRegistryAdapter read(JsonNode config) {
    return HttpJsonConfig.read(config, "config/sources.json", ENV::get);
  }

  private static final String FULL =
      "{\"type\":\"http-json\",\"id\":\"population-http\",\"source\":\"population\","
          + "\"version\":\"2026.1\",\"url\":\"BASE/citizens/{subjectId}\","
          + "\"headers\":{\"X-Api-Key\":{\"env\":\"POP_API_KEY\"},\"X-Agency\":\"ubnd-ba-dinh\"},"
          + "\"attributes\":{\"fullName\":\"/hoTen\",\"province\":\"/diaChi/tinh\"},"
          + "\"recordReference\":\"/recordId\",\"maxResponseBytes\":65536,"
          + "\"connectTimeout\":\"PT2S\",\"tokenTimeout\":\"PT3S\","
          + "\"oauth2\":{\"tokenUrl\":\"BASE/token\",\"clientId\":\"agency\","
          + "\"clientSecretEnv\":\"POP_CLIENT_SECRET\",\"scope\":\"citizen.read\"}}";

  @Test
  void fromConfig_full_buildsAWorkingAdapter() throws Exception {
    HttpJsonRegistryAdapter adapter = read(config(FULL));

    RegistryAnswer answer = answer(adapter, query(Set.of("fullName", "province")));

    assertThat(adapter.id()).isEqualTo("population-http");
    assertThat(adapter.source()).isEqualTo("population");
    assertThat(adapter.version()).isEqualTo("2026.1");
    assertThat(adapter.attributes()).containsExactlyInAnyOrder("fullName", "province");
    assertThat(adapter.maxResponseBytes()).isEqualTo(65536);
    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(answer.recordReference()).contains("CD-001");
    assertThat(seen).containsExactly("GET /citizens/079012345678 key=key-123 auth=Bearer t body=");
  }

  @Test
  void fromConfig_post_sendsTheBodyTemplate() throws Exception {
    HttpJsonRegistryAdapter adapter =
        read(
            config(
                "{\"id\":\"p\",\"source\":\"population\",\"url\":\"BASE/lookup\","
                    + "\"method\":\"post\",\"body\":{\"soDinhDanh\":\"{subjectId}\"},"
                    + "\"attributes\":{\"fullName\":\"/hoTen\"}}"));

    assertThat(answer(adapter, query(Set.of("fullName"))).status()).isEqualTo(Status.FOUND);
    assertThat(seen)
        .containsExactly("POST /lookup key=null auth=null body={\"soDinhDanh\":\"079012345678\"}");
  }

  @Test
  void fromConfig_errorsNameFileAndPointer() throws Exception {
    assertError(remove(config(FULL), "id"), "OF-ADAPTER-201", "config/sources.json#/id");
    assertError(
        with(config(FULL), "url", "BASE/citizens/{personalId}"),
        "OF-ADAPTER-202",
        "config/sources.json#/url");
    assertError(
        with(config(FULL), "method", "DELETE"), "OF-ADAPTER-202", "config/sources.json#/method");
    assertError(
        with(config(FULL), "connectTimeout", "5s"),
        "OF-ADAPTER-202",
        "config/sources.json#/connectTimeout");
    ObjectNode badPointer = config(FULL);
    ((ObjectNode) badPointer.get("attributes")).put("fullName", "hoTen");
    assertError(badPointer, "OF-ADAPTER-202", "config/sources.json#/attributes/fullName");
    assertError(with(config(FULL), "urll", "x"), "OF-ADAPTER-202", "config/sources.json#/urll");
    ObjectNode literalSecret = config(FULL);
    ((ObjectNode) literalSecret.get("oauth2")).put("clientSecret", "in-the-file");
    assertError(literalSecret, "OF-ADAPTER-202", "#/oauth2/clientSecret");
    ObjectNode noAttributes = config(FULL);
    noAttributes.putObject("attributes");
    assertError(noAttributes, "OF-ADAPTER-201", "#/attributes");
    ObjectNode numberHeader = config(FULL);
    ((ObjectNode) numberHeader.get("headers")).put("X-Agency", 7);
    assertError(numberHeader, "OF-ADAPTER-201", "#/headers/X-Agency");
  }

  @Test
  void fromConfig_unsetSecretVariable_isNamed() throws Exception {
    ObjectNode config = config(FULL);
    ((ObjectNode) config.get("oauth2")).put("clientSecretEnv", "NOT_SET_ANYWHERE");

    assertError(config, "OF-ADAPTER-203", "#/oauth2/clientSecretEnv");
    assertThatThrownBy(() -> read(config)).hasMessageContaining("NOT_SET_ANYWHERE");
  }

  @Test
  void fromConfig_unreadableKeyStore_isNamed(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("client.p12");
    Files.write(store, new byte[] {1, 2, 3});
    ObjectNode config = config(FULL);
    ObjectNode tls = config.putObject("tls");
    tls.put("keyStore", store.toString());
    tls.put("keyStorePasswordEnv", "POP_API_KEY");

    assertError(config, "OF-ADAPTER-204", "client.p12");
    tls.remove("keyStorePasswordEnv");
    assertError(config, "OF-ADAPTER-201", "#/tls/keyStorePasswordEnv");
  }

  @Test
  void fromConfig_usesTheProcessEnvironment() throws Exception {
    ObjectNode config = config(FULL);
    config.remove("headers");
    ((ObjectNode) config.get("oauth2")).put("clientSecretEnv", "ONCEFORM_TEST_SURELY_UNSET_VAR");

    assertThatThrownBy(() -> HttpJsonRegistryAdapter.fromConfig(config, "sources.json"))
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-ADAPTER-203");
  }

  private static void assertError(JsonNode config, String code, String where) {
    assertThatThrownBy(() -> read(config))
        .isInstanceOf(OnceFormException.class)
        .hasMessageStartingWith(code)
        .hasMessageContaining(where);
  }

  private static ObjectNode remove(ObjectNode config, String name) {
    config.remove(name);
    return config;
  }

  private ObjectNode with(ObjectNode config, String name, String value) {
    config.put(name, value.replace("BASE", server.url("")));
    return config;
  }
}
