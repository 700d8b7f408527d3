package dev.onceform.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onceform.schema.OnceFormException;
import dev.onceform.schema.internal.Json;
import java.io.InputStream;

/**
 * Reads submissions from JSON text, strictly: duplicate keys and trailing content are errors, and
 * every error says where (source, line, column).
 */
public final class Submissions {
  private Submissions() {}

  /**
   * Reads a submission from a stream of UTF-8 JSON; the stream is not closed.
   *
   * @param source a name for messages, such as the file name
   * @throws OnceFormException {@code OF-JSON-101} with line and column if the input is not JSON
   */
  public static JsonNode parse(InputStream json, String source) {
    return Json.read(requireNonNull(json, "json"), requireNonNull(source, "source"));
  }

  /**
   * Reads a submission from JSON text.
   *
   * @throws OnceFormException {@code OF-JSON-101} with line and column if the input is not JSON
   */
  public static JsonNode parse(String json, String source) {
    return Json.read(requireNonNull(json, "json"), requireNonNull(source, "source"));
  }
}
