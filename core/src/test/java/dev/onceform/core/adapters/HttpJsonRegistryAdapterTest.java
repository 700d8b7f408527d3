package dev.onceform.core.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import dev.onceform.core.Purpose;
import dev.onceform.core.spi.RegistryAnswer;
import dev.onceform.core.spi.RegistryAnswer.Status;
import dev.onceform.core.spi.RegistryQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpJsonRegistryAdapterTest {
  static final String SUBJECT = "079012345678";
  static final String PERSON =
      "{\"recordId\":\"CD-001\",\"hoTen\":\"Nguyễn Thị Lan\",\"ngaySinh\":\"1990-03-08\","
          + "\"diaChi\":{\"tinh\":\"01\",\"xa\":\"00004\"},\"ghiChu\":null}";

  private Loopback server;
  private final List<HttpExchangeRecord> requests = new CopyOnWriteArrayList<>();

  /** What the server saw (read inside the handler). */
  record HttpExchangeRecord(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      String body) {}

  @BeforeEach
  void start() throws IOException {
    server = Loopback.http();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void record(HttpExchange exchange) throws IOException {
    requests.add(
        new HttpExchangeRecord(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            String.valueOf(exchange.getRequestURI().getRawQuery()),
            Map.copyOf(exchange.getRequestHeaders()),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
  }

  static HttpJsonRegistryAdapter.Builder adapter(String url) {
    return HttpJsonRegistryAdapter.builder()
        .id("population-http")
        .source("population")
        .version("2026.1")
        .url(url)
        .attribute("fullName", "/hoTen")
        .attribute("dateOfBirth", "/ngaySinh")
        .attribute("province", "/diaChi/tinh")
        .attribute("note", "/ghiChu")
        .attribute("ethnicity", "/danToc")
        .recordReference("/recordId");
  }

  static RegistryQuery query(String subjectId, Set<String> attributes, Duration timeout) {
    return new RegistryQuery(
        "population",
        subjectId,
        attributes,
        Purpose.of("birth-registration"),
        "birth-registration@0.1.0",
        "corr-42",
        Instant.now().plus(timeout));
  }

  static RegistryQuery query(Set<String> attributes) {
    return query(SUBJECT, attributes, Duration.ofSeconds(10));
  }

  static RegistryAnswer answer(HttpJsonRegistryAdapter adapter, RegistryQuery query)
      throws Exception {
    return adapter.fetch(query).toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private HttpJsonRegistryAdapter citizens() {
    return adapter(server.url("/citizens/{subjectId}")).build();
  }

  @Test
  void fetch_found_returnsOnlyAskedAttributesWithRecordReference() throws Exception {
    server.handle(
        "/citizens/",
        exchange -> {
          record(exchange);
          Loopback.json(exchange, 200, PERSON);
        });

    RegistryAnswer answer =
        answer(citizens(), query(Set.of("fullName", "province", "note", "ethnicity")));

    assertThat(answer.status()).isEqualTo(Status.FOUND);
    assertThat(answer.values()).containsOnlyKeys("fullName", "province");
    assertThat(answer.values())
        .containsEntry("fullName", TextNode.valueOf("Nguyễn Thị Lan"))
        .containsEntry("province", TextNode.valueOf("01"));
    assertThat(answer.recordReference()).contains("CD-001");
    HttpExchangeRecord request = requests.get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.rawPath()).isEqualTo("/citizens/" + SUBJECT);
    assertThat(request.headers().get("X-correlation-id")).containsExactly("corr-42");
    assertThat(request.headers().get("Accept")).containsExactly("application/json");
  }

  @Test
  void attributes_areTheMappedOnes() {
    assertThat(citizens().attributes())
        .containsExactlyInAnyOrder("fullName", "dateOfBirth", "province", "note", "ethnicity");
    assertThat(citizens().id()).isEqualTo("population-http");
    assertThat(citizens().version()).isEqualTo("2026.1");
  }

  @Test
  void fetch_subjectIdAndPurposeArePercentEncoded() throws Exception {
    server.handle(
        "/",
        exchange -> {
          record(exchange);
          Loopback.json(exchange, 200, PERSON);
        });
    HttpJsonRegistryAdapter adapter =
        adapter(server.url("/c/{subjectId}?purpose={purpose}&form={formId}"))
            .header("X-Agency", "UBND Phuong Ba Dinh")
            .build();
    RegistryQuery odd =
        new RegistryQuery(
            "population",
            "07 9/0?1&x=#đ",
            Set.of("fullName"),
            Purpose.of("khai sinh/đăng ký"),
            "birth-registration@0.1.0",
            "corr-1",
            Instant.now().plusSeconds(10));

    assertThat(answer(adapter, odd).status()).isEqualTo(Status.FOUND);

    HttpExchangeRecord request = requests.get(0);
    assertThat(request.rawPath()).isEqualTo("/c/07%209%2F0%3F1%26x%3D%23%C4%91");
    assertThat(request.rawQuery())
        .isEqualTo(
            "purpose=khai%20sinh%2F%C4%91%C4%83ng%20k%C3%BD&form=birth-registration%400.1.0");
    assertThat(request.headers().get("X-agency")).containsExactly("UBND Phuong Ba Dinh");
  }

  @Test
  void fetch_post_sendsBodyTemplateWithValues() throws Exception {
    server.handle(
        "/lookup",
        exchange -> {
          record(exchange);
          Loopback.json(exchange, 200, PERSON);
        });
    JsonNode template =
        new ObjectMapper()
            .readTree(
                "{\"soDinhDanh\":\"{subjectId}\",\"mucDich\":\"{purpose}\","
                    + "\"meta\":[\"{correlationId}\",1,true]}");
    HttpJsonRegistryAdapter adapter =
        adapter(server.url("/lookup"))
            .method(HttpJsonRegistryAdapter.Method.POST)
            .body(template)
            .build();

    assertThat(answer(adapter, query(Set.of("fullName"))).status()).isEqualTo(Status.FOUND);

    HttpExchangeRecord request = requests.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.headers().get("Content-type")).containsExactly("application/json");
    assertThat(new ObjectMapper().readTree(request.body()))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"soDinhDanh\":\"079012345678\",\"mucDich\":\"birth-registration\","
                        + "\"meta\":[\"corr-42\",1,true]}"));
  }

  @Test
  void fetch_404_isNotFound() throws Exception {
    server.handle("/", exchange -> Loopback.json(exchange, 404, "{\"error\":\"no such person\"}"));

    RegistryAnswer answer = answer(citizens(), query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.NOT_FOUND);
    assertThat(answer.values()).isEmpty();
  }

  @Test
  void fetch_500_isUnavailableAndNamesAdapterAndStatusNotSubject() throws Exception {
    server.handle("/", exchange -> Loopback.json(exchange, 500, "{\"error\":\"" + SUBJECT + "\"}"));

    RegistryAnswer answer = answer(citizens(), query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail())
        .contains("population-http", "population", "500")
        .doesNotContain(SUBJECT);
  }

  @Test
  void fetch_401and403_areRefused() throws Exception {
    server.handle("/a/", exchange -> Loopback.json(exchange, 401, "{}"));
    server.handle("/b/", exchange -> Loopback.json(exchange, 403, "{}"));

    assertThat(
            answer(adapter(server.url("/a/{subjectId}")).build(), query(Set.of("fullName")))
                .status())
        .isEqualTo(Status.REFUSED);
    assertThat(
            answer(adapter(server.url("/b/{subjectId}")).build(), query(Set.of("fullName")))
                .status())
        .isEqualTo(Status.REFUSED);
  }

  @Test
  void fetch_slowRegistry_isUnavailableAtTheDeadline() throws Exception {
    server.handle(
        "/",
        exchange -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    RegistryAnswer answer =
        answer(citizens(), query(SUBJECT, Set.of("fullName"), Duration.ofMillis(300)));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail()).contains("deadline");
  }

  @Test
  void fetch_bodyStalledAfterHeaders_isUnavailableAtTheDeadline() throws Exception {
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write("{\"hoTen\":".getBytes(StandardCharsets.UTF_8));
          out.flush();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    RegistryAnswer answer =
        answer(citizens(), query(SUBJECT, Set.of("fullName"), Duration.ofMillis(500)));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
  }

  @Test
  void fetch_deadlineAlreadyPassed_isUnavailableWithoutACall() throws Exception {
    server.handle(
        "/",
        exchange -> {
          record(exchange);
          Loopback.json(exchange, 200, PERSON);
        });

    RegistryAnswer answer =
        answer(citizens(), query(SUBJECT, Set.of("fullName"), Duration.ofSeconds(-1)));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(requests).isEmpty();
  }

  @Test
  void fetch_connectionRefused_isUnavailable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    HttpJsonRegistryAdapter adapter =
        adapter("http://127.0.0.1:" + port + "/citizens/{subjectId}").build();

    RegistryAnswer answer = answer(adapter, query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.UNAVAILABLE);
    assertThat(answer.detail()).doesNotContain(SUBJECT);
  }

  @Test
  void fetch_malformedJson_isBadData() throws Exception {
    server.handle("/", exchange -> Loopback.json(exchange, 200, "{\"hoTen\": \"Lan\", "));

    RegistryAnswer answer = answer(citizens(), query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.BAD_DATA);
    assertThat(answer.detail()).contains("not well-formed JSON");
  }

  @Test
  void fetch_duplicateKeys_isBadData() throws Exception {
    server.handle(
        "/", exchange -> Loopback.json(exchange, 200, "{\"hoTen\":\"Lan\",\"hoTen\":\"Mai\"}"));

    assertThat(answer(citizens(), query(Set.of("fullName"))).status()).isEqualTo(Status.BAD_DATA);
  }

  @Test
  void fetch_notAnObjectOrNotJsonContentType_isBadData() throws Exception {
    server.handle("/a/", exchange -> Loopback.json(exchange, 200, "[1,2]"));
    server.handle("/b/", exchange -> Loopback.send(exchange, 200, "text/html", "<html></html>"));
    server.handle("/c/", exchange -> Loopback.json(exchange, 200, ""));

    for (String path : List.of("/a/", "/b/", "/c/")) {
      RegistryAnswer answer =
          answer(adapter(server.url(path + "{subjectId}")).build(), query(Set.of("fullName")));
      assertThat(answer.status()).as(path).isEqualTo(Status.BAD_DATA);
    }
  }

  @Test
  void fetch_oversizedStreamedBody_isBadDataAndStopsReading() throws Exception {
    long total = 256L * 1024 * 1024;
    CompletableFuture<Long> written = new CompletableFuture<>();
    server.handle(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[8192];
          Arrays.fill(chunk, (byte) ' ');
          long sent = 0;
          try (OutputStream out = exchange.getResponseBody()) {
            out.write('[');
            while (sent < total) {
              out.write(chunk);
              sent += chunk.length;
            }
          } catch (IOException e) {
            written.complete(sent);
            return;
          }
          written.complete(sent);
        });
    HttpJsonRegistryAdapter adapter =
        adapter(server.url("/c/{subjectId}")).maxResponseBytes(64 * 1024).build();

    RegistryAnswer answer = answer(adapter, query(Set.of("fullName")));

    assertThat(answer.status()).isEqualTo(Status.BAD_DATA);
    assertThat(answer.detail()).contains("65536 bytes");
    assertThat(written.get(30, TimeUnit.SECONDS)).isLessThan(total);
  }

  @Test
  void fetch_declaredLengthOverLimit_isBadData() throws Exception {
    server.handle("/", exchange -> Loopback.json(exchange, 200, PERSON + " ".repeat(2000)));
    HttpJsonRegistryAdapter adapter =
        adapter(server.url("/c/{subjectId}")).maxResponseBytes(1000).build();

    assertThat(answer(adapter, query(Set.of("fullName"))).status()).isEqualTo(Status.BAD_DATA);
  }

  @Test
  void builder_rejectsBadSettingsAndQuotesThem() {
    assertThatThrownBy(() -> HttpJsonRegistryAdapter.builder().url("https://h/c/{personalId}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{personalId}");
    assertThatThrownBy(() -> HttpJsonRegistryAdapter.builder().url("https://{subjectId}.h/c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path and query");
    assertThatThrownBy(() -> HttpJsonRegistryAdapter.builder().url("ftp://h/c"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpJsonRegistryAdapter.builder().attribute("a", "hoTen"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hoTen");
    assertThatThrownBy(() -> HttpJsonRegistryAdapter.builder().maxResponseBytes(0))
        .hasMessageContaining("but was 0");
    assertThatThrownBy(() -> HttpJsonRegistryAdapter.builder().header("Host", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> adapter("https://h/c").method(HttpJsonRegistryAdapter.Method.POST).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("body");
    assertThatThrownBy(
            () -> HttpJsonRegistryAdapter.builder().id("x").source("s").url("https://h/").build())
        .hasMessageContaining("maps no attribute");
  }
}
