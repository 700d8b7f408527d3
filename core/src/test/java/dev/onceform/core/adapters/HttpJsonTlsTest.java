package dev.onceform.core.adapters;

import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.PERSON;
import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.answer;
import static dev.onceform.core.adapters.HttpJsonRegistryAdapterTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client-certificate TLS against a loopback HTTPS server that requires a client certificate. */
class HttpJsonTlsTest {
  private static TestPki pki;
  private static Loopback server;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create();
    server =
        Loopback.httpsNeedingClientCertificate(pki.serverContext())
            .handle("/citizens/", exchange -> Loopback.json(exchange, 200, PERSON));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void withClientCertificate_isFound() throws Exception {
    HttpJsonRegistryAdapter adapter =
        HttpJsonRegistryAdapterTest.adapter(server.url("/citizens/{subjectId}"))
            .sslContext(pki.clientContext())
            .build();

    RegistryAnswer answer = answer(adapter, query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(answer.values()).containsOnlyKeys("fullName");
  }

  @Test
  void withoutClientCertificate_fails() throws Exception {
    HttpJsonRegistryAdapter adapter =
        HttpJsonRegistryAdapterTest.adapter(server.url("/citizens/{subjectId}"))
            .sslContext(pki.clientContextWithoutCertificate())
            .build();

    RegistryAnswer answer = answer(adapter, query(Set.of("fullName")));

    assertThat(answer.status()).isIn(Status.UNAVAILABLE, Status.REFUSED);
    assertThat(answer.values()).isEmpty();
  }

  @Test
  void withoutTrustInTheServer_fails() throws Exception {
    HttpJsonRegistryAdapter adapter =
        HttpJsonRegistryAdapterTest.adapter(server.url("/citizens/{subjectId}")).build();

    RegistryAnswer answer = answer(adapter, query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail()).contains("TLS");
  }

  @Test
  void fromConfig_withPkcs12FilesAndPasswordVariables_isFound(@TempDir Path dir) throws Exception {
    TestPki.save(pki.client, dir.resolve("client.p12"));
    TestPki.save(pki.trust, dir.resolve("registry-ca.p12"));
    ObjectNode config =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"id\":\"population-https\",\"source\":\"population\","
                        + "\"url\":\"\",\"attributes\":{\"fullName\":\"/hoTen\"},"
                        + "\"tls\":{\"keyStore\":\"client.p12\","
                        + "\"keyStorePasswordEnv\":\"POP_KEYSTORE_PASSWORD\","
                        + "\"trustStore\":\"registry-ca.p12\","
                        + "\"trustStorePasswordEnv\":\"POP_TRUSTSTORE_PASSWORD\"}}");
    config.put("url", server.url("/citizens/{subjectId}"));
    String password = new String(TestPki.PASSWORD);
    Map<String, String> env =
        Map.of("POP_KEYSTORE_PASSWORD", password, "POP_TRUSTSTORE_PASSWORD", password);

    HttpJsonRegistryAdapter adapter =
        HttpJsonConfig.read(config, dir.resolve("sources.json").toString(), env::get);

    assertThat(answer(adapter, query(Set.of("fullName"))).status()).isEqualTo(Status.FOUND);
  }
}
