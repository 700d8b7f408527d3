package dev.onceform.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onceform.core.Purpose;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LoopbackEnterpriseRegistryTest {
  private static LoopbackEnterpriseRegistry registry;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    registry = LoopbackEnterpriseRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create(registry.baseUri() + path);
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void get_knownTaxCode_answersTheRecord() throws Exception {
    HttpResponse<String> response = get("/enterprises/0312345673");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    JsonNode record = new ObjectMapper().readTree(response.body());
    assertThat(record.get("taxCode").asText()).isEqualTo("0312345673");
    assertThat(record.get("ownerPersonalId").asText()).isEqualTo(SyntheticPopulation.APPLICANT_ID);
  }

  @Test
  void get_ownerPersonalId_answersTheSameRecord() throws Exception {
    HttpResponse<String> response = get("/enterprises/" + SyntheticPopulation.APPLICANT_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("0312345673");
  }

  @Test
  void get_unknownCode_404() throws Exception {
    assertThat(get("/enterprises/0100109106").statusCode()).isEqualTo(404);
    assertThat(get("/enterprises/").statusCode()).isEqualTo(404);
  }

  @Test
  void post_notAllowed() throws Exception {
    URI uri = URI.create(registry.baseUri() + "/enterprises/0312345673");
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
  }

  @Test
  void baseUri_isLoopback() {
    assertThat(registry.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(registry.baseUri().getPort()).isPositive();
  }

  @Test
  void adapter_foundAndNotFound() {
    RegistryQuery found =
        new RegistryQuery(
            "enterprise",
            "0318765434",
            Set.of("taxCode", "businessName"),
            Purpose.of("test"),
            "f@1.0.0",
            "c-1",
            Instant.now().plusSeconds(60));
    RegistryAnswer answer = registry.adapter().fetch(found).toCompletableFuture().join();
    assertThat(answer.status()).isEqualTo(RegistryAnswer.Status.FOUND);
    assertThat(answer.values())
        .extractingByKey("businessName")
        .extracting(n -> n.asText())
        .isEqualTo("Hộ kinh doanh Tạp hóa Minh Phát");
    assertThat(answer.recordReference()).hasValue("DKKD/0318765434-SYN");

    RegistryQuery missing =
        new RegistryQuery(
            "enterprise",
            "001090000000",
            Set.of("taxCode"),
            Purpose.of("test"),
            "f@1.0.0",
            "c-2",
            Instant.now().plusSeconds(60));
    assertThat(registry.adapter().fetch(missing).toCompletableFuture().join().status())
        .isEqualTo(RegistryAnswer.Status.NOT_FOUND);
  }

  @Test
  void taxCode_publishedCompanyCodes_getTheirCheckDigit() {
    assertThat(LoopbackEnterpriseRegistry.taxCode("010010910")).isEqualTo("0100109106");
    assertThat(LoopbackEnterpriseRegistry.taxCode("010010737")).isEqualTo("0100107370");
    assertThatThrownBy(() -> LoopbackEnterpriseRegistry.taxCode("12345678"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
