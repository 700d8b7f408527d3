package dev.onceform.examples;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.onceform.core.adapters.HttpJsonRegistryAdapter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the National Business Registration Database: an HTTP server on 127.0.0.1 (an
 * ephemeral port) that answers {@code GET /enterprises/{code}} with a JSON record of a synthetic
 * household business or enterprise, looked up by its 10-digit tax code or by its owner's personal
 * ID number; any other code is {@code 404}.
 *
 * <p>Every business here is invented; the tax codes carry a valid check digit but belong to no one.
 * Close it to stop the server.
 */
public final class LoopbackEnterpriseRegistry implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, ObjectNode> records;

  private LoopbackEnterpriseRegistry(HttpServer server, Map<String, ObjectNode> records) {
    this.server = server;
    this.records = Map.copyOf(records);
  }

  /**
   * Starts the server with the synthetic businesses.
   *
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static LoopbackEnterpriseRegistry start() {
    Map<String, ObjectNode> records = new HashMap<>();
    for (ObjectNode record : businesses()) {
      records.put(record.get("taxCode").asText(), record);
      if (record.hasNonNull("ownerPersonalId")) {
        records.put(record.get("ownerPersonalId").asText(), record);
      }
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port: " + e.getMessage(), e);
    }
    LoopbackEnterpriseRegistry registry = new LoopbackEnterpriseRegistry(server, records);
    server.createContext("/enterprises/", registry::handle);
    server.start();
    return registry;
  }

  /** Returns the server's base address, such as {@code http://127.0.0.1:41234}. */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://127.0.0.1:" + address.getPort());
  }

  /** Returns an adapter for source {@code enterprise} that asks this server. */
  public HttpJsonRegistryAdapter adapter() {
    return adapter("enterprise");
  }

  /**
   * Returns an adapter that asks this server, for the given source id. The business household form
   * binds the owner's tax code to source {@code tax}, attribute {@code taxCode}: pass {@code "tax"}
   * for it. Attributes: {@code taxCode}, {@code businessName}, {@code businessAddress}, {@code
   * businessCommune}, {@code ownerPersonalId}, {@code status}.
   *
   * <p>The adapter measures query deadlines with the system clock, so the engine that uses it must
   * run on the system clock too.
   *
   * @param source the source id the adapter answers for
   */
  public HttpJsonRegistryAdapter adapter(String source) {
    return HttpJsonRegistryAdapter.fromConfig(adapterConfig(source), "loopback business registry");
  }

  /**
   * Returns the adapter of {@link #adapter(String)} as an entry of a sources configuration file
   * ({@code "type": "http-json"}, see {@link dev.onceform.core.adapters.RegistryAdapters}). It
   * names this server's port, so it works only while the server runs.
   *
   * @param source the source id the adapter answers for
   */
  public ObjectNode adapterConfig(String source) {
    ObjectNode config = JSON.createObjectNode();
    config.put("type", "http-json");
    config.put("id", requireNonNull(source, "source") + "-loopback");
    config.put("source", source);
    config.put("version", "synthetic-1");
    config.put("url", baseUri() + "/enterprises/{subjectId}");
    config
        .putObject("attributes")
        .put("taxCode", "/taxCode")
        .put("businessName", "/name")
        .put("businessAddress", "/address")
        .put("businessCommune", "/communeCode")
        .put("ownerPersonalId", "/ownerPersonalId")
        .put("status", "/status");
    config.put("recordReference", "/recordNo");
    return config;
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, error("method not allowed"));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String code = path.substring("/enterprises/".length());
      ObjectNode record = records.get(code);
      if (record == null) {
        send(exchange, 404, error("no enterprise or household business with this code"));
      } else {
        send(exchange, 200, JSON.writeValueAsBytes(record));
      }
    }
  }

  private static byte[] error(String message) {
    try {
      return JSON.writeValueAsBytes(JsonNodeFactory.instance.objectNode().put("error", message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static List<ObjectNode> businesses() {
    return List.of(
        business(
            taxCode("031234567"),
            "Hộ kinh doanh Ánh Dương",
            SyntheticPopulation.APPLICANT_ID,
            "Số 12 đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh",
            "26743",
            "5610"),
        business(
            taxCode("031876543"),
            "Hộ kinh doanh Tạp hóa Minh Phát",
            null,
            "Số 45 đường Nguyễn Trãi, Phường Chợ Quán, Thành phố Hồ Chí Minh",
            "27301",
            "4711"),
        business(
            taxCode("600123456"),
            "Công ty TNHH Cà phê Buôn Ma Thuột Xanh",
            null,
            "Số 8 đường Lý Thường Kiệt, Phường Buôn Ma Thuột, Tỉnh Đắk Lắk",
            "24121",
            "1077"));
  }

  private static ObjectNode business(
      String taxCode,
      String name,
      @Nullable String owner,
      String address,
      String commune,
      String line) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("taxCode", taxCode).put("name", name);
    if (owner != null) {
      record.put("ownerPersonalId", owner);
    }
    record
        .put("address", address)
        .put("communeCode", commune)
        .put("status", "active")
        .put("recordNo", "DKKD/" + taxCode + "-SYN");
    record.putArray("businessLines").addObject().put("code", line);
    return record;
  }

  /**
   * Adds the check digit to nine digits: {@code N10 = 10 - (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 +
   * 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11}, {@code 0} for a remainder of 10.
   *
   * @throws IllegalArgumentException if the remainder is 0: no valid code has those nine digits
   */
  static String taxCode(String nineDigits) {
    int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    if (!nineDigits.matches("[0-9]{9}")) {
      throw new IllegalArgumentException("expected nine digits, but was " + nineDigits);
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += weights[i] * (nineDigits.charAt(i) - '0');
    }
    int remainder = sum % 11;
    if (remainder == 0) {
      throw new IllegalArgumentException("no valid tax code starts with " + nineDigits);
    }
    return nineDigits + (remainder == 10 ? 0 : 10 - remainder);
  }
}
