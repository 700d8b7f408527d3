package dev.onceform.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.onceform.schema.FormDefinition;
import dev.onceform.schema.OnceFormException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 5: a {@code $ref} out of the form document is never fetched. */
class FormEngineRemoteRefTest {
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/schema+json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private FormDefinition formWithRef(String ref) {
    return FormDefinition.parse(
        """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "x-form": {"id": "remote-ref", "version": "1.0.0", "title": {"vi": "Thử"}},
          "type": "object",
          "properties": {
            "name": {"$ref": "%s", "x-label": {"vi": "Họ và tên"}}
          }
        }
        """
            .formatted(ref),
        "remote-ref.json");
  }

  @Test
  void build_formWithRemoteRef_failsWithoutFetchingIt() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x.json";
    FormDefinition form = formWithRef(url);

    assertThatThrownBy(() -> FormEngine.builder().form(form).build())
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-VALID-152")
        .hasMessageContaining("form remote-ref@1.0.0")
        .hasMessageContaining("/properties/name/$ref")
        .hasMessageContaining("'" + url + "'")
        .hasMessageContaining("never fetches");
    assertThat(requests).hasValue(0);
  }

  @Test
  void build_formWithRemoteRefAndFragment_failsWithoutFetchingIt() {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x.json#/$defs/name";

    assertThatThrownBy(() -> FormEngine.builder().form(formWithRef(url)).build())
        .isInstanceOf(OnceFormException.class)
        .hasMessageContaining("OF-VALID-152");
    assertThat(requests).hasValue(0);
  }

  @Test
  void validate_formWithLocalRef_compilesAndValidates() throws IOException {
    FormEngine engine =
        FormEngine.builder()
            .form(
                FormDefinition.parse(
                    """
                    {
                      "$schema": "https://json-schema.org/draft/2020-12/schema",
                      "x-form": {"id": "local-ref", "version": "1.0.0", "title": {"vi": "Thử"}},
                      "type": "object",
                      "$defs": {"text": {"type": "string"}},
                      "properties": {"name": {"$ref": "#/$defs/text", "x-label": {"vi": "Tên"}}}
                    }
                    """,
                    "local-ref.json"))
            .build();

    assertThat(engine.validate("local-ref", Submissions.parse("{\"name\": 1}", "t")).problems())
        .extracting(p -> p.code() + " " + p.pointer())
        .containsExactly("type /name");
    assertThat(requests).hasValue(0);
  }
}
